using Alumni.Api.Features.Newsletters.Preferences;
using Alumni.Api.Features.Newsletters.Topics;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Sending;

/// <summary>
/// Sends one batch of a campaign (a <c>jobs</c> row of kind <c>newsletter.batch</c>; <c>newsletter_send_batches</c>
/// says which campaign and batch), crash-safe:
/// <list type="number">
/// <item>A paused or cancelled campaign, or a batch whose job was replaced (resumed with a new job), ends the job
/// without sending; the status is read again before every window, so a pause stops the send between two windows.</item>
/// <item>Rows still <c>sending</c> when the job starts were in flight when the job's previous holder died: they become
/// <c>uncertain</c> (the server may or may not have accepted them; the operator decides), never sent again here.</item>
/// <item>Window by window: at most <see cref="NewsletterOptions.InFlightWindow"/> due queued rows become
/// <c>sending</c> in one statement, in the same transaction those no longer on the topic
/// (<see cref="TopicAudience.Subscribed"/>, so a one-click unsubscribe takes effect before the next window) become
/// <c>skipped</c>, and the rest are read with their current name and address (<c>member_contacts</c>). Their mail is
/// sent in parallel over the transport's connections; then one transaction records each outcome: <c>sent</c> (with the
/// Message-ID) only for mail the server accepted, a temporary failure back to <c>queued</c> with a back-off, a permanent
/// one (or the last attempt) <c>failed</c> with the server's reply. A crash therefore leaves at most one window
/// <c>sending</c>.</item>
/// <item>Rows waiting for their back-off keep the job until they are due. When no batch of the campaign has queued
/// or sending rows left, the campaign becomes <c>sent</c> (a conditional update, so the last of several instances to
/// finish does it, once).</item>
/// </list>
/// Throttled per instance (<see cref="NewsletterOptions.MessagesPerSecond"/>) and for all instances by the hourly
/// ceiling (<see cref="NewsletterOptions.MessagesPerHour"/>, counted from the recipients table).
/// </summary>
public sealed class NewsletterBatchJob(
    Database db,
    IServiceProvider services,
    INewsletterTransport transport,
    NewsletterMessages messages,
    PreferenceLinks links,
    SendThrottle throttle,
    TimeProvider time,
    IOptions<NewsletterOptions> options,
    ILogger<NewsletterBatchJob> logger) : IJobHandler
{
    public const string JobKind = "newsletter.batch";

    /// <summary>The reason on a row that was in flight when its sender stopped.</summary>
    public const string InFlightReason = "in flight when its sender stopped";

    /// <summary>The reason on a row whose member is no longer on the campaign's topic when their turn came.</summary>
    public const string NotSubscribedReason = "no longer subscribed";

    [Unscoped("the batch job works for no caller: it reads the campaign of its own job")]
    private static readonly Sql Current = Sql.Portable("""
        SELECT b.campaign_id AS CampaignId, b.batch AS Batch, c.status AS Status, c.topic_id AS TopicId
        FROM newsletter_send_batches b
        JOIN newsletter_campaigns c ON c.id = b.campaign_id
        WHERE b.job_id = @JobId
        """);

    [Unscoped("the batch job works for no caller: it reads the topic of its own campaign for the List-Id")]
    private static readonly Sql Topic = Sql.Portable("""
        SELECT topic_key AS TopicKey, name_sv AS NameSv, name_en AS NameEn FROM newsletter_topics WHERE id = @TopicId
        """);

    private static readonly Sql MarkUncertain = Sql.Portable("""
        UPDATE newsletter_recipients SET state = 'uncertain', reason = @Reason, updated_at = @Now
        WHERE campaign_id = @CampaignId AND batch = @Batch AND state = 'sending'
        """);

    private static readonly Sql Claim = Sql.Dialects(
        """
        UPDATE newsletter_recipients SET state = 'sending', updated_at = @Now
        WHERE campaign_id = @CampaignId AND member_id IN (
            SELECT r.member_id FROM newsletter_recipients r
            WHERE r.campaign_id = @CampaignId AND r.batch = @Batch AND r.state = 'queued'
              AND (r.next_attempt_at IS NULL OR r.next_attempt_at <= @Now)
            LIMIT @Window)
        RETURNING member_id AS MemberId
        """,
        """
        UPDATE TOP (@Window) newsletter_recipients SET state = 'sending', updated_at = @Now
        OUTPUT inserted.member_id AS MemberId
        WHERE campaign_id = @CampaignId AND batch = @Batch AND state = 'queued'
          AND (next_attempt_at IS NULL OR next_attempt_at <= @Now)
        """);

    [Unscoped("the batch job works for no caller: the recipients were fixed within the sender's scope at the start; this re-checks they are still on the topic")]
    private static readonly Sql SkipUnsubscribed = Sql.Portable($"""
        UPDATE newsletter_recipients SET state = 'skipped', reason = @Reason, updated_at = @Now
        WHERE campaign_id = @CampaignId AND member_id IN @Ids AND state = 'sending'
          AND NOT EXISTS (SELECT 1 FROM member_contacts c
                          WHERE c.member_id = newsletter_recipients.member_id AND {TopicAudience.Subscribed})
        """);

    private static readonly Sql Claimed = Sql.Portable("""
        SELECT r.member_id AS MemberId, c.email AS Email, c.first_name AS FirstName, c.last_name AS LastName,
               CASE WHEN c.preferred_language IN ('sv', 'en') THEN c.preferred_language ELSE r.language END AS Language,
               r.attempts AS Attempts
        FROM newsletter_recipients r
        JOIN member_contacts c ON c.member_id = r.member_id
        WHERE r.campaign_id = @CampaignId AND r.member_id IN @Ids AND r.state = 'sending'
        """);

    private static readonly Sql RecordSent = Sql.Portable("""
        UPDATE newsletter_recipients SET state = 'sent', reason = NULL, message_id = @MessageId, email = @Email, updated_at = @Now
        WHERE campaign_id = @CampaignId AND member_id = @MemberId AND state IN ('sending', 'uncertain')
        """);

    private static readonly Sql RecordRetry = Sql.Portable("""
        UPDATE newsletter_recipients
        SET state = 'queued', attempts = attempts + 1, next_attempt_at = @NextAttemptAt, reason = @Reason, updated_at = @Now
        WHERE campaign_id = @CampaignId AND member_id = @MemberId AND state = 'sending'
        """);

    private static readonly Sql RecordFailed = Sql.Portable("""
        UPDATE newsletter_recipients SET state = 'failed', attempts = attempts + 1, reason = @Reason, updated_at = @Now
        WHERE campaign_id = @CampaignId AND member_id = @MemberId AND state = 'sending'
        """);

    private static readonly Sql Requeue = Sql.Portable("""
        UPDATE newsletter_recipients SET state = 'queued', updated_at = @Now
        WHERE campaign_id = @CampaignId AND member_id = @MemberId AND state = 'sending'
        """);

    private static readonly Sql Waiting = Sql.Portable("""
        SELECT COUNT(*) AS Queued, MIN(next_attempt_at) AS NextAttemptAt
        FROM newsletter_recipients
        WHERE campaign_id = @CampaignId AND batch = @Batch AND state = 'queued'
        """);

    private static readonly Sql SentInHour = Sql.Portable("""
        SELECT COUNT(*) FROM newsletter_recipients WHERE state IN ('sent', 'sending') AND updated_at >= @Since
        """);

    [Unscoped("the batch job works for no caller: the campaign of its own job is finished when no batch has work left")]
    private static readonly Sql Finish = Sql.Portable("""
        UPDATE newsletter_campaigns SET status = 'sent', finished_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @CampaignId AND status = 'sending'
          AND NOT EXISTS (SELECT 1 FROM newsletter_send_batches b
                          WHERE b.campaign_id = @CampaignId
                            AND EXISTS (SELECT 1 FROM newsletter_recipients r
                                        WHERE r.campaign_id = b.campaign_id AND r.batch = b.batch AND r.state IN ('queued', 'sending')))
        """);

    /// <summary>How long a sender waits before looking again while the hourly ceiling is reached.</summary>
    private static readonly TimeSpan CeilingPause = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two looks at the campaign while rows wait for their back-off.</summary>
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    /// <summary>How long mail already handed to the server may finish when the job is stopped.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public string Kind => JobKind;

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var settings = options.Value;
        var batch = await CurrentAsync(job.Id, ct);
        if (batch is null || batch.Status != "sending")
        {
            logger.LogInformation("Newsletter batch job {JobId} ends without sending: {Why}", job.Id,
                batch is null ? "its batch has another job now" : $"the campaign is {batch.Status}");
            return;
        }

        await links.EnsureKeyAsync(ct);
        var topic = await TopicAsync(batch.TopicId, ct);
        await using (var session = await db.BeginAsync(ct))
        {
            var uncertain = await session.ExecuteAsync(MarkUncertain, new { batch.CampaignId, batch.Batch, Reason = InFlightReason, Now = time.GetUtcNow() }, ct);
            await session.CommitAsync(ct);
            if (uncertain > 0)
            {
                logger.LogWarning("Campaign {CampaignId} batch {Batch}: {Count} recipients were in flight when the batch's sender stopped; marked uncertain",
                    batch.CampaignId, batch.Batch, uncertain);
            }
        }

        // Resolved here rather than injected, so that the worker starts even where no renderer is registered.
        var factory = services.GetService<ICampaignMailFactory>()
            ?? throw new InvalidOperationException("No ICampaignMailFactory is registered: campaign mail cannot be rendered.");
        var mail = await factory.PrepareAsync(batch.CampaignId, ct);
        var sent = 0;
        while (true)
        {
            var window = settings.InFlightWindow;
            if (settings.MessagesPerHour > 0)
            {
                window = (int)Math.Min(window, await RoomThisHourAsync(settings.MessagesPerHour, ct));
                if (window <= 0)
                {
                    await Task.Delay(CeilingPause, time, ct);
                    continue;
                }
            }

            var claim = await ClaimAsync(job.Id, batch, window, ct);
            if (claim is null)
            {
                logger.LogInformation("Campaign {CampaignId} batch {Batch} stopped after {Sent} mails: the campaign is no longer sending or the batch has another job",
                    batch.CampaignId, batch.Batch, sent);
                return;
            }

            if (claim.Count == 0)
            {
                if (await NextDueAsync(batch, ct) is not { } due)
                {
                    break;
                }

                var wait = due - time.GetUtcNow();
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestPause ? LongestPause : wait, time, ct);
                continue;
            }

            var outcomes = await SendAsync(batch, topic, mail, claim, ct);
            await RecordAsync(batch, outcomes, settings);
            sent += outcomes.Count(o => o.MessageId is not null);
            ct.ThrowIfCancellationRequested();
        }

        await using (var session = await db.BeginAsync(ct))
        {
            var finished = await FinishAsync(session, batch.CampaignId, time.GetUtcNow(), ct);
            await session.CommitAsync(ct);
            logger.LogInformation("Campaign {CampaignId} batch {Batch} done ({Sent} mails sent by this run){Finished}", batch.CampaignId, batch.Batch, sent,
                finished ? "; the campaign is sent" : "");
        }
    }

    /// <summary>
    /// Marks the campaign <c>sent</c> when it is sending and no batch has queued or sending rows left; true when it did.
    /// For the campaign's own actions too (a resume that finds nothing left to send).
    /// </summary>
    public static async Task<bool> FinishAsync(DbSession session, Guid campaignId, DateTimeOffset now, CancellationToken ct) =>
        await session.ExecuteAsync(Finish, new { CampaignId = campaignId, Now = now }, ct) > 0;

    private async Task<BatchRow?> CurrentAsync(Guid jobId, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        return await session.QuerySingleOrDefaultAsync<BatchRow>(Current, new { JobId = jobId }, ct);
    }

    private async Task<TopicRow> TopicAsync(Guid topicId, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        return await session.QuerySingleOrDefaultAsync<TopicRow>(Topic, new { TopicId = topicId }, ct)
            ?? throw new InvalidOperationException($"The topic {topicId} of the campaign is missing.");
    }

    private async Task<long> RoomThisHourAsync(int perHour, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var count = await session.ExecuteScalarAsync<long>(SentInHour, new { Since = time.GetUtcNow().AddHours(-1) }, ct);
        return perHour - count;
    }

    /// <summary>
    /// The next window, in one transaction: the campaign still sending and the batch still this job's (else null), up
    /// to <paramref name="window"/> due queued rows made <c>sending</c>, those no longer subscribed <c>skipped</c>, and
    /// the rest with their current contact details.
    /// </summary>
    private async Task<IReadOnlyList<ClaimedRow>?> ClaimAsync(Guid jobId, BatchRow batch, int window, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var current = await session.QuerySingleOrDefaultAsync<BatchRow>(Current, new { JobId = jobId }, ct);
        if (current is null || current.Status != "sending" || current.CampaignId != batch.CampaignId || current.Batch != batch.Batch)
        {
            return null;
        }

        var claimed = await session.QueryAsync<ClaimedId>(Claim, new { batch.CampaignId, batch.Batch, Window = window, Now = now }, ct);
        if (claimed.Count == 0)
        {
            await session.CommitAsync(ct);
            return [];
        }

        var ids = db.Ids(claimed.Select(c => c.MemberId));
        await session.ExecuteAsync(SkipUnsubscribed, new { batch.CampaignId, batch.TopicId, Ids = ids, Reason = NotSubscribedReason, Now = now }, ct);
        var rows = await session.QueryAsync<ClaimedRow>(Claimed, new { batch.CampaignId, Ids = ids }, ct);
        await session.CommitAsync(ct);
        return rows;
    }

    /// <summary>When the first row waiting for its back-off is due; null when the batch has no queued row left.</summary>
    private async Task<DateTimeOffset?> NextDueAsync(BatchRow batch, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var waiting = await session.QuerySingleOrDefaultAsync<WaitingRow>(Waiting, new { batch.CampaignId, batch.Batch }, ct);
        return waiting is { Queued: > 0 } ? waiting.NextAttemptAt ?? time.GetUtcNow() : null;
    }

    /// <summary>
    /// Sends the window's mail in parallel, one per transport connection at a time, and returns each outcome. When the
    /// job is stopped, mail already on its way gets a short while to finish (so its outcome is known and recorded).
    /// </summary>
    private async Task<IReadOnlyList<Outcome>> SendAsync(BatchRow batch, TopicRow topic, ICampaignMail mail, IReadOnlyList<ClaimedRow> rows,
        CancellationToken ct)
    {
        var settings = options.Value;
        using var sending = new CancellationTokenSource();
        await using var stop = ct.Register(() => sending.CancelAfter(StopGrace));
        var outcomes = new Outcome?[rows.Count];
        var started = new bool[rows.Count];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.SmtpConnections), CancellationToken = sending.Token },
                async (i, token) =>
                {
                    var row = rows[i];
                    try
                    {
                        // Once the job is stopped no more mail starts; what has not started goes back to the queue.
                        await throttle.WaitAsync(settings.MessagesPerSecond, ct);
                        ct.ThrowIfCancellationRequested();
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    var language = row.Language == "sv" ? "sv" : "en";
                    var linkToken = links.Token(row.MemberId, batch.CampaignId);
                    NewsletterMail message;
                    try
                    {
                        var rendered = mail.Render(new MailRecipient(row.MemberId, row.Email, language, row.FirstName, row.LastName, links.PageUrl(linkToken)));
                        var headers = messages.ListHeaders(linkToken, links.OneClickUrl(linkToken), topic.TopicKey, language == "sv" ? topic.NameSv : topic.NameEn);
                        var name = string.Join(' ', new[] { row.FirstName, row.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
                        message = new NewsletterMail(batch.CampaignId, row.MemberId, row.Email, name.Length == 0 ? null : name, rendered, headers);
                    }
                    catch (Exception e)
                    {
                        outcomes[i] = new Outcome(row, null, new DeliveryFailedException(true, $"the mail could not be made: {e.Message}", e));
                        return;
                    }

                    started[i] = true;
                    try
                    {
                        outcomes[i] = new Outcome(row, await transport.SendAsync(message, token), null);
                    }
                    catch (DeliveryFailedException e)
                    {
                        outcomes[i] = new Outcome(row, null, e);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The transports turn every failure on the way to the server into DeliveryFailedException; this
                        // came before anything was handed over (the message could not be built or signed).
                        outcomes[i] = new Outcome(row, null, new DeliveryFailedException(false, e.Message, e));
                    }
                });
        }
        catch (OperationCanceledException)
        {
            // Stopped: what finished is recorded; what was on its way without an answer stays sending (uncertain for
            // the next holder).
        }

        var result = outcomes.OfType<Outcome>().ToList();
        result.AddRange(rows.Where((_, i) => !started[i] && outcomes[i] is null).Select(r => new Outcome(r, null, null)));
        return result;
    }

    /// <summary>One transaction for the window's outcomes; not cancelled, so that a stopping job still records what the server accepted.</summary>
    private async Task RecordAsync(BatchRow batch, IReadOnlyList<Outcome> outcomes, NewsletterOptions settings)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var ct = CancellationToken.None;
        await using var session = await db.BeginAsync(ct);
        await using var sent = await session.PrepareAsync(RecordSent, ["MessageId", "Email", "Now", "CampaignId", "MemberId"], ct);
        PreparedStatement? retry = null, failed = null, requeue = null;
        try
        {
            foreach (var outcome in outcomes)
            {
                if (outcome.MessageId is { } messageId)
                {
                    await sent.ExecuteAsync(ct, messageId, outcome.Row.Email, now, batch.CampaignId, outcome.Row.MemberId);
                }
                else if (outcome.Failure is null)
                {
                    requeue ??= await session.PrepareAsync(Requeue, ["Now", "CampaignId", "MemberId"], ct);
                    await requeue.ExecuteAsync(ct, now, batch.CampaignId, outcome.Row.MemberId);
                }
                else if (outcome.Failure is { Permanent: false } temporary && outcome.Row.Attempts + 1 < settings.MaxAttempts)
                {
                    retry ??= await session.PrepareAsync(RecordRetry, ["NextAttemptAt", "Reason", "Now", "CampaignId", "MemberId"], ct);
                    var wait = TimeSpan.FromSeconds(Math.Min(3600, settings.RetrySeconds * Math.Pow(2, outcome.Row.Attempts)));
                    await retry.ExecuteAsync(ct, now + wait, temporary.Reason, now, batch.CampaignId, outcome.Row.MemberId);
                }
                else
                {
                    failed ??= await session.PrepareAsync(RecordFailed, ["Reason", "Now", "CampaignId", "MemberId"], ct);
                    await failed.ExecuteAsync(ct, outcome.Failure!.Reason, now, batch.CampaignId, outcome.Row.MemberId);
                }
            }

            await session.CommitAsync(ct);
        }
        finally
        {
            if (retry is not null)
            {
                await retry.DisposeAsync();
            }

            if (failed is not null)
            {
                await failed.DisposeAsync();
            }

            if (requeue is not null)
            {
                await requeue.DisposeAsync();
            }
        }

        var failures = outcomes.Count(o => o.Failure is not null);
        if (failures > 0)
        {
            logger.LogWarning("Campaign {CampaignId} batch {Batch}: {Failures} of {Count} mails not accepted (first: {Reason})",
                batch.CampaignId, batch.Batch, failures, outcomes.Count, outcomes.First(o => o.Failure is not null).Failure!.Reason);
        }
    }

    private sealed record BatchRow
    {
        public Guid CampaignId { get; init; }
        public int Batch { get; init; }
        public string Status { get; init; } = "";
        public Guid TopicId { get; init; }
    }

    private sealed record TopicRow
    {
        public string TopicKey { get; init; } = "";
        public string NameSv { get; init; } = "";
        public string NameEn { get; init; } = "";
    }

    private sealed record ClaimedId
    {
        public Guid MemberId { get; init; }
    }

    private sealed record ClaimedRow
    {
        public Guid MemberId { get; init; }
        public string Email { get; init; } = "";
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string Language { get; init; } = "";
        public int Attempts { get; init; }
    }

    private sealed record WaitingRow
    {
        public long Queued { get; init; }
        public DateTimeOffset? NextAttemptAt { get; init; }
    }

    /// <summary>A mail's outcome: accepted (a Message-ID), not accepted (a failure), or neither: never started.</summary>
    private sealed record Outcome(ClaimedRow Row, string? MessageId, DeliveryFailedException? Failure);
}
