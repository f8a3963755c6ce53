using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Features.Newsletters.Topics;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>
/// Starts a campaign's send (now, or when the schedule finds it due) and puts its batches back on the queue. The start
/// checks that the mail compiles (<see cref="ICampaignMailFactory"/>) before anything is written, then in ONE
/// transaction moves the campaign to <c>sending</c> (conditionally on its status, so two callers or two instances start
/// it once), fixes its recipients with one <c>INSERT … SELECT</c> (the topic's subscribers, within the sender's
/// department, numbered into batches), and queues one job per batch.
/// </summary>
public sealed class CampaignSending(Database db, IAuditLog audit, IOptions<NewsletterOptions> options)
{
    /// <summary>The kind of the job that sends one batch of a campaign (its handler belongs to <c>Sending/</c>).</summary>
    public const string BatchJobKind = "newsletter.batch";

    private static readonly Sql Read = Sql.Portable($"""
        SELECT m.status AS Status, m.topic_id AS TopicId, m.segment_id AS SegmentId, m.subject_sv AS SubjectSv, m.subject_en AS SubjectEn,
               m.body_sv AS BodySv, m.body_en AS BodyEn, m.scheduled_at AS ScheduledAt
        FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope}
        """);

    /// <summary>The move to <c>sending</c>, first in the transaction: only one caller gets the row.</summary>
    private static readonly Sql MarkSending = Sql.Portable($"""
        UPDATE newsletter_campaigns
        SET status = 'sending', started_at = @Now, finished_at = NULL, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status IN ('draft', 'scheduled')
          AND (@Due = 0 OR status = 'scheduled' AND scheduled_at <= @Now)
          AND EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope})
        """);

    /// <summary>
    /// The recipients, fixed: every member on the campaign's topic (<see cref="TopicAudience.Subscribed"/>) who, when the
    /// campaign is a department's, belongs to that department; numbered into batches of <c>@BatchSize</c> from 0.
    /// </summary>
    private static readonly Sql InsertRecipients = Sql.Portable($"""
        INSERT INTO newsletter_recipients (campaign_id, member_id, email, language, batch, state, attempts, updated_at)
        SELECT @Id, a.member_id, a.email, a.language, (a.n - 1) / @BatchSize, 'queued', 0, @Now
        FROM (SELECT c.member_id AS member_id, c.email AS email,
                     CASE WHEN c.preferred_language = 'en' THEN 'en' ELSE 'sv' END AS language,
                     ROW_NUMBER() OVER (ORDER BY c.member_id) AS n
              FROM member_contacts c
              WHERE {TopicAudience.Subscribed}
                AND EXISTS (SELECT 1 FROM newsletter_campaigns x
                            WHERE x.id = @Id AND x.topic_id = @TopicId AND {StaffScope.Predicate("x.department_id")}
                              AND (x.department_id IS NULL
                                   OR EXISTS (SELECT 1 FROM member_departments sd WHERE sd.member_id = c.member_id AND sd.department_id = x.department_id)))) a
        """);

    private static readonly Sql InsertBatch = Sql.Portable("""
        INSERT INTO newsletter_send_batches (job_id, campaign_id, batch) VALUES (@JobId, @Id, @Batch)
        """);

    [Unscoped("runs after the caller's scoped move of the same campaign in the same transaction")]
    private static readonly Sql SetCount = Sql.Portable("""
        UPDATE newsletter_campaigns
        SET recipient_count = @Count,
            status = CASE WHEN @Count = 0 THEN 'sent' ELSE status END,
            finished_at = CASE WHEN @Count = 0 THEN @Now ELSE finished_at END
        WHERE id = @Id
        """);

    /// <summary>The batches with recipients still queued whose job is no longer waiting or running (ended, or none).</summary>
    private static readonly Sql BatchesToRequeue = Sql.Portable("""
        SELECT b.batch FROM newsletter_send_batches b
        LEFT JOIN job_status j ON j.id = b.job_id
        WHERE b.campaign_id = @Id
          AND EXISTS (SELECT 1 FROM newsletter_recipients r WHERE r.campaign_id = b.campaign_id AND r.batch = b.batch AND r.state = 'queued')
          AND (j.status IS NULL OR j.status NOT IN ('queued', 'running'))
        ORDER BY b.batch
        """);

    private static readonly Sql PointBatch = Sql.Portable("""
        UPDATE newsletter_send_batches SET job_id = @JobId WHERE campaign_id = @Id AND batch = @Batch
        """);

    private static readonly Sql Unfinished = Sql.Portable("""
        SELECT COUNT(*) FROM newsletter_recipients WHERE campaign_id = @Id AND state IN ('queued', 'sending')
        """);

    [Unscoped("runs after the caller's scoped move of the same campaign in the same transaction")]
    private static readonly Sql Finish = Sql.Portable("""
        UPDATE newsletter_campaigns SET status = 'sent', finished_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'sending'
        """);

