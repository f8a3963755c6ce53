using Alumni.Api.Features.Newsletters.Preferences;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// The batch job against a real SMTP server: the headers and the DKIM signature of what arrives, pause and cancel
/// between windows, temporary and permanent failures, a one-click unsubscribe before the member's window, and nobody
/// mailed twice when the job runs again or its holder died mid-window.
/// </summary>
public sealed class SendingTests(SendingHost host) : IClassFixture<SendingHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Sql Rows = Sql.Portable("""
        SELECT member_id AS MemberId, email AS Email, state AS State, reason AS Reason, attempts AS Attempts, message_id AS MessageId
        FROM newsletter_recipients WHERE campaign_id = @CampaignId
        """);

    private static readonly Sql SetStatus = Sql.Portable("UPDATE newsletter_campaigns SET status = @Status WHERE id = @CampaignId");

    private async Task<(Guid Campaign, IReadOnlyList<Guid> Jobs, IReadOnlyList<SendingScenario.Member> Members)> StartAsync(int members, int batchSize = 500)
    {
        var prefix = $"m{Guid.NewGuid():N}"[..12] + "-";
        var seeded = await SendingScenario.SeedMembersAsync(host.Db, members, prefix, "alumni.example", Ct);
        var topic = await SendingScenario.CreateTopicAsync(host.Db, Ct);
        var (campaign, jobs) = await SendingScenario.StartAsync(host.Db, topic, batchSize, prefix + "%", Ct);
        host.Transport.Reset(null);
        return (campaign, jobs, seeded);
    }

    private async Task<IReadOnlyList<RecipientRow>> RowsAsync(Guid campaignId)
    {
        await using var session = await host.Db.OpenAsync(Ct);
        return await session.QueryAsync<RecipientRow>(Rows, new { CampaignId = campaignId }, Ct);
    }

    private async Task ExecuteAsync(Sql sql, object args)
    {
        await using var session = await host.Db.BeginAsync(Ct);
        await session.ExecuteAsync(sql, args, Ct);
        await session.CommitAsync(Ct);
    }

    private MimeMessage MailTo(string address) =>
        MimeMessage.Load(new MemoryStream(Assert.Single(host.Sink.Messages, m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).Data));

    [Fact]
    public async Task Each_mail_arrives_once_with_the_list_headers_a_message_id_and_a_valid_dkim_signature_and_is_recorded_sent()
    {
        var (campaign, jobs, members) = await StartAsync(3);

        await host.RunJobAsync(Assert.Single(jobs));

        var check = await SendingScenario.CheckAsync(host.Db, campaign, host.Sink, Ct);
        Assert.Equal((3, 3, 0, 0, "sent"), (check.Recipients, check.Sent, check.SentTwice, check.SentNotDelivered, check.CampaignStatus));
        var links = host.Services.GetRequiredService<PreferenceLinks>();
        var rows = await RowsAsync(campaign);
        foreach (var member in members)
        {
            var mail = MailTo(member.Email);
            var unsubscribe = mail.Headers["List-Unsubscribe"] ?? "";
            var match = System.Text.RegularExpressions.Regex.Match(unsubscribe,
                @"^<https://alumni\.example/api/newsletters/unsubscribe/(?<t>[A-Za-z0-9_-]+)>, <mailto:unsubscribe@alumni\.example\?subject=unsubscribe-(?<m>[A-Za-z0-9_-]+)>$");
            Assert.True(match.Success, unsubscribe);
            Assert.Equal(match.Groups["t"].Value, match.Groups["m"].Value);
            Assert.Equal(new PreferenceToken(member.Id, campaign, default) with { ExpiresAt = default },
                links.Read(match.Groups["t"].Value)! with { ExpiresAt = default });
            Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
            var listId = mail.Headers[HeaderId.ListId] ?? "";
            Assert.Matches(@"^(Nyhetsbrev från Alumni|Alumni newsletter) <test-[0-9a-f]{32}\.alumni\.example>$", listId);
            Assert.Equal(member.Language == "sv" ? "Nyhetsbrev från Alumni" : "Alumni newsletter", listId[..listId.IndexOf(" <", StringComparison.Ordinal)]);
            Assert.Equal($"{campaign:N}.{member.Id:N}@alumni.example", mail.MessageId);
            Assert.Equal(SendingHost.From, Assert.Single(mail.From.Mailboxes).Address);
            Assert.Equal((member.Email, $"{member.FirstName} {member.LastName}"), (Assert.Single(mail.To.Mailboxes).Address, mail.To.Mailboxes.Single().Name));
            Assert.Contains($"{SendingHost.BaseUrl}/preferences/{match.Groups["t"].Value}", mail.TextBody, StringComparison.Ordinal);

            var signature = mail.Headers[mail.Headers.IndexOf(HeaderId.DkimSignature)];
            Assert.Contains("d=alumni.example", signature.Value, StringComparison.Ordinal);
            Assert.Contains("s=news", signature.Value, StringComparison.Ordinal);
            var signed = System.Text.RegularExpressions.Regex.Match(signature.Value.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal)
                .ReplaceLineEndings(""), @"h=(?<h>[^;]+)").Groups["h"].Value.Split(':');
            Assert.Equal(NewsletterMessages.SignedHeaders.Select(h => h.ToLowerInvariant()), signed.Select(h => h.ToLowerInvariant()));
            Assert.True(await new DkimVerifier(new KeyLocator(host.DkimPublicKey)).VerifyAsync(mail, signature, Ct), "the DKIM signature verifies");

            var row = Assert.Single(rows, r => r.MemberId == member.Id);
            Assert.Equal(("sent", mail.MessageId, member.Email), (row.State, row.MessageId, row.Email));
        }
    }

    [Fact]
    public async Task A_pause_stops_the_send_after_the_window_under_way_and_a_resume_sends_the_rest_once()
    {
        var (campaign, jobs, members) = await StartAsync(12);
        host.Transport.Reset(async (n, _) =>
        {
            if (n == 1)
            {
                await ExecuteAsync(SetStatus, new { CampaignId = campaign, Status = "paused" });
            }
        });

        await host.RunJobAsync(jobs[0]);

        var paused = await RowsAsync(campaign);
        Assert.Equal(SendingHost.Window, paused.Count(r => r.State == "sent"));
        Assert.Equal(12 - SendingHost.Window, paused.Count(r => r.State == "queued"));
        Assert.Equal(SendingHost.Window, members.Sum(m => host.Sink.CountFor(m.Email)));

        host.Transport.Reset(null);
        await ExecuteAsync(SetStatus, new { CampaignId = campaign, Status = "sending" });
        await host.RunJobAsync(jobs[0]);

        var check = await SendingScenario.CheckAsync(host.Db, campaign, host.Sink, Ct);
        Assert.Equal((12, 12, 0, 0, 12L, "sent"), (check.Recipients, check.Sent, check.SentTwice, check.SentNotDelivered, check.Deliveries, check.CampaignStatus));
    }

    [Fact]
    public async Task A_cancel_stops_the_send_after_the_window_under_way_and_the_job_sends_nothing_more()
    {
        var (campaign, jobs, members) = await StartAsync(12);
        host.Transport.Reset(async (n, _) =>
        {
            if (n == 1)
            {
                await ExecuteAsync(SetStatus, new { CampaignId = campaign, Status = "cancelled" });
            }
        });

        await host.RunJobAsync(jobs[0]);
        host.Transport.Reset(null);
        await host.RunJobAsync(jobs[0]);

        var rows = await RowsAsync(campaign);
        Assert.Equal(SendingHost.Window, rows.Count(r => r.State == "sent"));
        Assert.Equal(SendingHost.Window, members.Sum(m => host.Sink.CountFor(m.Email)));
        var check = await SendingScenario.CheckAsync(host.Db, campaign, host.Sink, Ct);
        Assert.Equal("cancelled", check.CampaignStatus);
    }

    [Fact]
    public async Task A_temporary_failure_is_tried_again_and_sent_and_a_permanent_one_is_recorded_failed_with_the_reply()
    {
        var (campaign, jobs, members) = await StartAsync(6);
        var later = members[1].Email;
        var nobody = members[4].Email;
        var refusals = 0;
        host.Sink.RecipientReply = address =>
            string.Equals(address, nobody, StringComparison.OrdinalIgnoreCase) ? "550 5.1.1 No such user here"
            : string.Equals(address, later, StringComparison.OrdinalIgnoreCase) && Interlocked.Increment(ref refusals) == 1 ? "451 4.3.0 Try again later"
            : null;
        try
        {
            await host.RunJobAsync(Assert.Single(jobs));
        }
        finally
        {
            host.Sink.RecipientReply = null;
        }

        var rows = await RowsAsync(campaign);
        var retried = Assert.Single(rows, r => r.Email == later);
        Assert.Equal(("sent", 1), (retried.State, retried.Attempts));
        var failed = Assert.Single(rows, r => r.Email == nobody);
        Assert.Equal("failed", failed.State);
        Assert.StartsWith("550", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("No such user", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(5, rows.Count(r => r.State == "sent"));
        Assert.Equal(0, host.Sink.CountFor(nobody));
        Assert.Equal(1, host.Sink.CountFor(later));
        Assert.Equal("sent", (await SendingScenario.CheckAsync(host.Db, campaign, host.Sink, Ct)).CampaignStatus);
    }

    [Fact]
    public async Task A_member_who_unsubscribes_with_one_click_during_the_send_is_skipped_when_their_window_comes()
    {
        var (campaign, jobs, _) = await StartAsync(12);
        var topic = await TopicOfAsync(campaign);
        Guid? unsubscribed = null;
        host.Transport.Reset(async (n, _) =>
        {
            if (n != 1)
            {
                return;
            }

            // What the one-click POST does to the campaign's topic: the member's own choice turns it off.
            await using var session = await host.Db.BeginAsync(Ct);
            unsubscribed = await session.QuerySingleOrDefaultAsync<Guid>(Sql.Portable("""
                SELECT member_id FROM newsletter_recipients WHERE campaign_id = @CampaignId AND state = 'queued' ORDER BY member_id DESC LIMIT 1
                """), new { CampaignId = campaign }, Ct);
            await session.ExecuteAsync(Sql.Portable("""
                INSERT INTO newsletter_topic_choices (member_id, topic_id, subscribed, method, campaign_id, changed_at)
                VALUES (@MemberId, @TopicId, 0, 'UnsubscribeLink', @CampaignId, @Now)
                """), new { MemberId = unsubscribed, TopicId = topic, CampaignId = campaign, Now = DateTimeOffset.UtcNow }, Ct);
            await session.CommitAsync(Ct);
        });

        await host.RunJobAsync(Assert.Single(jobs));

        var rows = await RowsAsync(campaign);
        var skipped = Assert.Single(rows, r => r.State == "skipped");
        Assert.Equal((unsubscribed, NewsletterBatchJob.NotSubscribedReason), (skipped.MemberId, skipped.Reason));
        Assert.Equal(0, host.Sink.CountFor(skipped.Email!));
        Assert.Equal(11, rows.Count(r => r.State == "sent"));
    }

    [Fact]
    public async Task Nobody_is_mailed_twice_when_the_holder_died_mid_window_or_the_job_runs_again_after_its_lease_ran_out()
    {
        var (campaign, jobs, _) = await StartAsync(20);
        // A previous holder died with three mails in flight: it may or may not have delivered them.
        await ExecuteAsync(Sql.Portable("""
            UPDATE newsletter_recipients SET state = 'sending'
            WHERE campaign_id = @CampaignId AND member_id IN (SELECT member_id FROM newsletter_recipients WHERE campaign_id = @CampaignId ORDER BY member_id LIMIT 3)
            """), new { CampaignId = campaign });
        await ExecuteAsync(Sql.Portable("UPDATE jobs SET status = 'succeeded' WHERE status IN ('queued', 'running') AND id <> @Id"), new { Id = jobs[0] });
        var worker = host.Services.GetRequiredService<JobWorker>();

        Assert.True(await worker.RunOnceAsync(Ct));
        var first = await SendingScenario.CheckAsync(host.Db, campaign, host.Sink, Ct);
        Assert.Equal((20, 17, 3, 0, 0, 17L, "sent"), (first.Recipients, first.Sent, first.Uncertain, first.UncertainDelivered, first.SentTwice, first.Deliveries, first.CampaignStatus));
        Assert.All((await RowsAsync(campaign)).Where(r => r.State == "uncertain"), r => Assert.Equal(NewsletterBatchJob.InFlightReason, r.Reason));

        // The job is taken over again, as after a crash once its lease ran out, and runs from the start.
        await ExecuteAsync(Sql.Portable("UPDATE jobs SET status = 'running', lease_owner = 'gone', lease_until = @Past WHERE id = @Id"),
            new { Id = jobs[0], Past = DateTimeOffset.UtcNow.AddMinutes(-1) });
        await ExecuteAsync(SetStatus, new { CampaignId = campaign, Status = "sending" });
        Assert.True(await worker.RunOnceAsync(Ct));

        var again = await SendingScenario.CheckAsync(host.Db, campaign, host.Sink, Ct);
        Assert.Equal((17, 3, 0, 17L, "sent"), (again.Sent, again.Uncertain, again.SentTwice, again.Deliveries, again.CampaignStatus));
    }

    [Fact]
    public async Task The_campaign_is_sent_only_when_its_last_batch_is_done()
    {
        var (campaign, jobs, _) = await StartAsync(7, batchSize: 3);
        Assert.Equal(3, jobs.Count);

        await host.RunJobAsync(jobs[2]);
        await host.RunJobAsync(jobs[0]);
        Assert.Equal("sending", (await SendingScenario.CheckAsync(host.Db, campaign, host.Sink, Ct)).CampaignStatus);
        await host.RunJobAsync(jobs[1]);

        var check = await SendingScenario.CheckAsync(host.Db, campaign, host.Sink, Ct);
        Assert.Equal((7, 7, 7L, "sent"), (check.Recipients, check.Sent, check.Deliveries, check.CampaignStatus));
    }

    private async Task<Guid> TopicOfAsync(Guid campaign)
    {
        await using var session = await host.Db.OpenAsync(Ct);
        return await session.QuerySingleOrDefaultAsync<Guid>(Sql.Portable("SELECT topic_id FROM newsletter_campaigns WHERE id = @Id"), new { Id = campaign }, Ct);
    }

    private sealed record RecipientRow
    {
        public Guid MemberId { get; init; }
        public string? Email { get; init; }
        public string State { get; init; } = "";
        public string? Reason { get; init; }
        public int Attempts { get; init; }
        public string? MessageId { get; init; }
    }

    /// <summary>The DKIM key of the test's signer, as DNS would give it.</summary>
    private sealed class KeyLocator(string txt) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey(txt);

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(GetPublicKey(txt));
    }
}
