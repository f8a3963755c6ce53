using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Features.Newsletters.Topics;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Jobs;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>What a send left behind: the recipients by state, and what the SMTP sink received of them.</summary>
/// <param name="Recipients">Rows of the campaign.</param>
/// <param name="Sent">Rows recorded sent.</param>
/// <param name="Uncertain">Rows recorded uncertain (in flight at a crash).</param>
/// <param name="Skipped">Rows skipped (no longer subscribed).</param>
/// <param name="Failed">Rows failed.</param>
/// <param name="Unfinished">Rows still queued or sending.</param>
/// <param name="SentTwice">Rows recorded sent whose address the sink received more than once.</param>
/// <param name="SentNotDelivered">Rows recorded sent that the sink never received.</param>
/// <param name="UncertainDelivered">Uncertain rows the sink did receive (once).</param>
/// <param name="Deliveries">Everything the sink received for the campaign's recipients.</param>
/// <param name="CampaignStatus">The campaign's status.</param>
public sealed record SendCheck(int Recipients, int Sent, int Uncertain, int Skipped, int Failed, int Unfinished, int SentTwice,
    int SentNotDelivered, int UncertainDelivered, long Deliveries, string CampaignStatus)
{
    /// <summary>Every recipient has an outcome (sent, uncertain, skipped): none lost.</summary>
    public int Lost => Recipients - Sent - Uncertain - Skipped - Failed;

    public override string ToString() =>
        $"{Recipients} recipients: {Sent} sent, {Uncertain} uncertain ({UncertainDelivered} of them delivered), {Skipped} skipped, {Failed} failed, "
        + $"{Unfinished} unfinished; lost {Lost}, sent twice {SentTwice}, recorded sent but not delivered {SentNotDelivered}; {Deliveries} deliveries; campaign {CampaignStatus}";
}

/// <summary>
/// Sets up a newsletter send straight in the database, as the campaign's start does (tests and the benchmark): members who
/// consent to the central newsletter, a topic over that consent, a campaign in <c>sending</c> with its recipients fixed
/// (<see cref="TopicAudience.Subscribed"/>, numbered into batches) and one <c>newsletter.batch</c> job per batch; and reads
/// back what the send did.
/// </summary>
public static class SendingScenario
{
    private static readonly Sql InsertMember = Sql.Portable("""
        INSERT INTO members (id, email, first_name, last_name, preferred_language, status, source, search_text, created_at, updated_at)
        VALUES (@Id, @Email, @FirstName, @LastName, @Language, 'Active', 'Staff', '', @Now, @Now)
        """);

    private static readonly Sql InsertConsent = Sql.Portable("""
        INSERT INTO member_consents (member_id, channel, granted, changed_at) VALUES (@Id, 'CentralNewsletter', 1, @Now)
        """);

    private static readonly Sql InsertTopic = Sql.Portable("""
        INSERT INTO newsletter_topics (id, topic_key, kind, department_id, consent_channel, name_sv, name_en, active, created_at, updated_at)
        VALUES (@Id, @Key, 'custom', NULL, 'CentralNewsletter', 'Nyhetsbrev från Alumni', 'Alumni newsletter', 1, @Now, @Now)
        """);

    private static readonly Sql InsertCampaign = Sql.Portable("""
        INSERT INTO newsletter_campaigns (id, kind, name, topic_id, subject_sv, subject_en, body_sv, body_en, status, started_at, created_at, updated_at)
        VALUES (@Id, 'newsletter', 'Sending test', @TopicId, 'Hej {{ member.first_name }}', 'Hello {{ member.first_name }}',
                'Hej **{{ member.first_name }}**, här är nyheterna.', 'Hello **{{ member.first_name }}**, here is the news.', 'sending', @Now, @Now, @Now)
        """);

    private static readonly Sql InsertRecipients = Sql.Portable($"""
        INSERT INTO newsletter_recipients (campaign_id, member_id, email, language, batch, state, attempts, updated_at)
        SELECT @CampaignId, a.member_id, a.email, a.language, (a.n - 1) / @BatchSize, 'queued', 0, @Now
        FROM (SELECT c.member_id AS member_id, c.email AS email,
                     CASE WHEN c.preferred_language = 'en' THEN 'en' ELSE 'sv' END AS language,
                     ROW_NUMBER() OVER (ORDER BY c.member_id) AS n
              FROM member_contacts c
              WHERE {TopicAudience.Subscribed} AND (@EmailLike IS NULL OR c.email LIKE @EmailLike)) a
        """);

    private static readonly Sql InsertBatch = Sql.Portable("""
        INSERT INTO newsletter_send_batches (job_id, campaign_id, batch) VALUES (@JobId, @CampaignId, @Batch)
        """);

    private static readonly Sql SetCount = Sql.Portable("""
        UPDATE newsletter_campaigns SET recipient_count = @Count WHERE id = @CampaignId
        """);

    private static readonly Sql Rows = Sql.Portable("""
        SELECT email AS Email, state AS State FROM newsletter_recipients WHERE campaign_id = @CampaignId
        """);

    private static readonly Sql Status = Sql.Portable("SELECT status FROM newsletter_campaigns WHERE id = @CampaignId");

    /// <summary>A member for a send: an address, a name, a language.</summary>
    public sealed record Member(Guid Id, string Email, string FirstName, string LastName, string Language);

