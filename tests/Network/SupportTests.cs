using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Network;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Network;

public sealed class SupportTestsOnSqlite(SqliteApi api) : SupportTests(api), IClassFixture<SqliteApi>;

public sealed class SupportTestsOnSqlServer(SqlServerApi api) : SupportTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Requests for support with cross-department activities: a coordinator asks on behalf of their department, the
/// office approves, declines with a reason or marks done, the asking department withdraws or links its co-hosted event;
/// the state machine refuses every other move with a 409 and changes nothing; lists and figures per year.
/// </summary>
public abstract class SupportTests(ApiFixture api)
{
    private const string Base = "/api/network/support-requests";

    private static readonly Sql InsertEvent = Sql.Portable("""
        INSERT INTO events (id, organiser_department_id, kind, status, title_sv, title_en, starts_at, ends_at, time_zone, audience,
                            guests_allowed, sequence, version, created_at, updated_at)
        SELECT @Id, d.id, 'reunion', 'draft', @Title, @Title, @StartsAt, @EndsAt, 'Europe/Stockholm', 'all', 0, 0, 1, @Now, @Now
        FROM departments d WHERE d.code = @Code
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CreateSupportRequestRequest Ask(string department = "DSV", IReadOnlyList<string>? departments = null, int year = 2027,
        string title = "Gemensam alumnikväll") => new()
        {
            DepartmentCode = department,
            Title = title,
            Description = "En kväll för alumner från flera institutioner.\nMed mingel.",
            StartsOn = new DateOnly(year, 10, 1),
            EndsOn = new DateOnly(year, 10, 2),
            Departments = departments ?? ["MATH"],
            Help = [SupportHelp.Funding, SupportHelp.Speaker],
            HelpNote = "En talare från näringslivet.",
        };

    [Fact]
    public async Task A_coordinator_asks_for_their_department_and_the_asking_department_is_always_among_those_taking_part()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");

        var response = await coordinator.PostAsJsonAsync(Base, Ask(departments: ["math", "MATH"]), Json.Options, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var created = await response.ReadAsync<SupportRequestResponse>();
        Assert.Equal($"{Base}/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((SupportRequestStatus.Submitted, "DSV", 1), (created.Status, created.Department.Code, created.Version));
        Assert.Equal(["DSV", "MATH"], created.Departments.Select(d => d.Code));
        Assert.Equal([SupportHelp.Funding, SupportHelp.Speaker], created.Help);
        Assert.Equal("En kväll för alumner från flera institutioner.\nMed mingel.", created.Description);
        Assert.Equal([SupportMove.Edit, SupportMove.Withdraw], created.AllowedMoves);
        Assert.Equal([SupportMove.Submit], created.History.Select(h => h.Move));

        var read = await coordinator.GetAsync($"{Base}/{created.Id}", Ct);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created.Title, (await read.ReadAsync<SupportRequestResponse>()).Title);
        var admin = await api.AdminAsync();
        var asOffice = await ReadAsync(admin, created.Id);
        Assert.Equal([SupportMove.Edit, SupportMove.Approve, SupportMove.Decline, SupportMove.Withdraw], asOffice.AllowedMoves);
    }

    [Fact]
    public async Task Bad_input_is_a_400_on_its_field_and_another_department_a_403_and_nothing_is_created()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var admin = await api.AdminAsync();
        var before = await CountAsync(admin, "?department=LING");

        var endBeforeStart = Ask(departments: ["LING"]) with { EndsOn = new DateOnly(2027, 9, 30) };
        Assert.Equal(["endsOn"], (await (await coordinator.PostAsJsonAsync(Base, endBeforeStart, Json.Options, Ct)).ProblemAsync(400)).Errors!.Keys);
        var noDepartment = Ask(departments: []);
        Assert.Equal(["departments"], (await (await coordinator.PostAsJsonAsync(Base, noDepartment, Json.Options, Ct)).ProblemAsync(400)).Errors!.Keys);
        var unknown = Ask(departments: ["LING", "NOPE"]);
        var unknownProblem = await (await coordinator.PostAsJsonAsync(Base, unknown, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["departments[1]"], unknownProblem.Errors!.Keys);
        Assert.Contains("NOPE", unknownProblem.Errors["departments[1]"][0], StringComparison.Ordinal);
        Assert.Equal(["departmentCode"], (await (await coordinator.PostAsJsonAsync(Base, Ask(department: "NOPE", departments: ["LING"]), Json.Options, Ct)).ProblemAsync(400)).Errors!.Keys);
        Assert.Equal(["help"], (await (await coordinator.PostAsJsonAsync(Base, Ask(departments: ["LING"]) with { Help = [] }, Json.Options, Ct)).ProblemAsync(400)).Errors!.Keys);
        var badHelp = new { departmentCode = "DSV", title = "T", startsOn = "2027-10-01", endsOn = "2027-10-01", departments = new[] { "LING" }, help = new[] { "catering" } };
        await (await coordinator.PostAsJsonAsync(Base, badHelp, Ct)).ProblemAsync(400);
        var unknownField = new { departmentCode = "DSV", title = "T", startsOn = "2027-10-01", endsOn = "2027-10-01", departments = new[] { "LING" }, help = new[] { "venue" }, budget = 10 };
        Assert.Equal(["budget"], (await (await coordinator.PostAsJsonAsync(Base, unknownField, Ct)).ProblemAsync(400)).Errors!.Keys);
        Assert.Equal(["title"], (await (await coordinator.PostAsJsonAsync(Base, Ask(departments: ["LING"]) with { Title = "Mingel\nkväll" }, Json.Options, Ct)).ProblemAsync(400)).Errors!.Keys);

        // Another department than the caller's own is a 403.
        await (await coordinator.PostAsJsonAsync(Base, Ask(department: "LING", departments: ["LING"]), Json.Options, Ct)).ProblemAsync(403);

        Assert.Equal(before, await CountAsync(admin, "?department=LING"));
    }

    public static TheoryData<SupportRequestStatus, SupportMove> EveryPair()
    {
        var data = new TheoryData<SupportRequestStatus, SupportMove>();
        foreach (var from in Enum.GetValues<SupportRequestStatus>())
        {
            foreach (var move in Enum.GetValues<SupportMove>().Where(m => m != SupportMove.Submit))
            {
                data.Add(from, move);
            }
        }

        return data;
    }

    private static readonly Dictionary<(SupportRequestStatus, SupportMove), SupportRequestStatus> Legal = new()
    {
        [(SupportRequestStatus.Submitted, SupportMove.Edit)] = SupportRequestStatus.Submitted,
        [(SupportRequestStatus.Submitted, SupportMove.Approve)] = SupportRequestStatus.Approved,
        [(SupportRequestStatus.Submitted, SupportMove.Decline)] = SupportRequestStatus.Declined,
        [(SupportRequestStatus.Submitted, SupportMove.Withdraw)] = SupportRequestStatus.Withdrawn,
        [(SupportRequestStatus.Approved, SupportMove.Done)] = SupportRequestStatus.Done,
        [(SupportRequestStatus.Approved, SupportMove.LinkEvent)] = SupportRequestStatus.Approved,
    };

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task The_state_machine_refuses_illegal_moves(SupportRequestStatus from, SupportMove move)
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var eventId = await EventAsync("MATH");
        var request = await BringToAsync(admin, coordinator, from);
        var before = await ReadAsync(admin, request.Id);
        var mover = move is SupportMove.Approve or SupportMove.Decline or SupportMove.Done ? admin : coordinator;

        var response = await MoveAsync(mover, request.Id, move, before.Version, eventId);

        if (Legal.TryGetValue((from, move), out var to))
        {
            var moved = await response.ReadAsync<SupportRequestResponse>();
            Assert.Equal((to, before.Version + 1), (moved.Status, moved.Version));
            Assert.Equal($"\"{before.Version + 1}\"", response.Headers.ETag?.Tag);
            Assert.Equal(move == SupportMove.Edit ? SupportMove.Submit : move, moved.History[^1].Move);
            if (move == SupportMove.LinkEvent)
            {
                Assert.Equal(eventId, moved.EventId);
            }
        }
        else
        {
            var problem = await response.ProblemAsync(409);
            Assert.Contains(from.ToString().ToLowerInvariant(), problem.Detail, StringComparison.Ordinal);
            var after = await ReadAsync(admin, request.Id);
            Assert.Equal((before.Status, before.Version, before.UpdatedAt, before.EventId, before.DecisionReason, before.Title),
                (after.Status, after.Version, after.UpdatedAt, after.EventId, after.DecisionReason, after.Title));
            Assert.Equal(before.History.Select(h => h.Move), after.History.Select(h => h.Move));
        }
    }

    [Fact]
    public async Task The_moves_are_audited_and_the_history_says_who_moved_and_why()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var request = await CreateAsync(coordinator, Ask());
        var approved = await (await MoveAsync(admin, request.Id, SupportMove.Approve, 1, note: "Vi står för lokalen.")).ReadAsync<SupportRequestResponse>();
        Assert.Equal("Vi står för lokalen.", approved.DecisionReason);
        var eventId = await EventAsync("MATH");
        await (await MoveAsync(coordinator, request.Id, SupportMove.LinkEvent, 2, eventId)).ReadAsync<SupportRequestResponse>();
        var done = await (await MoveAsync(admin, request.Id, SupportMove.Done, 3)).ReadAsync<SupportRequestResponse>();

        Assert.Equal([SupportMove.Submit, SupportMove.Approve, SupportMove.LinkEvent, SupportMove.Done], done.History.Select(h => h.Move));
        Assert.Equal("Vi står för lokalen.", done.History[1].Note);
        Assert.All(done.History, h => Assert.False(string.IsNullOrWhiteSpace(h.ByName)));
        Assert.Empty(done.AllowedMoves);

        var audit = await (await admin.GetAsync($"/api/audit?entityType=support-request&entityId={request.Id}", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Equal(
            ["network.support-request-approve", "network.support-request-create", "network.support-request-done", "network.support-request-link-event"],
            audit.Items.Select(a => a.Action).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Declining_needs_a_reason_and_changes_nothing_without_one()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var request = await CreateAsync(await api.CoordinatorAsync("DSV"), Ask());

        Assert.Equal(["reason"], (await (await Send(admin, HttpMethod.Post, $"{Base}/{request.Id}/decline", new { reason = "  " }, 1)).ProblemAsync(400)).Errors!.Keys);
        Assert.Equal(["reason"], (await (await Send(admin, HttpMethod.Post, $"{Base}/{request.Id}/decline", new { }, 1)).ProblemAsync(400)).Errors!.Keys);
        var after = await ReadAsync(admin, request.Id);
        Assert.Equal((SupportRequestStatus.Submitted, 1), (after.Status, after.Version));

        var declined = await (await Send(admin, HttpMethod.Post, $"{Base}/{request.Id}/decline", new { reason = "Budgeten är slut i år." }, 1)).ReadAsync<SupportRequestResponse>();
        Assert.Equal((SupportRequestStatus.Declined, "Budgeten är slut i år."), (declined.Status, declined.DecisionReason));
        Assert.Equal(SupportMove.Decline, declined.History[^1].Move);
    }

    [Fact]
    public async Task A_coordinator_cannot_decide_and_cannot_see_or_withdraw_another_departments_request()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var asking = await api.CoordinatorAsync("DSV");
        var takingPart = await api.CoordinatorAsync("MATH");
        var other = await api.CoordinatorAsync("HIST");
        var request = await CreateAsync(asking, Ask(departments: ["MATH"], title: "Ett samarbete"));

        await (await MoveAsync(asking, request.Id, SupportMove.Approve, 1)).ProblemAsync(403);
        await (await MoveAsync(asking, request.Id, SupportMove.Decline, 1)).ProblemAsync(403);
        await (await MoveAsync(asking, request.Id, SupportMove.Done, 1)).ProblemAsync(403);

        await (await other.GetAsync($"{Base}/{request.Id}", Ct)).ProblemAsync(404);
        await (await MoveAsync(other, request.Id, SupportMove.Withdraw, 1)).ProblemAsync(404);
        await (await Send(other, HttpMethod.Put, $"{Base}/{request.Id}", Ask(department: "HIST", departments: ["HIST"]), 1)).ProblemAsync(404);
        Assert.DoesNotContain(request.Id, (await ListAsync(other, "?pageSize=200")).Items.Select(i => i.Id));

        // A department that takes part sees the request, but only the asking department withdraws or changes it.
        var seen = await ReadAsync(takingPart, request.Id);
        Assert.Empty(seen.AllowedMoves);
        Assert.Contains(request.Id, (await ListAsync(takingPart, "?pageSize=200")).Items.Select(i => i.Id));
        await (await MoveAsync(takingPart, request.Id, SupportMove.Withdraw, 1)).ProblemAsync(403);

        Assert.Equal((SupportRequestStatus.Submitted, 1), ((await ReadAsync(admin, request.Id)).Status, (await ReadAsync(admin, request.Id)).Version));
        var withdrawn = await (await MoveAsync(asking, request.Id, SupportMove.Withdraw, 1)).ReadAsync<SupportRequestResponse>();
        Assert.Equal(SupportRequestStatus.Withdrawn, withdrawn.Status);
    }

    [Fact]
    public async Task A_move_needs_the_current_etag_and_of_two_racing_moves_one_wins()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var request = await CreateAsync(coordinator, Ask());

        await (await Send(admin, HttpMethod.Post, $"{Base}/{request.Id}/approve", new { }, null)).ProblemAsync(428);
        await (await Send(admin, HttpMethod.Post, $"{Base}/{request.Id}/approve", new { }, 7)).ProblemAsync(412);
        var edited = await (await Send(coordinator, HttpMethod.Put, $"{Base}/{request.Id}", Ask(departments: ["MATH", "PHIL"]) with { Title = "Ändrad titel" }, 1))
            .ReadAsync<SupportRequestResponse>();
        Assert.Equal(("Ändrad titel", 2), (edited.Title, edited.Version));
        Assert.Equal(["DSV", "MATH", "PHIL"], edited.Departments.Select(d => d.Code));
        await (await Send(coordinator, HttpMethod.Put, $"{Base}/{request.Id}", Ask(), 1)).ProblemAsync(412);

        var moves = await Task.WhenAll(
            Enumerable.Range(0, 6).Select(i => i % 2 == 0
                ? MoveAsync(admin, request.Id, SupportMove.Approve, 2)
                : MoveAsync(admin, request.Id, SupportMove.Decline, 2)));
        Assert.Single(moves, m => m.StatusCode == HttpStatusCode.OK);
        Assert.All(moves.Where(m => m.StatusCode != HttpStatusCode.OK), m => Assert.Contains((int)m.StatusCode, new[] { 409, 412 }));
        Assert.Equal(3, (await ReadAsync(admin, request.Id)).Version);
    }

    [Fact]
    public async Task The_linked_event_is_one_a_department_taking_part_hosts()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var request = await CreateAsync(coordinator, Ask(departments: ["MATH"]));
        await (await MoveAsync(admin, request.Id, SupportMove.Approve, 1)).ReadAsync<SupportRequestResponse>();

        var elsewhere = await EventAsync("HIST");
        Assert.Equal(["eventId"], (await (await MoveAsync(coordinator, request.Id, SupportMove.LinkEvent, 2, elsewhere)).ProblemAsync(400)).Errors!.Keys);
        Assert.Equal(["eventId"], (await (await MoveAsync(coordinator, request.Id, SupportMove.LinkEvent, 2, Guid.NewGuid())).ProblemAsync(400)).Errors!.Keys);
        Assert.Null((await ReadAsync(admin, request.Id)).EventId);

        var cohosted = await EventAsync("MATH");
        var linked = await (await MoveAsync(coordinator, request.Id, SupportMove.LinkEvent, 2, cohosted)).ReadAsync<SupportRequestResponse>();
        Assert.Equal((cohosted, SupportRequestStatus.Approved), (linked.EventId, linked.Status));
    }

    [Fact]
    public async Task The_lists_and_figures_per_year_count_each_state_and_the_share_approved()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var astronomy = await api.CoordinatorAsync("ASTR");
        var a = await CreateAsync(admin, Ask("PHYS", ["PHYS"], 2031, "A"));
        var b = await CreateAsync(admin, Ask("PHYS", ["ASTR"], 2031, "B"));
        var c = await CreateAsync(admin, Ask("ZOO", ["ZOO"], 2031, "C"));
        var d = await CreateAsync(admin, Ask("ZOO", ["ZOO"], 2031, "D"));
        var e = await CreateAsync(admin, Ask("ZOO", ["ASTR"], 2031, "E"));
        var f = await CreateAsync(admin, Ask("PHYS", ["PHYS"], 2032, "F"));
        await (await MoveAsync(admin, a.Id, SupportMove.Approve, 1)).ReadAsync<SupportRequestResponse>();
        await (await MoveAsync(admin, b.Id, SupportMove.Decline, 1, note: "Nej.")).ReadAsync<SupportRequestResponse>();
        await (await MoveAsync(admin, c.Id, SupportMove.Approve, 1)).ReadAsync<SupportRequestResponse>();
        await (await MoveAsync(admin, c.Id, SupportMove.Done, 2)).ReadAsync<SupportRequestResponse>();
        await (await MoveAsync(admin, d.Id, SupportMove.Withdraw, 1)).ReadAsync<SupportRequestResponse>();
        await (await MoveAsync(admin, f.Id, SupportMove.Approve, 1)).ReadAsync<SupportRequestResponse>();

        var office = await (await admin.GetAsync($"{Base}/figures", Ct)).ReadAsync<SupportRequestFiguresResponse>();
        var y2031 = office.Years.Single(y => y.Year == 2031);
        Assert.Equal((5, 1, 1, 1, 1, 1), (y2031.Requests, y2031.Submitted, y2031.Approved, y2031.Declined, y2031.Done, y2031.Withdrawn));
        Assert.Equal(2.0 / 3.0, y2031.ShareApproved!.Value, 6);
        var y2032 = office.Years.Single(y => y.Year == 2032);
        Assert.Equal((1, 1.0), (y2032.Requests, y2032.ShareApproved));
        Assert.True(office.Years.ToList().IndexOf(y2032) < office.Years.ToList().IndexOf(y2031));

        // A coordinator's figures: the requests their departments ask for or take part in.
        var mine = await (await astronomy.GetAsync($"{Base}/figures", Ct)).ReadAsync<SupportRequestFiguresResponse>();
        var mine2031 = Assert.Single(mine.Years);
        Assert.Equal((2031, 2, 1, 1, 0.0), (mine2031.Year, mine2031.Requests, mine2031.Submitted, mine2031.Declined, mine2031.ShareApproved));

        Assert.Equal(["F"], (await ListAsync(admin, "?year=2032")).Items.Select(i => i.Title));
        Assert.Equal(["E", "D", "C", "B", "A"], (await ListAsync(admin, "?year=2031")).Items.Select(i => i.Title));
        Assert.Equal(["B"], (await ListAsync(admin, "?year=2031&status=declined")).Items.Select(i => i.Title));
        Assert.Equal(["E", "B"], (await ListAsync(admin, "?year=2031&department=astr")).Items.Select(i => i.Title));
        var astronomyList = await ListAsync(astronomy, "?year=2031");
        Assert.Equal(["E", "B"], astronomyList.Items.Select(i => i.Title));
        Assert.Equal((2, 2), (astronomyList.Total, astronomyList.Items[0].DepartmentCount));
        Assert.Equal("ZOO", astronomyList.Items[0].DepartmentCode);
        await (await admin.GetAsync($"{Base}?year=12", Ct)).ProblemAsync(400);
    }

    private async Task<SupportRequestResponse> BringToAsync(HttpClient admin, HttpClient coordinator, SupportRequestStatus status)
    {
        var request = await CreateAsync(coordinator, Ask());
        switch (status)
        {
            case SupportRequestStatus.Approved:
                return await (await MoveAsync(admin, request.Id, SupportMove.Approve, 1)).ReadAsync<SupportRequestResponse>();
            case SupportRequestStatus.Declined:
                return await (await MoveAsync(admin, request.Id, SupportMove.Decline, 1)).ReadAsync<SupportRequestResponse>();
            case SupportRequestStatus.Withdrawn:
                return await (await MoveAsync(coordinator, request.Id, SupportMove.Withdraw, 1)).ReadAsync<SupportRequestResponse>();
            case SupportRequestStatus.Done:
                await (await MoveAsync(admin, request.Id, SupportMove.Approve, 1)).ReadAsync<SupportRequestResponse>();
                return await (await MoveAsync(admin, request.Id, SupportMove.Done, 2)).ReadAsync<SupportRequestResponse>();
            default:
                return request;
        }
    }

    private Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid id, SupportMove move, int version, Guid? eventId = null, string? note = null) => move switch
    {
        SupportMove.Edit => Send(client, HttpMethod.Put, $"{Base}/{id}", Ask() with { Title = "Ändrad" }, version),
        SupportMove.Approve => Send(client, HttpMethod.Post, $"{Base}/{id}/approve", new { note }, version),
        SupportMove.Decline => Send(client, HttpMethod.Post, $"{Base}/{id}/decline", new { reason = note ?? "Inte i år." }, version),
        SupportMove.Done => Send(client, HttpMethod.Post, $"{Base}/{id}/done", null, version),
        SupportMove.Withdraw => Send(client, HttpMethod.Post, $"{Base}/{id}/withdraw", null, version),
        SupportMove.LinkEvent => Send(client, HttpMethod.Post, $"{Base}/{id}/event", new { eventId = eventId ?? Guid.NewGuid() }, version),
        _ => throw new ArgumentOutOfRangeException(nameof(move)),
    };

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, int? version)
    {
        using var message = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            message.Content = JsonContent.Create(body, body.GetType(), options: Json.Options);
        }

        if (version is { } v)
        {
            message.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        return await client.SendAsync(message, Ct);
    }

    private static async Task<SupportRequestResponse> CreateAsync(HttpClient client, CreateSupportRequestRequest request) =>
        await (await client.PostAsJsonAsync(Base, request, Json.Options, Ct)).ReadAsync<SupportRequestResponse>();

    private static async Task<SupportRequestResponse> ReadAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"{Base}/{id}", Ct)).ReadAsync<SupportRequestResponse>();

    private static async Task<Paged<SupportRequestSummary>> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync(Base + query, Ct)).ReadAsync<Paged<SupportRequestSummary>>();

    private static async Task<int> CountAsync(HttpClient client, string query) => (await ListAsync(client, query)).Total;

    /// <summary>Stores a draft event organised by this department.</summary>
    private async Task<Guid> EventAsync(string department)
    {
        var id = Guid.CreateVersion7();
        var starts = new DateTimeOffset(2027, 10, 1, 17, 0, 0, TimeSpan.Zero);
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        Assert.Equal(1, await session.ExecuteAsync(InsertEvent,
            new { Id = id, Code = department, Title = "Alumnikväll", StartsAt = starts, EndsAt = starts.AddHours(3), Now = DateTimeOffset.UtcNow }, Ct));
        await session.CommitAsync(Ct);
        return id;
    }
}
