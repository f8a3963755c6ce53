using System.Net.Http.Json;
using Alumni.Api.Features.Events.Schedule;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Email;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Tests.Events;

public sealed class EventScheduleTestsOnSqlite(SqliteApi api) : EventScheduleTests(api), IClassFixture<SqliteApi>;

public sealed class EventScheduleTestsOnSqlServer(SqlServerApi api) : EventScheduleTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The schedule on a clock the test moves: a reminder once before the start, after the end a feedback request to the
/// checked-in and the organiser's follow-up to the no-shows, and a year on the registrations' personal data gone, the counts kept.
/// </summary>
public abstract class EventScheduleTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reminder_goes_once_to_the_confirmed_when_the_event_starts_within_the_lead_time()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ev = await AttendanceData.EventAsync(api, "DSV");
        var cancelledEvent = await AttendanceData.EventAsync(api, "DSV", startsAt: ev.StartsAt, status: "cancelled");
        var ids = await MembersAsync(tag, 4);
        var one = await AttendanceData.RegisterAsync(api, ev, ids[0], language: "sv");
        var two = await AttendanceData.RegisterAsync(api, ev, ids[1], guests: ["Grace Hopper"]);
        await AttendanceData.RegisterAsync(api, ev, ids[2], "waiting");
        await AttendanceData.RegisterAsync(api, ev, ids[3], "cancelled");
        await AttendanceData.RegisterAsync(api, cancelledEvent, ids[0]);
        var clock = new ManualClock(ev.StartsAt.AddHours(-25));

        await Schedule(clock).RunOnceAsync(Ct);
        Assert.Empty(await MailAsync(ev));

        clock.Now = ev.StartsAt.AddHours(-23);
        await Schedule(clock).RunOnceAsync(Ct);
        clock.Now = ev.StartsAt.AddHours(-22);
        await Schedule(clock).RunOnceAsync(Ct);

        var mail = await MailAsync(ev);
        Assert.Equal([(one.Id, ids[0], "reminder"), (two.Id, ids[1], "reminder")],
            mail.Select(m => (m.RegistrationId!.Value, m.MemberId, m.Kind)).Order());
        Assert.Empty(await MailAsync(cancelledEvent));
        var marked = await AttendanceData.QueryAsync<DateTimeOffset?>(api, "SELECT reminder_sent_at FROM events WHERE id = @Id", new { ev.Id });
        Assert.Equal(ev.StartsAt.AddHours(-23), Assert.Single(marked));
    }

    [Fact]
    public async Task Two_instances_running_at_once_write_each_reminder_once_and_the_lead_time_is_configurable()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ev = await AttendanceData.EventAsync(api, "DSV", startsAt: DateTimeOffset.UtcNow.AddDays(60));
        var ids = await MembersAsync(tag, 3);
        foreach (var id in ids)
        {
            await AttendanceData.RegisterAsync(api, ev, id);
        }

        var clock = new ManualClock(ev.StartsAt.AddHours(-47));
        var options = new EventScheduleOptions { ReminderLeadHours = 48 };

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Schedule(clock, options).RunOnceAsync(Ct), Ct)));

        var mail = await MailAsync(ev);
        Assert.Equal(ids.Order(), mail.Select(m => m.MemberId).Order());
        Assert.All(mail, m => Assert.Equal("reminder", m.Kind));
    }

    [Fact]
    public async Task After_the_end_the_checked_in_are_asked_for_feedback_and_the_no_shows_get_the_follow_up_once()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ev = await AttendanceData.EventAsync(api, "DSV", followUpEn: "Sorry we missed you: the slides are at https://example.org/slides.");
        var silent = await AttendanceData.EventAsync(api, "DSV", startsAt: ev.StartsAt);
        var ids = await MembersAsync(tag, 4);
        var came = await AttendanceData.RegisterAsync(api, ev, ids[0], checkedInAt: ev.StartsAt.AddMinutes(5));
        var stayedAway = await AttendanceData.RegisterAsync(api, ev, ids[1]);
        await AttendanceData.RegisterAsync(api, ev, ids[2], "waiting");
        await AttendanceData.RegisterAsync(api, ev, ids[3], "cancelled");
        var cameToSilent = await AttendanceData.RegisterAsync(api, silent, ids[0], checkedInAt: ev.StartsAt);
        await AttendanceData.RegisterAsync(api, silent, ids[1]);
        var clock = new ManualClock(ev.EndsAt.AddMinutes(-1));

        await Schedule(clock).RunOnceAsync(Ct);
        Assert.DoesNotContain(await MailAsync(ev), m => m.Kind != "reminder");

        clock.Now = ev.EndsAt.AddMinutes(30);
        await Schedule(clock).RunOnceAsync(Ct);
        clock.Now = ev.EndsAt.AddHours(2);
        await Schedule(clock).RunOnceAsync(Ct);

        var after = (await MailAsync(ev)).Where(m => m.Kind != "reminder").Select(m => (m.RegistrationId!.Value, m.Kind)).Order().ToList();
        Assert.Equal(new[] { (came.Id, "feedback"), (stayedAway.Id, "followUp") }.Order(), after);
        Assert.Equal([(cameToSilent.Id, "feedback")], (await MailAsync(silent)).Where(m => m.Kind != "reminder").Select(m => (m.RegistrationId!.Value, m.Kind)));
    }

    [Fact]
    public async Task The_organiser_writes_the_follow_up_with_the_event_and_the_event_says_when_its_personal_data_goes()
    {
        var admin = await api.AdminAsync();
        var starts = DateTimeOffset.UtcNow.AddDays(45);
        var request = EventTests.Valid("Follow-up " + Guid.NewGuid().ToString("N")[..6]) with
        {
            StartsAt = starts, EndsAt = starts.AddHours(2), RegistrationOpensAt = null, RegistrationClosesAt = null,
            FollowUpEn = "We missed you!\n\nThe slides are online.", FollowUpSv = "Vi saknade dig!",
        };
        var created = await (await admin.PostAsJsonAsync("/api/events", request, Json.Options, Ct)).ReadAsync<EventResponse>();
        await (await admin.PostAsync($"/api/events/{created.Id}/publish", null, Ct)).ReadAsync<EventResponse>();
        var (member, memberId) = await AttendanceData.MemberAsync(api, $"followup-{Guid.NewGuid():N}@alumni.test");
        var ev = new TestEvent(created.Id, created.StartsAt, created.EndsAt, created.Questions.Select(q => q.Id).ToList());
        var registration = await AttendanceData.RegisterAsync(api, ev, memberId);

        var staffView = await (await admin.GetAsync($"/api/events/{created.Id}", Ct)).ReadAsync<EventResponse>();
        Assert.Equal(("We missed you!\n\nThe slides are online.", "Vi saknade dig!"), (staffView.FollowUpEn, staffView.FollowUpSv));
        Assert.Equal(created.EndsAt.AddMonths(12), staffView.PersonalDataDeletedOn);
        Assert.Equal(created.EndsAt.AddMonths(12), (await (await member.GetAsync($"/api/me/events/{created.Id}", Ct)).ReadAsync<MemberEventResponse>()).PersonalDataDeletedOn);

        await Schedule(new ManualClock(created.EndsAt.AddHours(1))).RunOnceAsync(Ct);

        Assert.Equal([(registration.Id, "followUp")], (await MailAsync(ev)).Where(m => m.Kind != "reminder").Select(m => (m.RegistrationId!.Value, m.Kind)));
    }

    [Fact]
    public async Task The_reminder_the_feedback_request_and_the_follow_up_reach_the_members_in_their_registrations_language()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ev = await AttendanceData.EventAsync(api, "DSV", startsAt: DateTimeOffset.UtcNow.AddDays(50),
            followUpEn: "The slides are at https://example.org/slides.", followUpSv: "Bilderna finns på https://example.org/bilder.");
        var (came, away) = ($"mail-came-{tag}@alumni.test", $"mail-away-{tag}@alumni.test");
        var cameRegistration = await AttendanceData.RegisterAsync(api, ev, (await AttendanceData.MemberAsync(api, came)).MemberId, language: "sv", checkedInAt: ev.StartsAt);
        await AttendanceData.RegisterAsync(api, ev, (await AttendanceData.MemberAsync(api, away)).MemberId, language: "en");
        var (sv, en) = ($"Återträff {ev.Id.ToString("N")[..6]}", $"Reunion {ev.Id.ToString("N")[..6]}");

        await Schedule(new ManualClock(ev.StartsAt.AddHours(-2))).RunOnceAsync(Ct);

        var reminder = await SentAsync(came, $"Påminnelse: {sv}");
        Assert.Contains(cameRegistration.Code, reminder.TextBody);
        Assert.Contains("Stockholm", reminder.TextBody);
        await SentAsync(away, $"Reminder: {en}");

        await Schedule(new ManualClock(ev.EndsAt.AddHours(1))).RunOnceAsync(Ct);

        var feedback = await SentAsync(came, $"Hur var {sv}?");
        Assert.Contains($"/events/{ev.Id}/feedback", feedback.TextBody);
        var followUp = await SentAsync(away, $"{en}: a message from the organiser");
        Assert.Contains("The slides are at https://example.org/slides.", followUp.TextBody);
        Assert.DoesNotContain(api.Mail.Received, m => m.Recipients.Contains(away, StringComparer.OrdinalIgnoreCase) && (m.Message.Subject ?? "").StartsWith("How was", StringComparison.Ordinal));
        Assert.DoesNotContain(api.Mail.Received, m => m.Recipients.Contains(came, StringComparer.OrdinalIgnoreCase) && (m.Message.Subject ?? "").Contains("arrangören", StringComparison.Ordinal));
    }

    /// <summary>The message to this address with this subject, once the SMTP server has it (at most 10 seconds).</summary>
    private async Task<MimeKit.MimeMessage> SentAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = api.Mail.Received.FirstOrDefault(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase) && m.Message.Subject == subject);
            if (found is not null)
            {
                return found.Message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No mail \"{subject}\" to {to} reached the SMTP server; it has: "
                + string.Join("; ", api.Mail.Received.Where(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase)).Select(m => m.Message.Subject)));
            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task An_event_that_ended_long_before_the_schedule_ran_gets_no_feedback_requests()
    {
        var ev = await AttendanceData.EventAsync(api, "DSV");
        var ids = await MembersAsync(Guid.NewGuid().ToString("N")[..8], 1);
        await AttendanceData.RegisterAsync(api, ev, ids[0], checkedInAt: ev.StartsAt);

        await Schedule(new ManualClock(ev.EndsAt.AddDays(8))).RunOnceAsync(Ct);

        Assert.DoesNotContain(await MailAsync(ev), m => m.Kind == "feedback");
    }

    [Fact]
    public async Task Retention_removes_answers_guests_names_and_comments_and_keeps_the_counts_and_ratings()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ev = await AttendanceData.EventAsync(api, "DSV", questions: ["Dietary needs"]);
        var keep = await AttendanceData.EventAsync(api, "DSV", startsAt: ev.StartsAt.AddMonths(1), questions: ["Dietary needs"]);
        var ids = await MembersAsync(tag, 3);
        var came = await AttendanceData.RegisterAsync(api, ev, ids[0], guests: ["Grace Hopper"], answers: ["Vegetarian"], checkedInAt: ev.StartsAt);
        await AttendanceData.RegisterAsync(api, ev, ids[1], answers: ["None"]);
        await AttendanceData.RegisterAsync(api, ev, ids[2], "waiting", guests: ["Alan Turing"], answers: ["Vegan"]);
        var kept = await AttendanceData.RegisterAsync(api, keep, ids[0], guests: ["Ada's guest"], answers: ["Fish"]);
        await using (var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct))
        {
            await session.ExecuteAsync(Sql.Portable("""
                INSERT INTO event_feedback (registration_id, rating, comment, submitted_at) VALUES (@Id, 4, 'Great, said Ada', @Now)
                """), new { came.Id, Now = ev.EndsAt }, Ct);
        }

        var admin = await api.AdminAsync();
        var figures = await (await admin.GetAsync($"/api/events/{ev.Id}/figures", Ct)).ReadAsync<EventFiguresResponse>();
        var options = new EventScheduleOptions { RetentionMonths = 12 };

        await Schedule(new ManualClock(ev.EndsAt.AddMonths(11)), options).RunOnceAsync(Ct);
        Assert.Equal(["Grace Hopper"], await AttendanceData.QueryAsync<string?>(api, "SELECT name FROM event_registration_guests WHERE registration_id = @Id", new { came.Id }));

        var at = ev.EndsAt.AddMonths(12).AddMinutes(1);
        await Schedule(new ManualClock(at), options).RunOnceAsync(Ct);

        var attendees = await (await admin.GetAsync($"/api/events/{ev.Id}/registrations", Ct)).ReadAsync<Paged<AttendeeResponse>>();
        Assert.Equal(3, attendees.Total);
        Assert.All(attendees.Items, a => Assert.Equal(at, a.AnonymisedAt));
        Assert.All(attendees.Items, a => Assert.All(a.Answers, x => Assert.Null(x.Answer)));
        Assert.All(attendees.Items.SelectMany(a => a.Guests), Assert.Null);
        Assert.Equal([2, 1, 2], attendees.Items.Select(a => a.Seats));
        Assert.Equal(figures, await (await admin.GetAsync($"/api/events/{ev.Id}/figures", Ct)).ReadAsync<EventFiguresResponse>());
        var summary = await (await admin.GetAsync($"/api/events/{ev.Id}/feedback", Ct)).ReadAsync<FeedbackSummaryResponse>();
        Assert.Equal((1, 4.0), (summary.Count, summary.Average));
        Assert.Empty(summary.Comments);
        Assert.Equal([at], await AttendanceData.QueryAsync<DateTimeOffset?>(api, "SELECT anonymised_at FROM events WHERE id = @Id", new { ev.Id }));

        Assert.Equal(["Ada's guest"], await AttendanceData.QueryAsync<string?>(api, "SELECT name FROM event_registration_guests WHERE registration_id = @Id", new { kept.Id }));
        Assert.Equal(["Fish"], await AttendanceData.QueryAsync<string?>(api, "SELECT answer FROM event_answers WHERE registration_id = @Id", new { kept.Id }));
    }

    private EventSchedule Schedule(ManualClock clock, EventScheduleOptions? options = null) =>
        new(api.Services.GetRequiredService<Database>(), api.Services.GetRequiredService<Alumni.Api.Features.Events.Mail.EventMailSignal>(), clock, Options.Create(options ?? new EventScheduleOptions()), NullLogger<EventSchedule>.Instance);

    private async Task<List<Guid>> MembersAsync(string tag, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await AttendanceData.MemberAsync(api, $"schedule{i}-{tag}@alumni.test")).MemberId);
        }

        return ids;
    }

    private Task<IReadOnlyList<MailRow>> MailAsync(TestEvent ev) => AttendanceData.QueryAsync<MailRow>(api, """
        SELECT registration_id AS RegistrationId, member_id AS MemberId, kind AS Kind FROM event_mail WHERE event_id = @Id
        """, new { ev.Id });

    private sealed record MailRow
    {
        public Guid? RegistrationId { get; init; }
        public Guid MemberId { get; init; }
        public string Kind { get; init; } = "";
    }
}
