using Alumni.Api.Features.Newsletters.Preferences;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Features.Newsletters.Welcome;

/// <summary>What one run of the welcome series did.</summary>
/// <param name="Enrolled">Members who joined the series (their steps planned).</param>
/// <param name="Sent">Step mails the mail server accepted.</param>
/// <param name="Skipped">Steps skipped (already done, unsubscribed, inactive, bounced, step off).</param>
/// <param name="Failed">Step mails that failed (to be tried again, or for good after the last attempt).</param>
public sealed record WelcomeRun(int Enrolled, int Sent, int Skipped, int Failed);

/// <summary>
/// The welcome series, a background service on the <see cref="TimeProvider"/> (when <c>Newsletters:ScheduleEnabled</c>).
/// Each run plans the steps of every member verified within the last <c>WelcomeEnrolDays</c> days who is not in the
/// series yet (one row per member and step, due the step's delay after the verification); members verified longer ago
/// never join, so that those verified before the series existed (or while it was stopped that long) get nothing. Then
/// it sends the due rows: each is claimed first by a conditional UPDATE that sets this instance's lease, so two
/// instances never both send it; the member is checked right before sending (skipped, with the reason, when the skip
/// rule holds, they have no consent to the central newsletter, turned it off, are not active, or their address is
/// suppressed); <c>sent</c> is recorded only after the mail server accepted the mail. A temporary failure is tried again
/// later up to <c>MaxAttempts</c>; a row whose lease ran out while sending (its instance died) is marked uncertain and
/// not sent again: a welcome mail is sent at most once.
/// </summary>
public sealed class WelcomeSeries(
    Database db,
    IEmailSender sender,
    IWelcomeMailRenderer renderer,
    PreferenceLinks links,
    IOptions<EmailOptions> email,
    TimeProvider time,
    IOptions<NewsletterOptions> options,
    ILogger<WelcomeSeries> logger) : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>The newly verified, active members with a step not planned yet.</summary>
    [Unscoped("the series runs for every department's members; no staff caller")]
    private static readonly Sql NotEnrolled = Sql.Portable("""
        SELECT f.member_id AS MemberId, f.verified_at AS VerifiedAt
        FROM member_welcome_facts f
        JOIN member_contacts c ON c.member_id = f.member_id
        WHERE f.verified_at > @Since AND f.verified_at <= @Now AND c.status = 'Active'
          AND EXISTS (SELECT 1 FROM newsletter_welcome_steps s
                      WHERE NOT EXISTS (SELECT 1 FROM newsletter_welcome_mail w WHERE w.member_id = f.member_id AND w.step_id = s.id))
        ORDER BY f.verified_at
        """);

    private static readonly Sql StepsForPlanning = Sql.Portable("""
        SELECT id AS Id, delay_days AS DelayDays FROM newsletter_welcome_steps ORDER BY position
        """);

    // SQL Server: the key stays locked (UPDLOCK, HOLDLOCK) from the check to the insert, so two instances planning
    // the same member at once cannot both insert.
    private static readonly Sql Plan = Sql.Dialects(
        """
        INSERT OR IGNORE INTO newsletter_welcome_mail (member_id, step_id, due_at, state, attempts)
        VALUES (@MemberId, @StepId, @DueAt, 'queued', 0)
        """,
        """
        INSERT INTO dbo.newsletter_welcome_mail (member_id, step_id, due_at, state, attempts)
        SELECT @MemberId, @StepId, @DueAt, 'queued', 0
        WHERE NOT EXISTS (SELECT 1 FROM dbo.newsletter_welcome_mail w WITH (UPDLOCK, HOLDLOCK) WHERE w.member_id = @MemberId AND w.step_id = @StepId)
        """);

    /// <summary>Rows whose sender's lease ran out while sending: it may or may not have gone, so it is not sent again.</summary>
    private static readonly Sql Abandoned = Sql.Portable("""
        UPDATE newsletter_welcome_mail SET state = 'uncertain', reason = 'lease-expired'
        WHERE state = 'sending' AND lease_until < @Now
        """);

    private static readonly Sql Due = Sql.Dialects(
        """
        SELECT member_id AS MemberId, step_id AS StepId FROM newsletter_welcome_mail
        WHERE state = 'queued' AND due_at <= @Now
        ORDER BY due_at, member_id
        LIMIT @Take
        """,
        """
        SELECT TOP (@Take) member_id AS MemberId, step_id AS StepId FROM dbo.newsletter_welcome_mail
        WHERE state = 'queued' AND due_at <= @Now
        ORDER BY due_at, member_id
        """);

    /// <summary>The claim: only one instance's UPDATE finds the row still queued.</summary>
    private static readonly Sql Claim = Sql.Portable("""
        UPDATE newsletter_welcome_mail
        SET state = 'sending', lease_owner = @Owner, lease_until = @Until, attempts = attempts + 1
        WHERE member_id = @MemberId AND step_id = @StepId AND state = 'queued' AND due_at <= @Now
        """);

    private static readonly Sql Steps = Sql.Portable("""
        SELECT id AS Id, skip_rule AS SkipRule, active AS Active,
               subject_sv AS SubjectSv, subject_en AS SubjectEn, body_sv AS BodySv, body_en AS BodyEn
        FROM newsletter_welcome_steps
        """);

    /// <summary>The member as the series checks them right before sending: whom to write to and what they have done.</summary>
    [Unscoped("the series writes to one member it planned; no staff caller")]
    private static readonly Sql Member = Sql.Portable("""
        SELECT c.email AS Email, c.first_name AS FirstName, c.last_name AS LastName, c.preferred_language AS Language,
               c.status AS Status, c.is_erased AS IsErased,
               f.has_country AS HasCountry, f.has_affiliation AS HasAffiliation, f.has_work AS HasWork, f.has_interest AS HasInterest,
               f.offers_any AS OffersAny,
               CASE WHEN EXISTS (SELECT 1 FROM member_channel_consents k WHERE k.member_id = c.member_id AND k.channel = 'CentralNewsletter') THEN 1 ELSE 0 END AS HasConsent,
               CASE WHEN EXISTS (SELECT 1 FROM newsletter_topic_choices x JOIN newsletter_topics t ON t.id = x.topic_id
                                 WHERE x.member_id = c.member_id AND t.topic_key = 'central' AND x.subscribed = 0) THEN 1 ELSE 0 END AS TurnedOff,
               CASE WHEN EXISTS (SELECT 1 FROM newsletter_suppressions s WHERE s.email = c.email) THEN 1 ELSE 0 END AS Suppressed
        FROM member_contacts c
        JOIN member_welcome_facts f ON f.member_id = c.member_id
        WHERE c.member_id = @MemberId
        """);

    private static readonly Sql RecordSent = Sql.Portable("""
        UPDATE newsletter_welcome_mail
        SET state = 'sent', sent_at = @Now, reason = NULL, lease_owner = NULL, lease_until = NULL
        WHERE member_id = @MemberId AND step_id = @StepId AND lease_owner = @Owner AND state IN ('sending', 'uncertain')
        """);

    private static readonly Sql RecordSkipped = Sql.Portable("""
        UPDATE newsletter_welcome_mail
        SET state = 'skipped', reason = @Reason, lease_owner = NULL, lease_until = NULL
        WHERE member_id = @MemberId AND step_id = @StepId AND lease_owner = @Owner AND state = 'sending'
        """);

    private static readonly Sql RecordFailure = Sql.Portable("""
        UPDATE newsletter_welcome_mail
        SET state = CASE WHEN attempts >= @MaxAttempts THEN 'failed' ELSE 'queued' END,
            reason = @Reason, due_at = @RetryAt, lease_owner = NULL, lease_until = NULL
        WHERE member_id = @MemberId AND step_id = @StepId AND lease_owner = @Owner AND state = 'sending'
        """);

    /// <summary>This instance's name on the rows it claims.</summary>
    private readonly string owner = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    /// <summary>Plans the newly verified and sends what is due now, once; what it did.</summary>
    public async Task<WelcomeRun> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var enrolled = await EnrolAsync(now, settings, ct);

        await using (var session = await db.OpenAsync(ct))
        {
            await session.ExecuteAsync(Abandoned, new { Now = now }, ct);
        }

        Dictionary<Guid, StepRow> steps;
        await using (var session = await db.OpenAsync(ct))
        {
            steps = (await session.QueryAsync<StepRow>(Steps, null, ct)).ToDictionary(s => s.Id);
        }

        await links.EnsureKeyAsync(ct);
        var (sent, skipped, failed) = (0, 0, 0);
        while (true)
        {
            IReadOnlyList<DueRow> due;
            await using (var session = await db.OpenAsync(ct))
            {
                due = await session.QueryAsync<DueRow>(Due, new { Now = now, Take = BatchSize }, ct);
            }

            if (due.Count == 0)
            {
                break;
            }

            foreach (var row in due)
            {
                switch (await SendAsync(row, steps, now, settings, ct))
                {
                    case Outcome.Sent: sent++; break;
                    case Outcome.Skipped: skipped++; break;
                    case Outcome.Failed: failed++; break;
                }
            }
        }

        return new WelcomeRun(enrolled, sent, skipped, failed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScheduleEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.WelcomePollSeconds)), time);
        do
        {
            try
            {
                var run = await RunOnceAsync(stoppingToken);
                if (run != new WelcomeRun(0, 0, 0, 0))
                {
                    logger.LogInformation("Welcome series: {Enrolled} members joined; {Sent} mails sent, {Skipped} skipped, {Failed} failed",
                        run.Enrolled, run.Sent, run.Skipped, run.Failed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The welcome series failed; trying again at the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> EnrolAsync(DateTimeOffset now, NewsletterOptions settings, CancellationToken ct)
    {
        IReadOnlyList<NewMember> members;
        IReadOnlyList<PlanStep> plan;
        await using (var session = await db.OpenAsync(ct))
        {
            members = await session.QueryAsync<NewMember>(NotEnrolled, new { Now = now, Since = now.AddDays(-Math.Max(0, settings.WelcomeEnrolDays)) }, ct);
            plan = await session.QueryAsync<PlanStep>(StepsForPlanning, null, ct);
        }

        var enrolled = 0;
        foreach (var member in members)
        {
            await using var session = await db.BeginAsync(ct);
            var added = 0;
            foreach (var step in plan)
            {
                added += await session.ExecuteAsync(Plan, new { member.MemberId, StepId = step.Id, DueAt = member.VerifiedAt.AddDays(step.DelayDays) }, ct);
            }

            await session.CommitAsync(ct);
            enrolled += added > 0 ? 1 : 0;
        }

        return enrolled;
    }

    private async Task<Outcome> SendAsync(DueRow row, Dictionary<Guid, StepRow> steps, DateTimeOffset now, NewsletterOptions settings, CancellationToken ct)
    {
        var key = new { row.MemberId, row.StepId, Owner = owner };
        await using (var session = await db.OpenAsync(ct))
        {
            if (await session.ExecuteAsync(Claim, new { row.MemberId, row.StepId, Owner = owner, Now = now, Until = time.GetUtcNow().AddSeconds(Math.Max(30, settings.WelcomeLeaseSeconds)) }, ct) == 0)
            {
                return Outcome.None;
            }
        }

        MemberRow? member;
        await using (var session = await db.OpenAsync(ct))
        {
            member = await session.QuerySingleOrDefaultAsync<MemberRow>(Member, new { row.MemberId }, ct);
        }

        var step = steps.GetValueOrDefault(row.StepId);
        var reason = SkipReason(member, step);
        if (reason is not null)
        {
            await using var session = await db.OpenAsync(ct);
            await session.ExecuteAsync(RecordSkipped, new { key.MemberId, key.StepId, key.Owner, Reason = reason }, ct);
            return Outcome.Skipped;
        }

        try
        {
            var language = member!.Language == "sv" ? "sv" : "en";
            var token = links.Token(row.MemberId, null);
            var mail = renderer.Render(step!.Texts, new MailRecipient(row.MemberId, member.Email!, language, member.FirstName, member.LastName, links.PageUrl(token)));
            var name = $"{member.FirstName} {member.LastName}".Trim();
            await sender.SendAsync(new EmailMessage(member.Email!, name.Length == 0 ? null : name, mail.Subject, mail.Text, mail.Html,
                Headers: ListHeaders(token, step.Texts.LanguageFor(language))), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("A welcome mail could not be sent ({Error}); it is tried again later", e.GetType().Name);
            await using var session = await db.OpenAsync(ct);
            await session.ExecuteAsync(RecordFailure, new
            {
                key.MemberId, key.StepId, key.Owner, Reason = Truncate(e.Message), MaxAttempts = Math.Max(1, settings.MaxAttempts),
                RetryAt = time.GetUtcNow().AddMinutes(15),
            }, ct);
            return Outcome.Failed;
        }

        await using (var session = await db.OpenAsync(ct))
        {
            await session.ExecuteAsync(RecordSent, new { key.MemberId, key.StepId, key.Owner, Now = time.GetUtcNow() }, ct);
        }

        return Outcome.Sent;
    }

    /// <summary>Why a step is not sent to this member now, or null to send it.</summary>
    private static string? SkipReason(MemberRow? member, StepRow? step)
    {
        if (step is null || !step.Active)
        {
            return "step-off";
        }

        if (member is null || member.IsErased || member.Status != "Active" || string.IsNullOrEmpty(member.Email))
        {
            return "inactive";
        }

        if (!member.HasConsent)
        {
            return "no-consent";
        }

        if (member.TurnedOff)
        {
            return "unsubscribed";
        }

        if (member.Suppressed)
        {
            return "suppressed";
        }

        return WelcomeSql.SkipRule(step.SkipRule) switch
        {
            Contracts.Newsletters.WelcomeSkipRule.ProfileComplete when member.HasCountry && member.HasAffiliation && member.HasWork && member.HasInterest => "profile-complete",
            Contracts.Newsletters.WelcomeSkipRule.OffersHelp when member.OffersAny => "offers-help",
            _ => null,
        };
    }

    /// <summary>The list headers of campaign mail (RFC 2369, 2919, 8058), with a preference token that names no campaign.</summary>
    private IReadOnlyList<KeyValuePair<string, string>> ListHeaders(string token, string language)
    {
        var unsubscribe = $"<{links.OneClickUrl(token)}>";
        var mailbox = options.Value.UnsubscribeMailbox;
        if (!string.IsNullOrWhiteSpace(mailbox))
        {
            unsubscribe += $", <mailto:{mailbox.Trim()}?subject=unsubscribe-{token}>";
        }

        var domain = MailboxAddress.TryParse(email.Value.From, out var from) ? from.Domain : "localhost";
        string listName;
        using (Texts.In(language))
        {
            listName = Texts.Get("newsletters.welcomeListName");
        }

        return
        [
            new("List-Unsubscribe", unsubscribe),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            new("List-Id", $"{listName} <welcome.{domain}>"),
        ];
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];

    private enum Outcome
    {
        None,
        Sent,
        Skipped,
        Failed,
    }

    private sealed record NewMember
    {
        public Guid MemberId { get; init; }
        public DateTimeOffset VerifiedAt { get; init; }
    }

    private sealed record PlanStep
    {
        public Guid Id { get; init; }
        public int DelayDays { get; init; }
    }

    private sealed record DueRow
    {
        public Guid MemberId { get; init; }
        public Guid StepId { get; init; }
    }

    private sealed record StepRow
    {
        public Guid Id { get; init; }
        public string SkipRule { get; init; } = "none";
        public bool Active { get; init; }
        public string? SubjectSv { get; init; }
        public string? SubjectEn { get; init; }
        public string? BodySv { get; init; }
        public string? BodyEn { get; init; }

        public WelcomeTexts Texts => new(SubjectSv, SubjectEn, BodySv, BodyEn);
    }

    private sealed record MemberRow
    {
        public string? Email { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string Language { get; init; } = "sv";
        public string Status { get; init; } = "";
        public bool IsErased { get; init; }
        public bool HasCountry { get; init; }
        public bool HasAffiliation { get; init; }
        public bool HasWork { get; init; }
        public bool HasInterest { get; init; }
        public bool OffersAny { get; init; }
        public bool HasConsent { get; init; }
        public bool TurnedOff { get; init; }
        public bool Suppressed { get; init; }
    }
}
