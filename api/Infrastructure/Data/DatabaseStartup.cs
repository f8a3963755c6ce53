using Alumni.Api.Infrastructure.Hosting;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>Migrates the database and runs the slices' startup tasks before the server takes requests.</summary>
public sealed class DatabaseStartup(DatabaseOptions options, Migrator migrator, IEnumerable<IStartupTask> tasks) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken);
        }

        foreach (var task in tasks.OrderBy(t => t.Order))
        {
            await task.RunAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
