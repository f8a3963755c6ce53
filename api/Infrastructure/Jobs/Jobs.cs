using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Infrastructure.Jobs;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>How often an idle worker looks for work.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>How long a claim lasts without a heartbeat; a crashed instance's job is taken over after it.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Run the worker in this instance (turn off for instances that only serve requests).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>A claimed job.</summary>
public sealed record Job
{
    public Guid Id { get; init; }

    public string Kind { get; init; } = "";

    /// <summary>How many times it has been claimed, this time included.</summary>
    public int Attempts { get; init; }
}

/// <summary>
/// Does the work of one kind of job. It must be resumable: a job is run again from the start of the handler after a
/// crash or restart, so the handler keeps its own checkpoint and must never repeat an effect (such as a mail sent).
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(Job job, CancellationToken ct);
}

/// <summary>Queues jobs, in the caller's transaction so that a job exists exactly when what it works on does.</summary>
public static class JobQueue
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO jobs (id, kind, status, attempts, created_at) VALUES (@Id, @Kind, 'queued', 0, @Now)
        """);

    public static Task EnqueueAsync(DbSession session, Guid id, string kind, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(Insert, new { Id = id, Kind = kind, Now = now }, ct);
}
