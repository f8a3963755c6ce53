using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.OpenApi;

namespace Alumni.Api.Infrastructure.Hosting;

/// <summary>A command of the API's command line that a slice provides (found by assembly scan).</summary>
public interface IHostCommand
{
    /// <summary>The first word on the command line.</summary>
    string Name { get; }

    Task<int> RunAsync(IServiceProvider services, string[] args);
}

/// <summary>
/// The API's command line: with no command it serves; <c>migrate</c> applies migrations and seeds;
/// <c>openapi FILE</c> writes the contract; the slices add their own (such as <c>admin grant EMAIL</c>).
/// </summary>
public static class Commands
{
    private static readonly IReadOnlyDictionary<string, IHostCommand> SliceCommands = typeof(Commands).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IHostCommand)))
        .Select(t => (IHostCommand)Activator.CreateInstance(t)!)
        .ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The arguments meant for the host (configuration), without the command and its operands.</summary>
    public static string[] HostArgs(string[] args) =>
        args.Length > 0 && IsCommand(args[0]) ? args.Skip(1).Where(a => a.StartsWith('-')).ToArray() : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var operands = args.Skip(1).Where(a => !a.StartsWith('-')).ToArray();
        switch (args.FirstOrDefault())
        {
            case "migrate":
                await MigrateAsync(app.Services);
                Console.WriteLine("Database migrated.");
                return 0;
            case "openapi":
                var path = operands.FirstOrDefault() ?? "openapi.yaml";
                await File.WriteAllTextAsync(path, await ContractWriter.YamlAsync(app.Services));
                Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
                return 0;
            case { } name when SliceCommands.TryGetValue(name, out var command):
                await MigrateAsync(app.Services);
                return await command.RunAsync(app.Services, operands);
            default:
                await app.RunAsync();
                return 0;
        }
    }

    private static bool IsCommand(string word) => word is "migrate" or "openapi" || SliceCommands.ContainsKey(word);

    private static async Task MigrateAsync(IServiceProvider services)
    {
        await services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
        foreach (var task in services.GetServices<IStartupTask>().OrderBy(t => t.Order))
        {
            await task.RunAsync(CancellationToken.None);
        }
    }
}