    /// <summary>
    /// Starts the campaign now (<paramref name="due"/> false: a draft or scheduled one, as the caller asks) or because
    /// its time came (<paramref name="due"/> true: only a scheduled one that is due). The mail is compiled first by
    /// the factory from <paramref name="services"/> (field errors as a 400, nothing written). False when another caller
    /// started it first (or, for the schedule, it is no longer due); a 409 for a caller when its status does not allow it.
    /// </summary>
    public async Task<bool> StartAsync(Guid id, DepartmentScope scope, bool due, IServiceProvider services, HttpContext? context, DateTimeOffset now,
        CancellationToken ct)
    {
        var campaign = await CheckSendableAsync(id, scope, services, ct);
        await using var session = await db.BeginAsync(ct);
        if (await session.ExecuteAsync(MarkSending, new { Id = id, Now = now, Due = due, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            return due ? false : throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.onlyADraftOrScheduledStarts"));
        }

        var batchSize = Math.Max(1, options.Value.BatchSize);
        var count = await session.ExecuteAsync(InsertRecipients,
            new { Id = id, campaign.TopicId, BatchSize = batchSize, Now = now, scope.ScopeAll, scope.ScopeUserId }, ct);
        for (var batch = 0; batch < (count + batchSize - 1) / batchSize; batch++)
        {
            var jobId = Guid.CreateVersion7(now);
            await JobQueue.EnqueueAsync(session, jobId, BatchJobKind, now, ct);
            await session.ExecuteAsync(InsertBatch, new { JobId = jobId, Id = id, Batch = batch }, ct);
        }

        await session.ExecuteAsync(SetCount, new { Id = id, Count = count, Now = now }, ct);
        await audit.WriteAsync(session, context, new AuditEvent("newsletter.campaign-start", "newsletter-campaign", id.ToString()), ct);
        await session.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Checks that the campaign can be sent: the caller sees it (404), it is a draft or scheduled (409), it has no
    /// segment yet to narrow it by (409 until segments can be evaluated), a subject and a body are written in a
    /// language (400), and its mail compiles (the factory's field errors, 400). Writes nothing; call it outside a transaction.
    /// </summary>
    internal async Task<StartRow> CheckSendableAsync(Guid id, DepartmentScope scope, IServiceProvider services, CancellationToken ct)
    {
        StartRow campaign;
        await using (var read = await db.OpenAsync(ct))
        {
            campaign = await read.QuerySingleOrDefaultAsync<StartRow>(Read, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct)
                ?? throw ProblemException.NotFound(Texts.Get("newsletters.campaigns.noCampaignWithThatId"));
        }

        if (!CampaignRules.IsEditable(campaign.Status))
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.onlyADraftOrScheduledStarts"));
        }

        if (campaign.SegmentId is not null)
        {
            // The segment's condition (nl-segments' SegmentSql) is not here yet: sending to the whole topic instead would reach too many.
            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.segmentsCannotBeSentYet"));
        }

        CheckWritten(campaign);
        var factory = services.GetService<ICampaignMailFactory>()
            ?? throw new ProblemException(StatusCodes.Status503ServiceUnavailable, Texts.Get("newsletters.campaigns.mailCannotBeComposedHere"));
        await factory.PrepareAsync(id, ct);
        return campaign;
    }

    /// <summary>
    /// In the caller's transaction, after the campaign was moved back to <c>sending</c>: a new job for every batch that
    /// still has queued recipients and no job waiting or running for it; when nothing is left to send, the campaign is
    /// sent. How many jobs it queued.
    /// </summary>
    public static async Task<int> RequeueAsync(DbSession session, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        if (await session.ExecuteScalarAsync<long>(Unfinished, new { Id = id }, ct) == 0)
        {
            await session.ExecuteAsync(Finish, new { Id = id, Now = now }, ct);
            return 0;
        }

        var batches = await session.QueryAsync<int>(BatchesToRequeue, new { Id = id }, ct);
        foreach (var batch in batches)
        {
            var jobId = Guid.CreateVersion7(now);
            await JobQueue.EnqueueAsync(session, jobId, BatchJobKind, now, ct);
            await session.ExecuteAsync(PointBatch, new { JobId = jobId, Id = id, Batch = batch }, ct);
        }

        return batches.Count;
    }

    /// <summary>A send needs a subject and a body in at least one language (the renderer checks the rest).</summary>
    private static void CheckWritten(StartRow c)
    {
        if (Written(c.SubjectSv, c.BodySv) || Written(c.SubjectEn, c.BodyEn))
        {
            return;
        }

        var message = Texts.Get("newsletters.campaigns.writeASubjectAndABody");
        var field = TextRules.Clean(c.SubjectSv) is null && TextRules.Clean(c.SubjectEn) is not null && TextRules.Clean(c.BodyEn) is null ? "bodyEn"
            : TextRules.Clean(c.SubjectSv) is null ? "subjectSv"
            : "bodySv";
        throw ProblemException.Field(field, message);
    }

    private static bool Written(string? subject, string? body) => TextRules.Clean(subject) is not null && TextRules.Clean(body) is not null;

    internal sealed record StartRow
    {
        public CampaignStatus Status { get; init; }
        public Guid TopicId { get; init; }
        public Guid? SegmentId { get; init; }
        public string? SubjectSv { get; init; }
        public string? SubjectEn { get; init; }
        public string? BodySv { get; init; }
        public string? BodyEn { get; init; }
        public DateTimeOffset? ScheduledAt { get; init; }
    }
}
