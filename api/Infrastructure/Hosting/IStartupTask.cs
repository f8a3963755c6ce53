namespace Alumni.Api.Infrastructure.Hosting;

/// <summary>
/// Work a slice needs done once the database is migrated and before requests are served, such as seeding
/// reference data. Implementations are found by assembly scan and must be idempotent.
/// </summary>
public interface IStartupTask
{
    /// <summary>Lower runs first (reference data before what refers to it).</summary>
    int Order => 0;

    Task RunAsync(CancellationToken ct);
}
