using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.OpenApi;

namespace Alumni.Api.Infrastructure.Hosting;

/// <summary>
/// The API's command line: with no command it serves; <c>migrate</c> applies migrations and seeds;
/// <c>openapi FILE</c> writes the contract.
/// </summary>
public static class Commands
{
    private static readonly string[] Names = ["migrate", "openapi"];

    /// <summary>The arguments meant for the host (configuration), without the command and its operands.</summary>
    public static string[] HostArgs(string[] args) =>
        args.Length > 0 && Names.Contains(args[0]) ? args.Skip(1).Where(a => a.StartsWith('-')).ToArray() : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                await app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None);
                foreach (var task in app.Services.GetServices<IStartupTask>())
                {
                    await task.RunAsync(CancellationToken.None);
                }

                Console.WriteLine("Database migrated.");
                return 0;
            case "openapi":
                var path = args.Skip(1).FirstOrDefault(a => !a.StartsWith('-')) ?? "openapi.yaml";
                await File.WriteAllTextAsync(path, await ContractWriter.YamlAsync(app.Services));
                Console.WriteLine($"Wrote {Path.GetFullPath(path)}");
                return 0;
            default:
                await app.RunAsync();
                return 0;
        }
    }
}
