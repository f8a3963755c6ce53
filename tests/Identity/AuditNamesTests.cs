using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Identity.ApiKeys;
using Alumni.Api.Features.Identity.Audit;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Members;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Identity;

public sealed class AuditNamesTestsOnSqlite(SqliteApi api) : AuditNamesTests(api), IClassFixture<SqliteApi>;

public sealed class AuditNamesTestsOnSqlServer(SqlServerApi api) : AuditNamesTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The audit log and the people list as an officer reads them: people, members and keys by name, the person signing
/// in as the actor of their sign-in, an erased person as only that, and the log filtered by kind of event.
/// </summary>
public abstract partial class AuditNamesTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewEmail(string who = "named") => $"{who}-{Guid.NewGuid():N}@alumni.test";

    [Fact]
    public async Task A_sign_in_is_done_by_the_person_signing_in_shown_by_name_and_a_wrong_code_by_the_address_typed()
    {
        api.SkipIfUnavailable();
        var email = NewEmail();
        var member = await MemberClients.ActiveMemberAsync(api, email);
        var me = await (await member.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>();
        using (var client = api.NewClient())
        {
            var code = await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, email);
            await (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = Wrong(code) }, Ct)).ProblemAsync(400);
        }

        var entries = (await AuditAsync($"kind=signIn&entityId={me.UserId}")).Items;

        // The sign-in is done by the person, by name; the wrong code by whoever typed the address, which proves nothing,
        // so it is not put on the account: its actor is the address typed, its subject the account.
        var successes = entries.Where(e => e.Action == "auth.sign-in" && e.Outcome == "success").ToList();
        var failure = Assert.Single(entries, e => e.Action == "auth.sign-in" && e.Outcome == "failure");
        Assert.NotEmpty(successes);
        Assert.All(successes, e => Assert.Equal(("user", me.UserId.ToString(), "Ada Lovelace"), (e.ActorType, e.ActorId, e.ActorName)));
        Assert.Equal(("user", null, email), (failure.ActorType, failure.ActorId, failure.ActorName));
        Assert.All(successes.Append(failure), e =>
        {
            Assert.Equal(("Ada Lovelace", AuditKind.SignIn), (e.EntityName, e.Kind));
            Assert.False(e.ActorErased);
        });
    }

    [Fact]
    public async Task An_unknown_address_signing_in_is_the_actor_by_that_address()
    {
        api.SkipIfUnavailable();
        var email = NewEmail("stranger");
        using var client = api.NewClient();
        var code = await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, email);
        await (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = Wrong(code) }, Ct)).ProblemAsync(400);

        var entry = Assert.Single((await AuditAsync($"action=auth.sign-in&entityId={Uri.EscapeDataString(email)}")).Items);

        Assert.Equal(("user", null, email, "failure"), (entry.ActorType, entry.ActorId, entry.ActorName, entry.Outcome));
    }

    [Fact]
    public async Task The_kind_filter_keeps_only_events_of_that_kind_and_names_the_member_read()
    {
        api.SkipIfUnavailable();
        var member = await MemberClients.ActiveMemberAsync(api, NewEmail());
        var profile = await MemberClients.ProfileAsync(member);
        var admin = await api.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/members/{profile.Id}", Ct)).StatusCode);
        var adminMe = await (await admin.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>();

        var members = (await AuditAsync("kind=members")).Items;
        var signIns = (await AuditAsync("kind=signIn")).Items;
        var read = Assert.Single(members, e => e.Action == "member.read" && e.EntityId == profile.Id.ToString());

        Assert.All(members, e => Assert.Equal(AuditKind.Members, e.Kind));
        Assert.DoesNotContain(members, e => e.Action == "member.import" || e.Action.StartsWith("auth.", StringComparison.Ordinal));
        Assert.NotEmpty(signIns);
        Assert.All(signIns, e => Assert.Equal(AuditKind.SignIn, e.Kind));
        Assert.Equal(("Ada Lovelace", false), (read.EntityName, read.EntityErased));
        Assert.Equal(adminMe.UserId.ToString(), read.ActorId);
        Assert.Equal(ApiFixture.AdminEmail, read.ActorName);
        await (await admin.GetAsync("/api/audit?kind=nonsense", Ct)).ProblemAsync(400);
    }

    [Fact]
    public async Task A_key_acts_by_its_name()
    {
        api.SkipIfUnavailable();
        var profile = await MemberClients.ProfileAsync(await MemberClients.ActiveMemberAsync(api, NewEmail()));
        var key = await api.KeyClientAsync(ApiScopes.MembersRead);
        Assert.Equal(HttpStatusCode.OK, (await key.GetAsync($"/api/members/{profile.Id}", Ct)).StatusCode);

        var entry = Assert.Single((await AuditAsync($"action=member.read&entityId={profile.Id}")).Items);

        Assert.Equal("key", entry.ActorType);
        Assert.StartsWith("Test key ", entry.ActorName);
    }

    [Fact]
    public async Task An_erased_member_is_an_erased_person_in_the_log_and_the_people_list()
    {
        api.SkipIfUnavailable();
        var email = NewEmail("erased");
        var member = await MemberClients.ActiveMemberAsync(api, email);
        var profile = await MemberClients.ProfileAsync(member);
        var me = await (await member.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>();
        var admin = await api.AdminAsync();
        var before = await PeopleAsync(admin, email);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/members/{profile.Id}/erase", null, Ct)).StatusCode);

        var erase = Assert.Single((await AuditAsync($"action=member.erase&entityId={profile.Id}")).Items);
        var signIn = Assert.Single((await AuditAsync($"action=auth.sign-in&entityId={me.UserId}")).Items);
        var person = Assert.Single(await PeopleAsync(admin, me.UserId.ToString("N")));

        Assert.Equal(("Ada Lovelace", false), (Assert.Single(before).Name, Assert.Single(before).Erased));
        Assert.Equal((null, true), (erase.EntityName, erase.EntityErased));
        Assert.Equal((null, true), (signIn.ActorName, signIn.ActorErased));
        Assert.Equal((null, true), (signIn.EntityName, signIn.EntityErased));
        Assert.Equal((me.UserId, null, true), (person.Id, person.Name, person.Erased));
    }

    [Fact]
    public async Task Erasure_takes_the_persons_address_out_of_the_audit_log_and_keeps_what_happened()
    {
        api.SkipIfUnavailable();
        var email = NewEmail("forgotten");
        using (var client = api.NewClient())
        {
            // Tried before the address had an account: the entry holds the address as actor and subject.
            var code = await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, email);
            await (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = Wrong(code) }, Ct)).ProblemAsync(400);
        }

        var member = await MemberClients.ActiveMemberAsync(api, email);
        var profile = await MemberClients.ProfileAsync(member);
        var me = await (await member.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>();
        var before = await AuditRowsHoldingAsync(email);
        var admin = await api.AdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/members/{profile.Id}/erase", null, Ct)).StatusCode);

        var signIns = (await AuditAsync($"action=auth.sign-in&entityId={me.UserId}")).Items;
        Assert.True(before >= 2, $"the address was in {before} entries before erasure");
        Assert.Equal(0, await AuditRowsHoldingAsync(email));
        Assert.Contains(signIns, e => e.Outcome == "failure" && e.ActorName is null);
        Assert.Contains(signIns, e => e.Outcome == "success" && e.ActorName is null && e.ActorErased);
    }

    [Fact]
    public async Task Erasing_a_member_who_never_signed_in_takes_their_address_out_of_the_audit_log()
    {
        api.SkipIfUnavailable();
        var email = NewEmail("imported");
        using (var client = api.NewClient())
        {
            var code = await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, email);
            await (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = Wrong(code) }, Ct)).ProblemAsync(400);
        }

        // Imported, never signed in: the member has no account.
        var lastName = "Imre" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        var key = await api.KeyClientAsync("members:import", "members:read");
        var upload = new StringContent(
            "external_id,first_name,last_name,email,department_code,degree_type,start_year,end_year,credits\n"
            + $"AUD{Guid.NewGuid():N},Imre,{lastName},{email},DSV,master,2001,2004,90\n", System.Text.Encoding.UTF8, "text/csv");
        var started = await (await key.PostAsync("/api/members/imports", upload, Ct)).ReadAsync<ImportJobResponse>();
        Assert.Equal(1, (await ImportTests.WaitAsync(key, started.Id)).Inserted);
        var member = Assert.Single((await (await key.GetAsync($"/api/members?q={lastName}", Ct)).ReadAsync<Paged<MemberSummary>>()).Items);
        var before = await AuditRowsHoldingAsync(email);

        Assert.Equal(HttpStatusCode.NoContent, (await (await api.AdminAsync()).PostAsync($"/api/members/{member.Id}/erase", null, Ct)).StatusCode);

        Assert.True(before >= 1, $"the address was in {before} entries before erasure");
        Assert.Equal(0, await AuditRowsHoldingAsync(email));
    }

    private async Task<int> AuditRowsHoldingAsync(string email)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.ExecuteScalarAsync<int>(Sql.Portable("""
            SELECT COUNT(*) FROM audit_log WHERE actor_name = @Email OR entity_id = @Email OR detail = @Email
            """), new { Email = email }, Ct);
    }

    [Fact]
    public async Task The_people_list_names_people_by_their_given_name_else_their_member_name()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var staff = NewEmail("staff");
        await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest { Email = staff, DisplayName = "Grace Hopper" }, Ct);
        var email = NewEmail("member");
        await MemberClients.ActiveMemberAsync(api, email);

        Assert.Equal("Grace Hopper", Assert.Single(await PeopleAsync(admin, staff)).Name);
        Assert.Contains(await PeopleAsync(admin, "lovelace"), p => p.Email == email && p.Name == "Ada Lovelace" && !p.Erased);
    }

    [Fact]
    public async Task Scopes_are_labelled_in_the_request_language()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/api-keys/scopes");
        request.Headers.AcceptLanguage.ParseAdd("sv-SE");

        var english = await (await admin.GetAsync("/api/admin/api-keys/scopes", Ct)).ReadAsync<List<ScopeResponse>>();
        var swedish = await (await admin.SendAsync(request, Ct)).ReadAsync<List<ScopeResponse>>();

        var read = Assert.Single(english, s => s.Name == ApiScopes.MembersRead);
        Assert.Equal(("Read members", "members", "Members"), (read.Label, read.Area, read.AreaLabel));
        Assert.Contains("members_search", read.Operations);
        Assert.Equal(("Läsa medlemmar", "Medlemmar"), (swedish.Single(s => s.Name == ApiScopes.MembersRead).Label, swedish.Single(s => s.Name == ApiScopes.MembersRead).AreaLabel));
    }

    private async Task<IReadOnlyList<UserResponse>> PeopleAsync(HttpClient admin, string search) =>
        await (await admin.GetAsync($"/api/admin/users?search={Uri.EscapeDataString(search)}", Ct)).ReadAsync<List<UserResponse>>();

    private async Task<Paged<AuditEntryResponse>> AuditAsync(string query) =>
        await (await (await api.AdminAsync()).GetAsync($"/api/audit?{query}&pageSize=200", Ct)).ReadAsync<Paged<AuditEntryResponse>>();

    private static string Wrong(string code) => code[0] == 'A' ? "B" + code[1..] : "A" + code[1..];
}

