using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Features.Newsletters;
using Alumni.Api.Features.Newsletters.Preferences;
using Alumni.Api.Features.Newsletters.Rendering;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Features.Newsletters.Welcome;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Tests.Email;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Members;
using Alumni.Contracts.Newsletters;
using Alumni.Contracts.Problems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Tests.Newsletters;

public sealed class WelcomeSeriesTestsOnSqlite(SqliteApi api) : WelcomeSeriesTests(api), IClassFixture<SqliteApi>;

public sealed class WelcomeSeriesTestsOnSqlServer(SqlServerApi api) : WelcomeSeriesTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The welcome series on a clock the test moves: a newly verified member gets the welcome at once and each later step
/// once when it is due, in their language, with the list headers; a step they have done is skipped, and so is
/// everything after they unsubscribe; members verified before the series' window never join; two instances at once
/// send each mail once; the office edits the steps, and a text with an unknown field is refused.
/// </summary>
public abstract class WelcomeSeriesTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_verified_member_gets_the_welcome_at_once_and_each_later_step_once_when_it_is_due()
    {
        var (email, memberId) = await MemberAsync("steps");
        var sender = new RecordingSender();
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(1));

        var first = await Series(clock, sender).RunOnceAsync(Ct);
        await Series(clock, sender).RunOnceAsync(Ct);
        clock.Now = clock.Now.AddDays(6);
        await Series(clock, sender).RunOnceAsync(Ct);

        Assert.True(first.Enrolled >= 1);
        var welcome = Assert.Single(sender.To(email));
        Assert.Equal("Welcome to the alumni network, Ada!", welcome.Subject);
        Assert.Contains("Hi Ada,", welcome.Text);
        Assert.Contains("http://localhost:5000/me/profile", welcome.Text);
        Assert.Contains("href=\"http://localhost:5000/me/profile\"", welcome.Html);
        Assert.Contains("http://localhost:5000/preferences/", welcome.Text);
        Assert.Equal("Ada Lovelace", welcome.ToName);

        clock.Now = clock.Now.AddDays(1).AddMinutes(1);
        for (var i = 0; i < 3; i++)
        {
            await Series(clock, sender).RunOnceAsync(Ct);
        }

        clock.Now = clock.Now.AddDays(23);
        for (var i = 0; i < 3; i++)
        {
            await Series(clock, sender).RunOnceAsync(Ct);
            clock.Now = clock.Now.AddHours(12);
        }

        Assert.Equal(
            ["Welcome to the alumni network, Ada!", "Tell us a little more about yourself, Ada", "Would you like to help today's students, Ada?"],
            sender.To(email).Select(m => m.Subject));
        Assert.Equal(["sent", "sent", "sent"], (await RowsAsync(memberId)).Select(r => r.State));
    }

    [Fact]
    public async Task The_mail_goes_in_the_members_language_through_the_mail_server_with_the_list_headers()
    {
        var (email, memberId) = await MemberAsync("swedish");
        await ExecuteAsync("UPDATE members SET preferred_language = 'sv' WHERE id = @Id", new { Id = memberId });
        var sender = api.Services.GetRequiredService<IEmailSender>();

        await Series(new ManualClock(DateTimeOffset.UtcNow.AddMinutes(1)), sender).RunOnceAsync(Ct);

        var message = await ReceivedAsync(email);
        Assert.Equal("Välkommen till alumninätverket, Ada!", message.Subject);
        Assert.Contains("Hej Ada!", message.TextBody);
        Assert.Contains("/me/profile", message.HtmlBody);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = message.Headers["List-Unsubscribe"];
        Assert.StartsWith("<http://localhost:5000/api/newsletters/unsubscribe/", unsubscribe);
        Assert.EndsWith("<welcome.localhost>", message.Headers["List-Id"]);

        // The token in the links is the member's own and names no campaign: a one-click there unsubscribes from everything.
        var links = api.Services.GetRequiredService<PreferenceLinks>();
        await links.EnsureKeyAsync(Ct);
        var token = links.Read(unsubscribe!.Trim('<', '>').Split('/').Last());
        Assert.NotNull(token);
        Assert.Equal((memberId, (Guid?)null), (token!.MemberId, token.CampaignId));
    }

    [Fact]
    public async Task A_step_the_member_has_already_done_is_skipped_with_the_reason()
    {
        var (email, memberId) = await MemberAsync("done");
        var (halfEmail, halfId) = await MemberAsync("half");
        await ExecuteAsync("""
            UPDATE members SET country = 'SE', employer = 'Acme', offers_mentor = 1 WHERE id = @Id
            """, new { Id = memberId });
        await ExecuteAsync("INSERT INTO member_interests (member_id, tag, tag_key) VALUES (@Id, 'Sailing', 'sailing')", new { Id = memberId });
        // Country and employer but no interest: the profile is not complete; no offer of help.
        await ExecuteAsync("UPDATE members SET country = 'SE', job_title = 'Engineer' WHERE id = @Id", new { Id = halfId });
        var sender = new RecordingSender();
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(1));

        foreach (var days in new[] { 0, 8, 31 })
        {
            clock.Now = clock.Now.AddDays(days);
            await Series(clock, sender).RunOnceAsync(Ct);
        }

        Assert.Equal(["Welcome to the alumni network, Ada!"], sender.To(email).Select(m => m.Subject));
        Assert.Equal([("sent", null), ("skipped", "profile-complete"), ("skipped", "offers-help")], (await RowsAsync(memberId)).Select(r => (r.State, r.Reason)));
        Assert.Equal(3, sender.To(halfEmail).Count);
    }

    [Fact]
    public async Task A_member_who_unsubscribed_or_whose_address_bounced_gets_nothing_more()
    {
        var (email, memberId) = await MemberAsync("unsubscribed");
        var (bouncedEmail, bouncedId) = await MemberAsync("bounced");
        var sender = new RecordingSender();
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(1));
        await Series(clock, sender).RunOnceAsync(Ct);
        Assert.Single(sender.To(email));
        Assert.Single(sender.To(bouncedEmail));

        var member = await api.SignedInAsync(email);
        var withdrawn = await member.PutAsJsonAsync("/api/me/consents",
            new UpdateConsentsRequest { Changes = [new() { Channel = ConsentChannel.CentralNewsletter, Granted = false }] }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        await ExecuteAsync("INSERT INTO newsletter_suppressions (email, reason, created_at) VALUES (@Email, 'hard bounce', @Now)", new { Email = bouncedEmail, Now = DateTimeOffset.UtcNow });

        foreach (var days in new[] { 8, 31 })
        {
            clock.Now = clock.Now.AddDays(days);
            await Series(clock, sender).RunOnceAsync(Ct);
        }

        Assert.Single(sender.To(email));
        Assert.Single(sender.To(bouncedEmail));
        Assert.Equal([("sent", null), ("skipped", "no-consent"), ("skipped", "no-consent")], (await RowsAsync(memberId)).Select(r => (r.State, r.Reason)));
        Assert.Equal([("sent", null), ("skipped", "suppressed"), ("skipped", "suppressed")], (await RowsAsync(bouncedId)).Select(r => (r.State, r.Reason)));
    }

    [Fact]
    public async Task Members_verified_before_the_series_window_never_join_it()
    {
        var (email, memberId) = await MemberAsync("old");
        var now = DateTimeOffset.UtcNow.AddMinutes(1);
        await ExecuteAsync("UPDATE members SET verified_at = @At WHERE id = @Id", new { Id = memberId, At = now.AddDays(-8) });
        var sender = new RecordingSender();

        await Series(new ManualClock(now), sender, new NewsletterOptions { WelcomeEnrolDays = 7 }).RunOnceAsync(Ct);
        await Series(new ManualClock(now.AddDays(30)), sender, new NewsletterOptions { WelcomeEnrolDays = 7 }).RunOnceAsync(Ct);

        Assert.Empty(sender.To(email));
        Assert.Empty(await RowsAsync(memberId));
    }

    [Fact]
    public async Task Two_instances_running_at_once_send_each_mail_once()
    {
        var members = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            members.Add((await MemberAsync($"parallel{i}")).Email);
        }

        var sender = new RecordingSender(slow: true);
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(1));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Series(clock, sender).RunOnceAsync(Ct), Ct)));
        clock.Now = clock.Now.AddDays(8);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Series(clock, sender).RunOnceAsync(Ct), Ct)));

        Assert.All(members, email => Assert.Equal(
            ["Welcome to the alumni network, Ada!", "Tell us a little more about yourself, Ada"], sender.To(email).Select(m => m.Subject)));
    }

    [Fact]
    public async Task A_failed_send_is_tried_again_later_and_is_not_recorded_as_sent()
    {
        var (email, memberId) = await MemberAsync("retry");
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(1));
        var failing = new RecordingSender(fail: true);

        await Series(clock, failing).RunOnceAsync(Ct);

        Assert.Equal(("queued", 1), (await RowsAsync(memberId)).Select(r => (r.State, r.Attempts)).First());
        var sender = new RecordingSender();
        await Series(clock, sender).RunOnceAsync(Ct);
        Assert.Empty(sender.To(email));

        clock.Now = clock.Now.AddMinutes(16);
        await Series(clock, sender).RunOnceAsync(Ct);
        Assert.Single(sender.To(email));
        Assert.Equal(("sent", 2), (await RowsAsync(memberId)).Select(r => (r.State, r.Attempts)).First());
    }

    [Fact]
    public async Task A_mail_whose_sender_died_mid_send_is_marked_uncertain_and_not_sent_again()
    {
        var (email, memberId) = await MemberAsync("crashed");
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(1));
        var sender = new RecordingSender();
        await Series(clock, sender).RunOnceAsync(Ct);
        Assert.Single(sender.To(email));
        // The later steps claimed by an instance that then died, before it recorded what happened.
        await ExecuteAsync("""
            UPDATE newsletter_welcome_mail SET state = 'sending', lease_owner = 'dead', lease_until = @Until
            WHERE member_id = @Id AND state = 'queued'
            """, new { Id = memberId, Until = clock.Now.AddDays(7).AddMinutes(5) });

        clock.Now = clock.Now.AddDays(7).AddMinutes(2);
        await Series(clock, sender).RunOnceAsync(Ct);
        Assert.Equal(["sending", "sending"], (await RowsAsync(memberId)).Skip(1).Select(r => r.State));

        clock.Now = clock.Now.AddDays(30);
        await Series(clock, sender).RunOnceAsync(Ct);
        await Series(clock, sender).RunOnceAsync(Ct);

        Assert.Single(sender.To(email));
        Assert.Equal([("sent", null), ("uncertain", "lease-expired"), ("uncertain", "lease-expired")], (await RowsAsync(memberId)).Select(r => (r.State, r.Reason)));
    }

    [Fact]
    public async Task The_office_reads_and_edits_the_steps_and_a_text_that_does_not_compile_is_refused()
    {
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");

        var listed = await coordinator.GetAsync("/api/newsletters/welcome/steps", Ct);
        var steps = await listed.ReadAsync<List<WelcomeStepResponse>>();
        Assert.Equal([("welcome", 0, WelcomeSkipRule.None), ("complete-profile", 7, WelcomeSkipRule.ProfileComplete), ("offer-help", 30, WelcomeSkipRule.OffersHelp)],
            steps.Select(s => (s.StepKey, s.DelayDays, s.SkipRule)));
        Assert.All(steps, s => Assert.Contains("/me/profile", s.BodySv));
        Assert.All(steps, s => Assert.Contains("{{ member.first_name }}", s.BodyEn));
        var step = steps[2];
        var path = $"/api/newsletters/welcome/steps/{step.Id}";
        var change = new UpdateWelcomeStepRequest
        {
            SubjectSv = "Hjälp studenterna, {{ member.first_name }}", BodySv = "Hej {{ member.full_name }}!\n\nVill du hjälpa till?",
            SubjectEn = step.SubjectEn, BodyEn = step.BodyEn, DelayDays = 21, Active = true,
        };

        await (await coordinator.SendAsync(Put(path, change, $"\"{step.Version}\""), Ct)).ProblemAsync(403);
        Assert.Equal(ProblemTypes.PreconditionRequired, (await (await admin.PutAsJsonAsync(path, change, Json.Options, Ct)).ProblemAsync(428)).Type);
        await (await admin.SendAsync(Put(path, change, "\"999\""), Ct)).ProblemAsync(412);
        await FieldErrorAsync(admin, path, change with { BodyEn = "Dear {{ member.salary }}" }, step.Version, "bodyEn");
        await FieldErrorAsync(admin, path, change with { SubjectSv = "Hej {{ member.first_name" }, step.Version, "subjectSv");
        await FieldErrorAsync(admin, path, change with { DelayDays = 366 }, step.Version, "delayDays");
        await FieldErrorAsync(admin, path, change with { BodySv = null }, step.Version, "bodySv");
        await FieldErrorAsync(admin, path, change with { SubjectSv = null, BodySv = null, SubjectEn = null, BodyEn = null }, step.Version, "bodySv");

        var saved = await admin.SendAsync(Put(path, change, $"\"{step.Version}\""), Ct);
        var updated = await saved.ReadAsync<WelcomeStepResponse>();
        Assert.Equal((change.SubjectSv, change.BodySv, 21, step.Version + 1), (updated.SubjectSv, updated.BodySv, updated.DelayDays, updated.Version));
        Assert.Equal($"\"{step.Version + 1}\"", saved.Headers.ETag?.Tag);
        Assert.Equal(["newsletter.welcome-step-update"], await AttendanceData.QueryAsync<string>(api,
            "SELECT action FROM audit_log WHERE entity_type = 'welcome-step' AND entity_id = @Id", new { Id = step.Id.ToString() }));

        // The series sends the edited text, delayed as edited, to a Swedish member who joins now.
        var (email, memberId) = await MemberAsync("edited");
        await ExecuteAsync("UPDATE members SET preferred_language = 'sv' WHERE id = @Id", new { Id = memberId });
        var sender = new RecordingSender();
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(1));
        await Series(clock, sender).RunOnceAsync(Ct);
        clock.Now = clock.Now.AddDays(21).AddMinutes(1);
        await Series(clock, sender).RunOnceAsync(Ct);
        var help = sender.To(email).Last();
        Assert.Equal("Hjälp studenterna, Ada", help.Subject);
        Assert.Contains("Hej Ada Lovelace!", help.Text);

        // Put the step back as seeded for the other tests.
        var restore = new UpdateWelcomeStepRequest { SubjectSv = step.SubjectSv, BodySv = step.BodySv, SubjectEn = step.SubjectEn, BodyEn = step.BodyEn, DelayDays = 30, Active = true };
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(Put(path, restore, $"\"{updated.Version}\""), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_step_turned_off_is_skipped_and_the_seeding_is_idempotent()
    {
        var admin = await api.AdminAsync();
        var before = await (await admin.GetAsync("/api/newsletters/welcome/steps", Ct)).ReadAsync<List<WelcomeStepResponse>>();
        await ActivatorUtilities.CreateInstance<SeedWelcomeSteps>(api.Services).RunAsync(Ct);
        var after = await (await admin.GetAsync("/api/newsletters/welcome/steps", Ct)).ReadAsync<List<WelcomeStepResponse>>();
        Assert.Equal(before.Select(s => (s.Id, s.Version)), after.Select(s => (s.Id, s.Version)));

        var welcome = after[0];
        var path = $"/api/newsletters/welcome/steps/{welcome.Id}";
        var off = new UpdateWelcomeStepRequest { SubjectSv = welcome.SubjectSv, BodySv = welcome.BodySv, SubjectEn = welcome.SubjectEn, BodyEn = welcome.BodyEn, DelayDays = 0, Active = false };
        var turnedOff = await (await admin.SendAsync(Put(path, off, $"\"{welcome.Version}\""), Ct)).ReadAsync<WelcomeStepResponse>();
        try
        {
            var (email, memberId) = await MemberAsync("off");
            var sender = new RecordingSender();
            await Series(new ManualClock(DateTimeOffset.UtcNow.AddMinutes(1)), sender).RunOnceAsync(Ct);

            Assert.Empty(sender.To(email));
            Assert.Equal(("skipped", "step-off"), (await RowsAsync(memberId)).Select(r => (r.State, r.Reason)).First());
        }
        finally
        {
            await admin.SendAsync(Put(path, off with { Active = true }, $"\"{turnedOff.Version}\""), Ct);
        }
    }

    private WelcomeSeries Series(ManualClock clock, IEmailSender sender, NewsletterOptions? options = null) => new(
        api.Services.GetRequiredService<Database>(), sender, api.Services.GetRequiredService<NewsletterRenderer>(),
        api.Services.GetRequiredService<PreferenceLinks>(),
        new NewsletterMessages(api.Services.GetRequiredService<IOptions<EmailOptions>>(), Options.Create(options ?? new NewsletterOptions())), clock,
        Options.Create(options ?? new NewsletterOptions()), NullLogger<WelcomeSeries>.Instance);

    private async Task<(string Email, Guid MemberId)> MemberAsync(string name)
    {
        var email = $"welcome-{name}-{Guid.NewGuid().ToString("N")[..8]}@alumni.test";
        return (email, (await AttendanceData.MemberAsync(api, email)).MemberId);
    }

    private async Task ExecuteAsync(string sql, object args)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        await session.ExecuteAsync(Sql.Portable(sql), args, Ct);
    }

    /// <summary>The member's rows in the series, in the order of the steps.</summary>
    private Task<IReadOnlyList<MailRow>> RowsAsync(Guid memberId) => AttendanceData.QueryAsync<MailRow>(api, """
        SELECT w.state AS State, w.reason AS Reason, w.attempts AS Attempts
        FROM newsletter_welcome_mail w JOIN newsletter_welcome_steps s ON s.id = w.step_id
        WHERE w.member_id = @Id ORDER BY s.position
        """, new { Id = memberId });

    private static HttpRequestMessage Put(string path, UpdateWelcomeStepRequest body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private static async Task FieldErrorAsync(HttpClient admin, string path, UpdateWelcomeStepRequest body, int version, string field)
    {
        var problem = await (await admin.SendAsync(Put(path, body, $"\"{version}\""), Ct)).ProblemAsync(400);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    /// <summary>The list mail (with a List-Id) to this address, once the SMTP server has it (at most 10 seconds).</summary>
    private async Task<MimeKit.MimeMessage> ReceivedAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = api.Mail.Received.FirstOrDefault(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase) && m.Message.Headers.Contains("List-Id"));
            if (found is not null)
            {
                return found.Message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No mail to {to} reached the SMTP server.");
            await Task.Delay(20, Ct);
        }
    }

    private sealed record MailRow
    {
        public string State { get; init; } = "";
        public string? Reason { get; init; }
        public int Attempts { get; init; }
    }

    /// <summary>Keeps what it is given to send, in order; slow: yields first (so that parallel runs overlap); fail: throws.</summary>
    private sealed class RecordingSender(bool slow = false, bool fail = false) : IEmailSender
    {
        private readonly ConcurrentQueue<EmailMessage> sent = new();

        public IReadOnlyList<EmailMessage> To(string email) => sent.Where(m => m.To == email).ToList();

        public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
        {
            if (slow)
            {
                await Task.Delay(10, ct);
            }

            if (fail)
            {
                throw new IOException("The mail server is not answering.");
            }

            sent.Enqueue(message);
            return Guid.NewGuid().ToString("N");
        }
    }
}
