using Alumni.Api.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Infrastructure.Jobs;

/// <summary>
/// Claims queued jobs (or jobs whose lease ran out) one at a time, runs their handler, and keeps the lease alive with
/// a heartbeat; when the heartbeat finds the lease taken by another instance, the handler is cancelled.
/// </summary>
public sealed class JobWorker(Database db, IEnumerable<IJobHandler> handlers, TimeProvider time, IOptions<JobOptions> options, ILogger<JobWorker> logger)
    : BackgroundService
{
    private const int MaxAttempts = 5;

    private static readonly Sql Next = Sql.Dialects(
        """
        SELECT id AS Id, kind AS Kind, attempts AS Attempts FROM jobs
        WHERE status = 'queued' OR (status = 'running' AND lease_until < @Now)
        ORDER BY created_at
        LIMIT 1
        """,
        """
        SELECT TOP (1) id AS Id, kind AS Kind, attempts AS Attempts FROM dbo.jobs WITH (UPDLOCK, READPAST, ROWLOCK)
        WHERE status = 'queued' OR (status = 'running' AND lease_until < @Now)
        ORDER BY created_at
        """);

    private static readonly Sql Claim = Sql.Portable("""
        UPDATE jobs
        SET status = 'running', lease_owner = @Owner, lease_until = @Until, attempts = attempts + 1,
            started_at = COALESCE(started_at, @Now)
        WHERE id = @Id
        """);

    private static readonly Sql Renew = Sql.Portable("""
        UPDATE jobs SET lease_until = @Until WHERE id = @Id AND lease_owner = @Owner AND status = 'running'
        """);

    private static readonly Sql Finish = Sql.Portable("""
        UPDATE jobs SET status = @Status, finished_at = @Now, lease_owner = NULL, lease_until = NULL, error = @Error
        WHERE id = @Id AND lease_owner = @Owner
        """);

    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Claims and runs one job, if there is one; true when it ran one.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var job = await ClaimAsync(ct);
        if (job is null)
        {
            return false;
        }

        var handler = handlers.SingleOrDefault(h => h.Kind == job.Kind);
        using var lease = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = HeartbeatAsync(job.Id, lease);
        string status;
        string? error = null;
        try
        {
            if (handler is null)
            {
                throw new InvalidOperationException($"No handler for jobs of kind {job.Kind}.");
            }

            if (job.Attempts > MaxAttempts)
            {
                throw new InvalidOperationException($"Gave up after {MaxAttempts} attempts.");
            }

            await handler.RunAsync(job, lease.Token);
            status = "succeeded";
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || lease.IsCancellationRequested)
        {
            // Stopping, or the lease was lost: the job stays running and is taken over when its lease runs out.
            await lease.CancelAsync();
            await heartbeat;
            return true;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {JobId} ({Kind}) failed", job.Id, job.Kind);
            status = "failed";
            error = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
        }

        await lease.CancelAsync();
        await heartbeat;
        await using var session = await db.OpenAsync(CancellationToken.None);
        await session.ExecuteAsync(Finish, new { job.Id, Status = status, Now = time.GetUtcNow(), Error = error, Owner = owner }, CancellationToken.None);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken))
                {
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The job worker could not claim work; trying again");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<Job?> ClaimAsync(CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var now = time.GetUtcNow();
        var job = await session.QuerySingleOrDefaultAsync<Job>(Next, new { Now = now }, ct);
        if (job is null)
        {
            return null;
        }

        await session.ExecuteAsync(Claim, new { job.Id, Owner = owner, Until = now.AddSeconds(options.Value.LeaseSeconds), Now = now }, ct);
        await session.CommitAsync(ct);
        return job with { Attempts = job.Attempts + 1 };
    }

    private async Task HeartbeatAsync(Guid id, CancellationTokenSource lease)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.LeaseSeconds / 3));
        try
        {
            while (true)
            {
                await Task.Delay(period, time, lease.Token);
                await using var session = await db.OpenAsync(lease.Token);
                var renewed = await session.ExecuteAsync(Renew, new { Id = id, Owner = owner, Until = time.GetUtcNow().AddSeconds(options.Value.LeaseSeconds) }, lease.Token);
                if (renewed == 0)
                {
                    logger.LogWarning("Lost the lease of job {JobId}; stopping it here", id);
                    await lease.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
    }
}

/// <summary>Registers the job worker and its options.</summary>
public static class JobSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobOptions>(configuration.GetSection(JobOptions.Section));
        services.AddSingleton<JobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        return services;
    }
}
