namespace Alumni.Api.Infrastructure.Hosting;

/// <summary>
/// Work a slice needs done once the database is migrated and before requests are served, such as seeding
/// reference data. Implementations are found by assembly scan and must be idempotent.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken ct);
}
