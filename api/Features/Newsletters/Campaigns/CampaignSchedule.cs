using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>
/// Starts scheduled campaigns when their time comes, polling every <see cref="NewsletterOptions.CampaignSchedulePollSeconds"/>
/// on the <see cref="TimeProvider"/> (when <see cref="NewsletterOptions.ScheduleEnabled"/>). Each start is the
/// conditional move from <c>scheduled</c> to <c>sending</c> of <see cref="CampaignSending"/>, so with two instances (or
/// two polls) a campaign starts exactly once. A due campaign whose mail no longer compiles goes back to draft (logged).
/// </summary>
public sealed class CampaignSchedule(Database db, CampaignSending sending, IServiceScopeFactory scopes, TimeProvider time,
    IOptions<NewsletterOptions> options, ILogger<CampaignSchedule> logger) : BackgroundService
{
    [Unscoped("the schedule starts every department's due campaigns")]
    private static readonly Sql Due = Sql.Portable("""
        SELECT id FROM newsletter_campaigns WHERE status = 'scheduled' AND scheduled_at <= @Now ORDER BY scheduled_at, id
        """);

    [Unscoped("the schedule puts a due campaign that cannot be sent back to draft, whichever department's")]
    private static readonly Sql BackToDraft = Sql.Portable("""
        UPDATE newsletter_campaigns SET status = 'draft', updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'scheduled'
        """);

    private static readonly DepartmentScope Everything = new(true, Guid.Empty);

    /// <summary>Starts what is due now, once; how many it started.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<Guid> due;
        await using (var session = await db.OpenAsync(ct))
        {
            due = await session.QueryAsync<Guid>(Due, new { Now = now }, ct);
        }

        var started = 0;
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                if (await sending.StartAsync(id, Everything, due: true, scope.ServiceProvider, null, now, ct))
                {
                    started++;
                }
            }
            catch (ProblemException e) when (e.Status is StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict)
            {
                // Changed meanwhile (started, cancelled) is a 409 with nothing to do; a mail that does not compile goes back to draft.
                if (e.Status == StatusCodes.Status400BadRequest)
                {
                    await using var session = await db.BeginAsync(ct);
                    await session.ExecuteAsync(BackToDraft, new { Id = id, Now = now }, ct);
                    await session.CommitAsync(ct);
                    logger.LogWarning("Scheduled campaign {CampaignId} could not be sent and is a draft again: its mail does not compile", id);
                }
            }
        }

        return started;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScheduleEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.CampaignSchedulePollSeconds)), time);
        do
        {
            try
            {
                var started = await RunOnceAsync(stoppingToken);
                if (started > 0)
                {
                    logger.LogInformation("Campaign schedule: {Started} scheduled campaigns started", started);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The campaign schedule failed; trying again at the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
