using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>Ready when the database answers and every migration has been applied.</summary>
public sealed class DatabaseReadyCheck(Database db, Migrator migrator) : IHealthCheck
{
    private static readonly Sql Ping = Sql.Portable("SELECT 1");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using (var session = await db.OpenAsync(cancellationToken))
            {
                await session.ExecuteScalarAsync<int>(Ping, null, cancellationToken);
            }

            var pending = migrator.Pending();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{db.Provider} database reachable and migrated.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied: {string.Join(", ", pending)}.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy($"{db.Provider} database unreachable.", e);
        }
    }
}