    /// <summary>Inserts active members who consent to the central newsletter, in one transaction; addresses <c>{prefix}{n}@{domain}</c>.</summary>
    public static async Task<IReadOnlyList<Member>> SeedMembersAsync(Database db, int count, string prefix = "alumn", string domain = "example.org",
        CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow;
        var members = new List<Member>(count);
        await using var session = await db.BeginAsync(ct);
        await using var member = await session.PrepareAsync(InsertMember, ["Id", "Email", "FirstName", "LastName", "Language", "Now"], ct);
        await using var consent = await session.PrepareAsync(InsertConsent, ["Id", "Now"], ct);
        for (var i = 0; i < count; i++)
        {
            var m = new Member(Guid.CreateVersion7(now), $"{prefix}{i}@{domain}", i % 7 == 0 ? "Åsa" : "Ada", $"Lovelace {i}", i % 3 == 0 ? "en" : "sv");
            await member.ExecuteAsync(ct, m.Id, m.Email, m.FirstName, m.LastName, m.Language, now);
            await consent.ExecuteAsync(ct, m.Id, now);
            members.Add(m);
        }

        await session.CommitAsync(ct);
        return members;
    }

    /// <summary>A topic over the central newsletter consent (its own key, so it never meets a seeded one).</summary>
    public static async Task<Guid> CreateTopicAsync(Database db, CancellationToken ct = default)
    {
        var id = Guid.CreateVersion7();
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(InsertTopic, new { Id = id, Key = $"test-{id:N}", Now = DateTimeOffset.UtcNow }, ct);
        await session.CommitAsync(ct);
        return id;
    }

    /// <summary>
    /// A campaign to the topic, started: status sending, every subscriber a queued recipient in batches of
    /// <paramref name="batchSize"/> (only those whose address is like <paramref name="emailLike"/>, when given), a job per
    /// batch. Returns the campaign and its jobs, by batch.
    /// </summary>
    public static async Task<(Guid CampaignId, IReadOnlyList<Guid> Jobs)> StartAsync(Database db, Guid topicId, int batchSize, string? emailLike = null,
        CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow;
        var campaignId = Guid.CreateVersion7(now);
        var jobs = new List<Guid>();
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(InsertCampaign, new { Id = campaignId, TopicId = topicId, Now = now }, ct);
        var count = await session.ExecuteAsync(InsertRecipients, new { CampaignId = campaignId, TopicId = topicId, BatchSize = batchSize, EmailLike = emailLike, Now = now }, ct);
        for (var batch = 0; batch < (count + batchSize - 1) / batchSize; batch++)
        {
            var jobId = Guid.CreateVersion7(now);
            await JobQueue.EnqueueAsync(session, jobId, NewsletterBatchJob.JobKind, now, ct);
            await session.ExecuteAsync(InsertBatch, new { JobId = jobId, CampaignId = campaignId, Batch = batch }, ct);
            jobs.Add(jobId);
        }

        await session.ExecuteAsync(SetCount, new { CampaignId = campaignId, Count = count }, ct);
        await session.CommitAsync(ct);
        return (campaignId, jobs);
    }

    /// <summary>The recipients' states next to what the sink received.</summary>
    public static async Task<SendCheck> CheckAsync(Database db, Guid campaignId, SendingSink sink, CancellationToken ct = default)
    {
        await using var session = await db.OpenAsync(ct);
        var rows = await session.QueryAsync<RecipientRow>(Rows, new { CampaignId = campaignId }, ct);
        var status = await session.ExecuteScalarAsync<string>(Status, new { CampaignId = campaignId }, ct) ?? "";
        var counts = sink.Counts;
        int Count(string state) => rows.Count(r => r.State == state);
        int Delivered(RecipientRow r) => r.Email is null ? 0 : counts.GetValueOrDefault(r.Email);
        return new SendCheck(
            rows.Count,
            Count("sent"),
            Count("uncertain"),
            Count("skipped"),
            Count("failed"),
            Count("queued") + Count("sending"),
            rows.Count(r => r.State == "sent" && Delivered(r) > 1),
            rows.Count(r => r.State == "sent" && Delivered(r) == 0),
            rows.Count(r => r.State == "uncertain" && Delivered(r) > 0),
            rows.Sum(r => (long)Delivered(r)),
            status);
    }

    private sealed record RecipientRow
    {
        public string? Email { get; init; }
        public string State { get; init; } = "";
    }
}

/// <summary>
/// A stand-in for the renderer (tests and the benchmark, until or besides the real one): the campaign's subject and body
/// as they are, the recipient's first name put in, and the preference link at the foot.
/// </summary>
public sealed class PlainCampaignMailFactory : ICampaignMailFactory
{
    public Task<ICampaignMail> PrepareAsync(Guid campaignId, CancellationToken ct) => Task.FromResult<ICampaignMail>(new Mail());

    private sealed class Mail : ICampaignMail
    {
        public RenderedMail Render(MailRecipient r) => new(
            r.Language == "sv" ? $"Hej {r.FirstName}" : $"Hello {r.FirstName}",
            $"<p>{(r.Language == "sv" ? "Hej" : "Hello")} <b>{System.Net.WebUtility.HtmlEncode(r.FirstName)}</b>!</p><p><a href=\"{r.PreferencesUrl}\">Preferences</a></p>",
            $"{(r.Language == "sv" ? "Hej" : "Hello")} {r.FirstName}!\n\nPreferences: {r.PreferencesUrl}\n");
    }
}