/// <summary>
/// The kinds of audit event: every action the code writes has one and a text in the web's both languages, and a
/// kind's SQL is its own actions only. Every scope has its texts.
/// </summary>
public sealed partial class AuditKindTests
{
    [Fact]
    public void Every_action_the_code_writes_has_a_kind()
    {
        var actions = ActionsWritten();

        Assert.Contains("auth.sign-in", actions);
        Assert.Contains("member.import", actions);
        Assert.DoesNotContain(actions, a => AuditKinds.Of(a) is null);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public void Every_action_the_code_writes_has_a_text_in_the_web(string language)
    {
        using var texts = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repo.File("web", "src", "i18n", $"{language}.json")));
        var actions = texts.RootElement.GetProperty("audit").GetProperty("actions");

        Assert.DoesNotContain(ActionsWritten(), a =>
            !(actions.TryGetProperty(a.Split('.')[0], out var group) && group.TryGetProperty(a.Split('.')[1], out var text)
              && text.GetString() is { Length: > 0 }));
    }

    [Fact]
    public void Every_scope_has_a_label_a_description_and_an_area()
    {
        Assert.NotEmpty(ApiKeyScopes.All);
        Assert.DoesNotContain(ApiKeyScopes.All, s => !ListScopes.IsDescribed(s));
    }

    [Fact]
    public void An_exact_action_of_one_kind_is_kept_out_of_the_prefix_of_another()
    {
        Assert.Equal(AuditKind.Imports, AuditKinds.Of("member.import"));
        Assert.Equal(AuditKind.Members, AuditKinds.Of("member.read"));
        Assert.Equal("(a.action LIKE 'member.%') AND NOT (a.action = 'member.import')", AuditKinds.Condition(AuditKind.Members));
        Assert.Equal("(a.action LIKE 'auth.%' OR a.action LIKE 'session.%')", AuditKinds.Condition(AuditKind.SignIn));
        Assert.Contains("WHERE (a.action LIKE 'api-key.%')", ListAudit.Query(new ListAuditRequest { Kind = AuditKind.ApiKeys }).Rows.SqlServer, StringComparison.Ordinal);
    }

    private static List<string> ActionsWritten() =>
        Directory.EnumerateFiles(Repo.File("api"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => ActionWritten().Matches(File.ReadAllText(f)).Select(m => m.Groups["action"].Value))
            .Distinct()
            .ToList();

    [GeneratedRegex(@"new AuditEvent\(\s*""(?<action>[a-z-]+\.[a-z-]+)""")]
    private static partial Regex ActionWritten();
}
