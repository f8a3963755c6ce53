using System.Net;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using Alumni.Contracts.Identity;

namespace Alumni.Api.Tests.Events;

public sealed class AttendeesTestsOnSqlite(SqliteApi api) : AttendeesTests(api), IClassFixture<SqliteApi>;

public sealed class AttendeesTestsOnSqlServer(SqlServerApi api) : AttendeesTests(api), IClassFixture<SqlServerApi>;

/// <summary>The organiser's view of an event's registrations: in scope only, in order, filtered and searched, exported.</summary>
public abstract class AttendeesTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coordinator_of_another_department_finds_no_such_event_to_list_export_count_or_summarise()
    {
        var ev = await AttendanceData.EventAsync(api, "ECON");
        var (_, member) = await AttendanceData.MemberAsync(api, $"scope-{Guid.NewGuid():N}@alumni.test");
        await AttendanceData.RegisterAsync(api, ev, member);
        var dsv = await api.CoordinatorAsync("DSV");

        foreach (var path in new[] { "registrations", "registrations/export", "figures", "feedback" })
        {
            await (await dsv.GetAsync($"/api/events/{ev.Id}/{path}", Ct)).ProblemAsync(404);
        }

        var econ = await api.CoordinatorAsync("ECON");
        Assert.Single((await (await econ.GetAsync($"/api/events/{ev.Id}/registrations", Ct)).ReadAsync<Paged<AttendeeResponse>>()).Items);
    }

    [Fact]
    public async Task A_central_office_event_is_listed_for_admins_and_its_co_hosts_only()
    {
        var ev = await AttendanceData.EventAsync(api, null, cohosts: ["HIST"]);
        var (_, member) = await AttendanceData.MemberAsync(api, $"central-{Guid.NewGuid():N}@alumni.test");
        await AttendanceData.RegisterAsync(api, ev, member);

        await (await (await api.CoordinatorAsync("DSV")).GetAsync($"/api/events/{ev.Id}/registrations", Ct)).ProblemAsync(404);
        Assert.Single((await (await (await api.CoordinatorAsync("HIST")).GetAsync($"/api/events/{ev.Id}/registrations", Ct)).ReadAsync<Paged<AttendeeResponse>>()).Items);
        Assert.Single((await (await (await api.AdminAsync()).GetAsync($"/api/events/{ev.Id}/registrations", Ct)).ReadAsync<Paged<AttendeeResponse>>()).Items);
    }

    [Fact]
    public async Task A_co_host_sees_the_attendees_and_the_figures_but_not_the_feedback()
    {
        var ev = await AttendanceData.EventAsync(api, "ECON", cohosts: ["DSV"]);
        var (_, member) = await AttendanceData.MemberAsync(api, $"cohost-{Guid.NewGuid():N}@alumni.test");
        await AttendanceData.RegisterAsync(api, ev, member);
        var cohost = await api.CoordinatorAsync("DSV");

        Assert.Single((await (await cohost.GetAsync($"/api/events/{ev.Id}/registrations", Ct)).ReadAsync<Paged<AttendeeResponse>>()).Items);
        Assert.Equal(1, (await (await cohost.GetAsync($"/api/events/{ev.Id}/figures", Ct)).ReadAsync<EventFiguresResponse>()).Registrations);
        await (await cohost.GetAsync($"/api/events/{ev.Id}/feedback", Ct)).ProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, (await (await api.CoordinatorAsync("ECON")).GetAsync($"/api/events/{ev.Id}/feedback", Ct)).StatusCode);

        // The co-host sees the event but does not change it.
        Assert.False((await (await cohost.GetAsync($"/api/events/{ev.Id}", Ct)).ReadAsync<EventResponse>()).CanEdit);
        await (await cohost.PostAsync($"/api/events/{ev.Id}/cancel", null, Ct)).ProblemAsync(403);
        Assert.Equal(EventStatus.Published, (await (await (await api.AdminAsync()).GetAsync($"/api/events/{ev.Id}", Ct)).ReadAsync<EventResponse>()).Status);
    }

    [Fact]
    public async Task Confirmed_come_first_by_name_then_the_waiting_list_in_queue_order_with_places_guests_and_answers()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ev = await AttendanceData.EventAsync(api, "DSV", capacity: 3, questions: ["Dietary needs", "T-shirt size"]);
        var (_, ada) = await AttendanceData.MemberAsync(api, $"ada-{tag}@alumni.test");
        var (_, bea) = await AttendanceData.MemberAsync(api, $"bea-{tag}@alumni.test");
        var (_, cid) = await AttendanceData.MemberAsync(api, $"cid-{tag}@alumni.test");
        var (_, dan) = await AttendanceData.MemberAsync(api, $"dan-{tag}@alumni.test");
        var (_, eve) = await AttendanceData.MemberAsync(api, $"eve-{tag}@alumni.test");
        var confirmed = await AttendanceData.RegisterAsync(api, ev, ada, guests: ["Grace Hopper"], answers: ["Vegetarian", "M"]);
        await AttendanceData.RegisterAsync(api, ev, bea);
        var first = await AttendanceData.RegisterAsync(api, ev, cid, "waiting", guests: ["Alan Turing"]);
        var second = await AttendanceData.RegisterAsync(api, ev, dan, "waiting");
        await AttendanceData.RegisterAsync(api, ev, eve, "cancelled");
        var coordinator = await api.CoordinatorAsync("DSV");

        var all = await (await coordinator.GetAsync($"/api/events/{ev.Id}/registrations", Ct)).ReadAsync<Paged<AttendeeResponse>>();

        Assert.Equal(5, all.Total);
        Assert.Equal(
            [AttendeeStatus.Confirmed, AttendeeStatus.Confirmed, AttendeeStatus.Waiting, AttendeeStatus.Waiting, AttendeeStatus.Cancelled],
            all.Items.Select(a => a.Status));
        Assert.Equal([null, null, 1, 2, null], all.Items.Select(a => a.Position));
        Assert.Equal([first.Id, second.Id], all.Items.Where(a => a.Status == AttendeeStatus.Waiting).Select(a => a.Id));
        var withGuest = Assert.Single(all.Items, a => a.Id == confirmed.Id);
        Assert.Equal((2, "Grace Hopper"), (withGuest.Seats, Assert.Single(withGuest.Guests)));
        Assert.Equal(["Vegetarian", "M"], withGuest.Answers.Select(a => a.Answer));
        Assert.Equal(ev.Questions, withGuest.Answers.Select(a => a.QuestionId));
        Assert.Equal(confirmed.Code, withGuest.CheckInCode);
        Assert.Equal($"ada-{tag}@alumni.test", withGuest.Email);

        var waiting = await (await coordinator.GetAsync($"/api/events/{ev.Id}/registrations?status=waiting&pageSize=1&page=2", Ct)).ReadAsync<Paged<AttendeeResponse>>();
        Assert.Equal((2, second.Id, 2), (waiting.Total, Assert.Single(waiting.Items).Id, waiting.Items[0].Position));
        var found = await (await coordinator.GetAsync($"/api/events/{ev.Id}/registrations?q=BEA-{tag}", Ct)).ReadAsync<Paged<AttendeeResponse>>();
        Assert.Equal(bea, Assert.Single(found.Items).MemberId);
        var byName = await (await coordinator.GetAsync($"/api/events/{ev.Id}/registrations?q=ada%20lovelace", Ct)).ReadAsync<Paged<AttendeeResponse>>();
        Assert.Equal(5, byName.Total);
        Assert.Empty((await (await coordinator.GetAsync($"/api/events/{ev.Id}/registrations?status=noShow", Ct)).ReadAsync<Paged<AttendeeResponse>>()).Items);
        Assert.Single((await (await coordinator.GetAsync($"/api/events/{ev.Id}/registrations?status=cancelled", Ct)).ReadAsync<Paged<AttendeeResponse>>()).Items);
    }

    [Theory]
    [InlineData("status=present", "status")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("q=a%20b%20c%20d%20e%20f", "q")]
    public async Task A_bad_list_request_is_a_field_error(string query, string field)
    {
        var ev = await AttendanceData.EventAsync(api, "DSV");

        var problem = await (await (await api.AdminAsync()).GetAsync($"/api/events/{ev.Id}/registrations?{query}", Ct)).ProblemAsync(400);

        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task The_export_has_a_column_per_question_the_guests_status_and_check_in_neutralised_and_audited()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ev = await AttendanceData.EventAsync(api, "DSV", questions: ["Dietary needs", "=Formula question"]);
        var (_, ada) = await AttendanceData.MemberAsync(api, $"export-{tag}@alumni.test");
        var (_, bea) = await AttendanceData.MemberAsync(api, $"export2-{tag}@alumni.test");
        var checkedIn = DateTimeOffset.UtcNow.AddMinutes(-5);
        var one = await AttendanceData.RegisterAsync(api, ev, ada, guests: ["Grace Hopper", "=HYPERLINK(\"http://x\")"], answers: ["Vegan; no nuts", "@SUM(A1)"], checkedInAt: checkedIn);
        var two = await AttendanceData.RegisterAsync(api, ev, bea, "waiting");
        var coordinator = await api.CoordinatorAsync("DSV");

        var response = await coordinator.GetAsync($"/api/events/{ev.Id}/registrations/export", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Text.CsvTests.AssertNoFormula(csv);
        var records = Alumni.Api.Infrastructure.Text.Csv.ReadRecords(new StringReader(csv)).ToList();
        Assert.Equal(["registration_id", "first_name", "last_name", "email", "status", "seats", "guests", "waiting_position", "registered_at",
            "checked_in_at", "language", "Dietary needs", "'=Formula question"], records[0]);
        Assert.Equal(3, records.Count);
        var first = records[1];
        Assert.Equal((one.Id.ToString(), "Ada", "Lovelace", $"export-{tag}@alumni.test", "checkedIn", "3"), (first[0], first[1], first[2], first[3], first[4], first[5]));
        Assert.Equal("Grace Hopper; '=HYPERLINK(\"http://x\")", first[6]);
        Assert.Equal(checkedIn.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), first[9]);
        Assert.Equal(("Vegan; no nuts", "'@SUM(A1)"), (first[11], first[12]));
        Assert.Equal((two.Id.ToString(), "waiting", "1", "", ""), (records[2][0], records[2][4], records[2][7], records[2][9], records[2][11]));

        var audit = await (await (await api.AdminAsync()).GetAsync("/api/audit?action=event.export&pageSize=200", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Contains(audit.Items, e => e.EntityId == ev.Id.ToString() && e.ActorName == "coordinator-dsv@alumni.test");
    }
}
