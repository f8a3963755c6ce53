using System.Reflection;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Engine.Output;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>
/// Applies the numbered SQL scripts of the provider's folder (<c>Migrations/Sqlite</c> or <c>Migrations/SqlServer</c>,
/// embedded in the assembly) with DbUp, each in its own transaction; DbUp's journal table records what ran.
/// </summary>
public sealed class Migrator(Database database, ILogger<Migrator> logger)
{
    private static readonly Sql WalMode = Sql.Dialects("PRAGMA journal_mode=WAL;", "SELECT 'wal'");

    /// <summary>The embedded scripts for a provider, in the order they run.</summary>
    public static IReadOnlyList<(string Name, string Text)> Scripts(DatabaseProvider provider)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>Applies what is pending; throws when a script fails (that script's changes are rolled back).</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            EnsureDatabase.For.SqlDatabase(database.ConnectionString, new Log(logger));
        }

        var result = Engine().PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers work while one writer writes; the setting is stored in the database file.
            await using var session = await database.OpenAsync(ct);
            await session.ExecuteScalarAsync<string>(WalMode, null, ct);
        }
    }

    /// <summary>The names of scripts not yet applied.</summary>
    public IReadOnlyList<string> Pending()
    {
        try
        {
            return Engine().GetScriptsToExecute().Select(s => s.Name).ToList();
        }
        catch (Exception e) when (database.Provider == DatabaseProvider.SqlServer && e is Microsoft.Data.SqlClient.SqlException)
        {
            // The database itself does not exist yet: everything is pending.
            return Scripts(database.Provider).Select(s => s.Name).ToList();
        }
    }

    private UpgradeEngine Engine()
    {
        UpgradeEngineBuilder builder = database.Provider == DatabaseProvider.Sqlite
            ? DeployChanges.To.SqliteDatabase(database.ConnectionString)
            : DeployChanges.To.SqlDatabase(database.ConnectionString);
        return builder
            .WithScripts(Scripts(database.Provider).Select(s => new SqlScript(s.Name, s.Text)))
            .WithTransactionPerScript()
            .LogTo(new Log(logger))
            .Build();
    }

    private sealed class Log(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);

        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

        public void LogError(string format, params object[] args) => logger.LogError(format, args);

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
