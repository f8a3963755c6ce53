using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Features.Network.Assignments;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts;
using Alumni.Contracts.Departments;
using Alumni.Contracts.Events;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Members;
using Alumni.Contracts.Network;
using Alumni.Contracts.Problems;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Network;

public sealed class AssignmentTestsOnSqlite(SqliteApi api) : AssignmentTests(api), IClassFixture<SqliteApi>;

public sealed class AssignmentTestsOnSqlServer(SqlServerApi api) : AssignmentTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Coordinators' assignments through real HTTP: assigning gives the department's scope and ending one takes it at the
/// person's very next request; overlaps, unknown departments and people are refused with nothing changed; the network
/// directory is shared while members stay within each coordinator's departments.
/// </summary>
public abstract class AssignmentTests(ApiFixture api)
{
    private const string Url = "/api/network/assignments";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ending_an_assignment_removes_the_access_at_once_while_another_department_still_works()
    {
        var admin = await api.AdminAsync();
        var (a, b) = (await DepartmentAsync(admin), await DepartmentAsync(admin));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var memberOfA = await MemberClients.ProfileAsync(await MemberClients.ActiveMemberAsync(api, $"end-a-{tag}@alumni.test", a));
        var memberOfB = await MemberClients.ProfileAsync(await MemberClients.ActiveMemberAsync(api, $"end-b-{tag}@alumni.test", b));
        var eventOfA = await EventAsync(admin, a);
        var eventOfB = await EventAsync(admin, b);
        var email = $"ending-{tag}@alumni.test";
        var user = await PersonAsync(admin, email);
        var ofA = await AssignAsync(admin, user.Id, a, c => c with { Kind = CoordinatorKind.Formal, TimeShare = 20, RoleTitle = "Alumnisamordnare" });
        await AssignAsync(admin, user.Id, b);
        var coordinator = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        Assert.Equal([memberOfA.Id], (await SearchAsync(coordinator, a, tag)).Select(m => m.Id));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/events/{eventOfA}", Ct)).StatusCode);

        await (await coordinator.PostAsJsonAsync($"{Url}/{ofA.Id}/end", new EndAssignmentRequest(), Json.Options, Ct)).ProblemAsync(403);
        var ended = await (await admin.PostAsJsonAsync($"{Url}/{ofA.Id}/end", new EndAssignmentRequest { Reason = "Left the post" }, Json.Options, Ct))
            .ReadAsync<AssignmentResponse>();

        Assert.NotNull(ended);
        Assert.NotNull(ended.EndedOn);
        Assert.NotNull(ended.EndedAt);
        Assert.Equal("Left the post", ended.EndReason);
        Assert.Empty(await SearchAsync(coordinator, a, tag));
        Assert.NotEqual(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/members/{memberOfA.Id}", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/events/{eventOfA}", Ct)).StatusCode);
        Assert.Equal([memberOfB.Id], (await SearchAsync(coordinator, b, tag)).Select(m => m.Id));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/members/{memberOfB.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/api/events/{eventOfB}", Ct)).StatusCode);
        Assert.Equal([b], (await (await coordinator.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>()).Departments.Select(d => d.Code));

        await (await admin.PostAsJsonAsync($"{Url}/{ofA.Id}/end", new EndAssignmentRequest(), Json.Options, Ct)).ProblemAsync(409);
        await (await Send(admin, HttpMethod.Put, $"{Url}/{ofA.Id}", Change(), $"\"{ended.Version}\"")).ProblemAsync(409);
        var audit = await (await admin.GetAsync($"/api/audit?entityType=coordinator-assignment&entityId={ofA.Id}", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Equal(["network.assignment-create", "network.assignment-end"], audit.Items.Select(e => e.Action).Order());
        Assert.All(audit.Items, e => Assert.Equal(a, e.Detail));
    }

    [Fact]
    public async Task A_coordinator_sees_the_whole_directory_but_only_their_own_departments_members()
    {
        var admin = await api.AdminAsync();
        var (mine, theirs, nobodys) = (await DepartmentAsync(admin, "HUM"), await DepartmentAsync(admin, "LAW"), await DepartmentAsync(admin, "HUM"));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var memberOfTheirs = await MemberClients.ProfileAsync(await MemberClients.ActiveMemberAsync(api, $"dir-theirs-{tag}@alumni.test", theirs));
        var myEmail = $"dir-mine-{tag}@alumni.test";
        var me = await PersonAsync(admin, myEmail, "Maria Mine");
        var other = await PersonAsync(admin, $"dir-other-{tag}@alumni.test", "Olof Other");
        await AssignAsync(admin, me.Id, mine, c => c with { Kind = CoordinatorKind.Formal, TimeShare = 25, ContactEmail = "Alumni@Example.org", ContactPhone = "+46 8 16 20 00" });
        await AssignAsync(admin, other.Id, theirs, c => c with { StartedOn = new DateOnly(2024, 1, 15), RoleTitle = "Kontaktperson" });
        var coordinator = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, myEmail);

        var directory = await (await coordinator.GetAsync("/api/network/directory", Ct)).ReadAsync<NetworkDirectoryResponse>();

        var mineEntry = Assert.Single(directory.Coordinators, c => c.DepartmentCode == mine);
        Assert.Equal(("Maria Mine", CoordinatorKind.Formal, 25, "alumni@example.org", "+46 8 16 20 00", "HUM"),
            (mineEntry.Name, mineEntry.Kind, mineEntry.TimeShare, mineEntry.ContactEmail, mineEntry.ContactPhone, mineEntry.FacultyCode));
        var theirsEntry = Assert.Single(directory.Coordinators, c => c.DepartmentCode == theirs);
        Assert.Equal(("Olof Other", CoordinatorKind.Informal, new DateOnly(2024, 1, 15), "Kontaktperson"),
            (theirsEntry.Name, theirsEntry.Kind, theirsEntry.Since, theirsEntry.RoleTitle));
        Assert.Contains(directory.Uncovered, d => d.Code == nobodys);
        Assert.DoesNotContain(directory.Uncovered, d => d.Code == mine || d.Code == theirs);
        var order = directory.Coordinators.Select(c => (c.FacultyCode, c.DepartmentCode)).ToList();
        Assert.Equal(order.OrderBy(o => o.FacultyCode, StringComparer.Ordinal).ThenBy(o => o.DepartmentCode, StringComparer.Ordinal), order);

        Assert.Empty(await SearchAsync(coordinator, theirs, tag));
        Assert.Empty((await (await coordinator.GetAsync($"/api/members?q={tag}&pageSize=200", Ct)).ReadAsync<Paged<MemberSummary>>()).Items);
        await (await coordinator.GetAsync($"/api/members/{memberOfTheirs.Id}", Ct)).ProblemAsync(404);
        await (await coordinator.GetAsync(Url, Ct)).ProblemAsync(403);
        await (await coordinator.PostAsJsonAsync(Url, Create(me.Id, theirs), Json.Options, Ct)).ProblemAsync(403);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.NewClient().GetAsync("/api/network/directory", Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_assignments_are_400_or_409_and_change_nothing()
    {
        var admin = await api.AdminAsync();
        var code = await DepartmentAsync(admin);
        var inactive = await DepartmentAsync(admin);
        Assert.True((await admin.PostAsync($"/api/departments/{inactive}/deactivate", null, Ct)).IsSuccessStatusCode);
        var user = await PersonAsync(admin, $"bad-{Guid.NewGuid():N}@alumni.test");

        Assert.Contains("departmentCode", (await Post(admin, Create(user.Id, "NOPE-" + code[..4]))).Errors!.Keys);
        Assert.Contains("departmentCode", (await Post(admin, Create(user.Id, inactive))).Errors!.Keys);
        Assert.Contains("departmentCode", (await Post(admin, Create(user.Id, "not a code"))).Errors!.Keys);
        Assert.Contains("userId", (await Post(admin, Create(Guid.NewGuid(), code))).Errors!.Keys);
        Assert.Contains("timeShare", (await Post(admin, Create(user.Id, code) with { TimeShare = 0 })).Errors!.Keys);
        Assert.Contains("timeShare", (await Post(admin, Create(user.Id, code) with { TimeShare = 101 })).Errors!.Keys);
        Assert.Contains("startedOn", (await Post(admin, Create(user.Id, code) with { StartedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2) })).Errors!.Keys);
        Assert.Contains("contactEmail", (await Post(admin, Create(user.Id, code) with { ContactEmail = "not an address" })).Errors!.Keys);
        Assert.Contains("contactPhone", (await Post(admin, Create(user.Id, code) with { ContactPhone = "call me" })).Errors!.Keys);
        var unknownField = await admin.PostAsJsonAsync(Url, new { userId = user.Id, departmentCode = code, kind = "formal", salary = 1 }, Ct);
        Assert.Contains("salary", (await unknownField.ProblemAsync(400)).Errors!.Keys);
        Assert.Empty(await AssignmentsAsync(admin, $"userId={user.Id}&includeEnded=true"));
        Assert.Empty(await CodesAsync(admin, user));

        var first = await AssignAsync(admin, user.Id, code, c => c with { StartedOn = new DateOnly(2023, 3, 1) });
        await (await admin.PostAsJsonAsync(Url, Create(user.Id, code.ToLowerInvariant()), Json.Options, Ct)).ProblemAsync(409);
        var ended = await (await admin.PostAsJsonAsync($"{Url}/{first.Id}/end", new EndAssignmentRequest(), Json.Options, Ct)).ReadAsync<AssignmentResponse>();
        await (await admin.PostAsJsonAsync(Url, Create(user.Id, code) with { StartedOn = new DateOnly(2024, 6, 1) }, Json.Options, Ct)).ProblemAsync(409);
        Assert.Equal([first.Id], (await AssignmentsAsync(admin, $"userId={user.Id}&includeEnded=true")).Select(x => x.Id));
        Assert.Empty(await CodesAsync(admin, user));

        // An ended period runs to the day before it ended: the person may be assigned again from that day.
        var again = await AssignAsync(admin, user.Id, code, c => c with { StartedOn = ended.EndedOn });
        Assert.Equal([code], await CodesAsync(admin, user));
        var moved = await Send(admin, HttpMethod.Put, $"{Url}/{again.Id}", Change() with { StartedOn = new DateOnly(2023, 6, 1) }, $"\"{again.Version}\"");
        await moved.ProblemAsync(409);
        Assert.Equal(again.StartedOn, (await (await admin.GetAsync($"{Url}/{again.Id}", Ct)).ReadAsync<AssignmentResponse>()).StartedOn);
    }

    [Fact]
    public async Task Of_assigns_racing_for_one_person_and_department_one_wins_and_the_others_get_409()
    {
        var admin = await api.AdminAsync();
        var code = await DepartmentAsync(admin);
        var user = await PersonAsync(admin, $"race-{Guid.NewGuid():N}@alumni.test");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.PostAsJsonAsync(Url, Create(user.Id, code), Json.Options, Ct)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await AssignmentsAsync(admin, $"userId={user.Id}&includeEnded=true"));
    }

    [Fact]
    public async Task Changing_an_assignment_needs_its_current_etag()
    {
        var admin = await api.AdminAsync();
        var code = await DepartmentAsync(admin);
        var user = await PersonAsync(admin, $"change-{Guid.NewGuid():N}@alumni.test");
        var created = await admin.PostAsJsonAsync(Url, Create(user.Id, code) with { StartedOn = new DateOnly(2025, 2, 1) }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var assignment = await created.ReadAsync<AssignmentResponse>();
        Assert.Equal($"/api/network/assignments/{assignment.Id}", created.Headers.Location?.OriginalString);

        await (await admin.PutAsJsonAsync($"{Url}/{assignment.Id}", Change(), Json.Options, Ct)).ProblemAsync(428);
        await (await Send(admin, HttpMethod.Put, $"{Url}/{assignment.Id}", Change(), "\"9\"")).ProblemAsync(412);
        await (await Send(admin, HttpMethod.Put, $"{Url}/{Guid.NewGuid()}", Change(), "\"1\"")).ProblemAsync(404);
        var response = await Send(admin, HttpMethod.Put, $"{Url}/{assignment.Id}", Change() with { StartedOn = new DateOnly(2025, 1, 1) }, "\"1\"");
        var changed = await response.ReadAsync<AssignmentResponse>();

        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal((CoordinatorKind.Formal, 50, "Samordnare", "coordinator@example.org", new DateOnly(2025, 1, 1), 2),
            (changed.Kind, changed.TimeShare, changed.RoleTitle, changed.ContactEmail, changed.StartedOn, changed.Version));
        var kept = await (await Send(admin, HttpMethod.Put, $"{Url}/{assignment.Id}", Change() with { TimeShare = null }, "\"2\"")).ReadAsync<AssignmentResponse>();
        Assert.Equal((new DateOnly(2025, 1, 1), (int?)null), (kept.StartedOn, kept.TimeShare));
        var audit = await (await admin.GetAsync($"/api/audit?action=network.assignment-update&entityId={assignment.Id}", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Equal(2, audit.Total);
    }

    [Fact]
    public async Task The_list_filters_by_person_department_and_history()
    {
        var admin = await api.AdminAsync();
        var (a, b) = (await DepartmentAsync(admin), await DepartmentAsync(admin));
        var user = await PersonAsync(admin, $"list-{Guid.NewGuid():N}@alumni.test");
        var other = await PersonAsync(admin, $"list-other-{Guid.NewGuid():N}@alumni.test");
        var old = await AssignAsync(admin, user.Id, a, c => c with { StartedOn = new DateOnly(2022, 1, 1) });
        await admin.PostAsJsonAsync($"{Url}/{old.Id}/end", new EndAssignmentRequest(), Json.Options, Ct);
        var current = await AssignAsync(admin, user.Id, a);
        var inB = await AssignAsync(admin, user.Id, b);
        var others = await AssignAsync(admin, other.Id, a);

        var byCode = string.CompareOrdinal(a, b) < 0;
        Assert.Equal(byCode ? [current.Id, inB.Id] : [inB.Id, current.Id], (await AssignmentsAsync(admin, $"userId={user.Id}")).Select(x => x.Id));
        Assert.Equal(byCode ? [current.Id, old.Id, inB.Id] : [inB.Id, current.Id, old.Id],
            (await AssignmentsAsync(admin, $"userId={user.Id}&includeEnded=true")).Select(x => x.Id));
        Assert.Equal([current.Id, others.Id, old.Id], (await AssignmentsAsync(admin, $"departmentCode={a.ToLowerInvariant()}&includeEnded=true")).Select(x => x.Id));
        Assert.Equal([current.Id, others.Id], (await AssignmentsAsync(admin, $"departmentCode={a}")).Select(x => x.Id));
        var page = await (await admin.GetAsync($"{Url}?departmentCode={a}&includeEnded=true&pageSize=1&page=3", Ct)).ReadAsync<Paged<AssignmentResponse>>();
        Assert.Equal((3, true, old.Id), (page.Total, page.TotalExact, page.Items.Single().Id));
        Assert.Contains("pageSize", (await (await admin.GetAsync($"{Url}?pageSize=0", Ct)).ProblemAsync(400)).Errors!.Keys);
    }

    [Fact]
    public async Task Access_given_before_the_network_kept_assignments_is_recorded_as_an_informal_assignment()
    {
        var admin = await api.AdminAsync();
        var code = await DepartmentAsync(admin);
        var user = await PersonAsync(admin, $"earlier-{Guid.NewGuid():N}@alumni.test");
        var db = api.Services.GetRequiredService<Database>();
        await using (var session = await db.BeginAsync(Ct))
        {
            await session.ExecuteAsync(GrantDirectly, new { UserId = user.Id, Code = code, GrantedAt = new DateTimeOffset(2021, 9, 1, 8, 0, 0, TimeSpan.Zero) }, Ct);
            await session.CommitAsync(Ct);
        }

        var task = api.Services.GetServices<IStartupTask>().OfType<RecordExistingAccess>().Single();
        await task.RunAsync(Ct);
        await task.RunAsync(Ct);

        var recorded = Assert.Single(await AssignmentsAsync(admin, $"userId={user.Id}&includeEnded=true"));
        Assert.Equal((code, CoordinatorKind.Informal, new DateOnly(2021, 9, 1), (DateOnly?)null),
            (recorded.DepartmentCode, recorded.Kind, recorded.StartedOn, recorded.EndedOn));
        var ended = await (await admin.PostAsJsonAsync($"{Url}/{recorded.Id}/end", new EndAssignmentRequest(), Json.Options, Ct)).ReadAsync<AssignmentResponse>();
        Assert.NotNull(ended.EndedOn);
        Assert.Empty(await CodesAsync(admin, user));
    }

    private static readonly Sql GrantDirectly = Sql.Portable("""
        INSERT INTO user_departments (user_id, department_id, granted_at) SELECT @UserId, id, @GrantedAt FROM departments WHERE code = @Code
        """);

    private static CreateAssignmentRequest Create(Guid userId, string code) =>
        new() { UserId = userId, DepartmentCode = code, Kind = CoordinatorKind.Informal };

    private static UpdateAssignmentRequest Change() => new()
    {
        Kind = CoordinatorKind.Formal,
        TimeShare = 50,
        RoleTitle = "Samordnare",
        ContactEmail = "coordinator@example.org",
    };

    private static async Task<AssignmentResponse> AssignAsync(HttpClient admin, Guid userId, string code,
        Func<CreateAssignmentRequest, CreateAssignmentRequest>? change = null)
    {
        var request = Create(userId, code);
        var response = await admin.PostAsJsonAsync(Url, change is null ? request : change(request), Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<AssignmentResponse>();
    }

    private static async Task<Problem> Post(HttpClient admin, CreateAssignmentRequest request) =>
        await (await admin.PostAsJsonAsync(Url, request, Json.Options, Ct)).ProblemAsync(400);

    private static async Task<IReadOnlyList<AssignmentResponse>> AssignmentsAsync(HttpClient admin, string query) =>
        (await (await admin.GetAsync($"{Url}?{query}&pageSize=200", Ct)).ReadAsync<Paged<AssignmentResponse>>()).Items;

    /// <summary>The departments the person holds the scope of, as the people list shows them.</summary>
    private static async Task<IReadOnlyList<string>> CodesAsync(HttpClient admin, UserResponse user) =>
        (await (await admin.GetAsync($"/api/admin/users?search={Uri.EscapeDataString(user.Email)}", Ct)).ReadAsync<List<UserResponse>>())
            .Single(u => u.Id == user.Id).DepartmentCodes;

    private static async Task<UserResponse> PersonAsync(HttpClient admin, string email, string? name = null) =>
        await (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest { Email = email, DisplayName = name }, Ct)).ReadAsync<UserResponse>();

    /// <summary>A new active department of a faculty (every test its own, so the directory's gaps are known).</summary>
    private static async Task<string> DepartmentAsync(HttpClient admin, string faculty = "SOC")
    {
        var code = "N" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var response = await admin.PostAsJsonAsync("/api/departments",
            new CreateDepartmentRequest { Code = code, NameSv = $"Institution {code}", NameEn = $"Department {code}", FacultyCode = faculty }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private static async Task<Guid> EventAsync(HttpClient admin, string code) =>
        (await (await admin.PostAsJsonAsync("/api/events", EventTests.Valid("Network " + code) with { OrganiserDepartmentCode = code }, Json.Options, Ct))
            .ReadAsync<EventResponse>()).Id;

    private static async Task<IReadOnlyList<MemberSummary>> SearchAsync(HttpClient staff, string code, string tag) =>
        (await (await staff.GetAsync($"/api/members?department={code}&q={tag}&pageSize=200", Ct)).ReadAsync<Paged<MemberSummary>>()).Items;

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request, Ct);
    }
}
