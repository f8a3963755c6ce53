using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Events;

namespace Alumni.Api.Tests.Events;

public sealed class CheckInTestsOnSqlite(SqliteApi api) : CheckInTests(api), IClassFixture<SqliteApi>;

public sealed class CheckInTestsOnSqlServer(SqlServerApi api) : CheckInTests(api), IClassFixture<SqlServerApi>;

/// <summary>Checking in at the door: by code or id, once, undone, in scope, and the figures it makes.</summary>
public abstract class CheckInTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_typed_code_in_any_case_checks_the_member_and_guests_in_and_a_second_time_is_a_conflict_saying_when()
    {
        var ev = await AttendanceData.EventAsync(api, "DSV");
        var (_, member) = await AttendanceData.MemberAsync(api, $"code-{Guid.NewGuid():N}@alumni.test");
        var registration = await AttendanceData.RegisterAsync(api, ev, member, guests: ["Grace Hopper"]);
        var coordinator = await api.CoordinatorAsync("DSV");
        var typed = " " + registration.Code[..4].ToLowerInvariant() + "-" + registration.Code[4..6] + " " + registration.Code[6..] + " ";

        var response = await coordinator.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { code = typed }, Ct);

        var who = await response.ReadAsync<CheckInResponse>();
        Assert.Equal((registration.Id, "Ada", "Lovelace", 2, "Grace Hopper"), (who.RegistrationId, who.FirstName, who.LastName, who.Seats, Assert.Single(who.Guests)));
        var again = await (await coordinator.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { registrationId = registration.Id }, Ct)).ProblemAsync(409);
        Assert.Contains(who.CheckedInAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss"), again.Detail);
        var listed = await (await coordinator.GetAsync($"/api/events/{ev.Id}/registrations?status=checkedIn", Ct)).ReadAsync<Paged<AttendeeResponse>>();
        Assert.Equal(AttendeeStatus.CheckedIn, Assert.Single(listed.Items).Status);
    }

    [Fact]
    public async Task Two_staff_checking_the_same_person_in_at_once_get_one_success_and_one_conflict()
    {
        var ev = await AttendanceData.EventAsync(api, "DSV", cohosts: ["ECON"]);
        var (_, member) = await AttendanceData.MemberAsync(api, $"race-{Guid.NewGuid():N}@alumni.test");
        var registration = await AttendanceData.RegisterAsync(api, ev, member);
        var organiser = await api.CoordinatorAsync("DSV");
        var cohost = await api.CoordinatorAsync("ECON");

        var answers = await Task.WhenAll(
            organiser.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { registrationId = registration.Id }, Ct),
            cohost.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { code = registration.Code }, Ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
    }

    [Fact]
    public async Task An_undone_check_in_can_be_made_again()
    {
        var ev = await AttendanceData.EventAsync(api, "DSV");
        var (_, member) = await AttendanceData.MemberAsync(api, $"undo-{Guid.NewGuid():N}@alumni.test");
        var registration = await AttendanceData.RegisterAsync(api, ev, member);
        var coordinator = await api.CoordinatorAsync("DSV");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { registrationId = registration.Id }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/events/{ev.Id}/check-ins/{registration.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync($"/api/events/{ev.Id}/check-ins/{registration.Id}", Ct)).StatusCode);

        Assert.Equal(0, (await (await coordinator.GetAsync($"/api/events/{ev.Id}/figures", Ct)).ReadAsync<EventFiguresResponse>()).CheckedIn);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { code = registration.Code }, Ct)).StatusCode);
        await (await coordinator.DeleteAsync($"/api/events/{ev.Id}/check-ins/{Guid.NewGuid()}", Ct)).ProblemAsync(404);
    }

    [Theory]
    [InlineData("waiting")]
    [InlineData("cancelled")]
    [InlineData("left")]
    public async Task Only_a_confirmed_registration_is_checked_in(string status)
    {
        var ev = await AttendanceData.EventAsync(api, "DSV");
        var (_, member) = await AttendanceData.MemberAsync(api, $"{status}-{Guid.NewGuid():N}@alumni.test");
        var registration = await AttendanceData.RegisterAsync(api, ev, member, status);

        await (await (await api.AdminAsync()).PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { code = registration.Code }, Ct)).ProblemAsync(409);

        var figures = await (await (await api.AdminAsync()).GetAsync($"/api/events/{ev.Id}/figures", Ct)).ReadAsync<EventFiguresResponse>();
        Assert.Equal(0, figures.CheckedIn);
    }

    [Fact]
    public async Task An_unknown_code_or_another_events_registration_is_not_found_and_a_request_names_one_of_id_and_code()
    {
        var ev = await AttendanceData.EventAsync(api, "DSV");
        var other = await AttendanceData.EventAsync(api, "DSV");
        var (_, member) = await AttendanceData.MemberAsync(api, $"unknown-{Guid.NewGuid():N}@alumni.test");
        var elsewhere = await AttendanceData.RegisterAsync(api, other, member);
        var admin = await api.AdminAsync();

        await (await admin.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { code = "ZZZZ2222" }, Ct)).ProblemAsync(404);
        await (await admin.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { registrationId = elsewhere.Id }, Ct)).ProblemAsync(404);
        await (await admin.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { code = elsewhere.Code }, Ct)).ProblemAsync(404);
        Assert.Contains("code", (await (await admin.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { }, Ct)).ProblemAsync(400)).Errors!.Keys);
        Assert.Contains("code", (await (await admin.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { registrationId = elsewhere.Id, code = elsewhere.Code }, Ct)).ProblemAsync(400)).Errors!.Keys);
        Assert.Contains("code", (await (await admin.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { code = "<script>" }, Ct)).ProblemAsync(400)).Errors!.Keys);
    }

    [Fact]
    public async Task A_coordinator_of_another_department_cannot_check_in_or_undo_at_the_event()
    {
        var ev = await AttendanceData.EventAsync(api, "ECON");
        var (_, member) = await AttendanceData.MemberAsync(api, $"outside-{Guid.NewGuid():N}@alumni.test");
        var registration = await AttendanceData.RegisterAsync(api, ev, member, checkedInAt: DateTimeOffset.UtcNow);
        var dsv = await api.CoordinatorAsync("DSV");

        await (await dsv.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { code = registration.Code }, Ct)).ProblemAsync(404);
        await (await dsv.DeleteAsync($"/api/events/{ev.Id}/check-ins/{registration.Id}", Ct)).ProblemAsync(404);

        Assert.Equal(1, (await (await (await api.AdminAsync()).GetAsync($"/api/events/{ev.Id}/figures", Ct)).ReadAsync<EventFiguresResponse>()).CheckedIn);
    }

    [Fact]
    public async Task The_figures_count_registrations_seats_waiting_check_ins_cancellations_and_after_the_end_no_shows()
    {
        var ev = await AttendanceData.EventAsync(api, "DSV", capacity: 5);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var members = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            members.Add((await AttendanceData.MemberAsync(api, $"figures{i}-{tag}@alumni.test")).MemberId);
        }

        var here = await AttendanceData.RegisterAsync(api, ev, members[0], guests: ["Grace Hopper", "Alan Turing"]);
        await AttendanceData.RegisterAsync(api, ev, members[1]);
        await AttendanceData.RegisterAsync(api, ev, members[2]);
        await AttendanceData.RegisterAsync(api, ev, members[3], "waiting", guests: ["Guest"]);
        await AttendanceData.RegisterAsync(api, ev, members[4], "cancelled");
        await AttendanceData.RegisterAsync(api, ev, members[5], "left");
        var coordinator = await api.CoordinatorAsync("DSV");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/events/{ev.Id}/check-ins", new { code = here.Code }, Ct)).StatusCode);

        var before = await (await coordinator.GetAsync($"/api/events/{ev.Id}/figures", Ct)).ReadAsync<EventFiguresResponse>();

        Assert.Equal((5, 3, 5, 1, 2, 1, 3, 0, 1, 1, false),
            (before.Capacity, before.Registrations, before.Seats, before.Waiting, before.WaitingSeats, before.CheckedIn, before.CheckedInSeats,
             before.NoShows, before.Cancelled, before.Left, before.Ended));

        await AttendanceData.MoveAsync(api, ev, DateTimeOffset.UtcNow.AddDays(-1));
        var after = await (await coordinator.GetAsync($"/api/events/{ev.Id}/figures", Ct)).ReadAsync<EventFiguresResponse>();
        Assert.Equal((2, true), (after.NoShows, after.Ended));
        var noShows = await (await coordinator.GetAsync($"/api/events/{ev.Id}/registrations?status=noShow", Ct)).ReadAsync<Paged<AttendeeResponse>>();
        Assert.Equal(2, noShows.Total);
        Assert.All(noShows.Items, a => Assert.Equal(AttendeeStatus.NoShow, a.Status));
    }
}
