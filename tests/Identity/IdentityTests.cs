using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Departments;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Network;
using Alumni.Contracts.Problems;

namespace Alumni.Api.Tests.Identity;

public sealed class IdentityTestsOnSqlite(SqliteApi api) : IdentityTests(api), IClassFixture<SqliteApi>;

public sealed class IdentityTestsOnSqlServer(SqlServerApi api) : IdentityTests(api), IClassFixture<SqlServerApi>;

/// <summary>Passwordless sign-in, sessions, roles, API keys and the audit log, through real HTTP and real SMTP.</summary>
public abstract class IdentityTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewEmail(string who = "alumnus") => $"{who}-{Guid.NewGuid():N}@alumni.test";

    [Fact]
    public async Task A_code_arrives_by_mail_with_text_and_html_and_signs_a_new_person_in_as_an_alumnus()
    {
        var email = NewEmail();
        using var client = api.NewClient();

        var response = await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = $"  {email.ToUpperInvariant()} " }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var mail = (await api.Mail.NextForAsync(email)).Message;
        Assert.False(string.IsNullOrEmpty(mail.MessageId));
        Assert.False(string.IsNullOrEmpty(mail.TextBody));
        Assert.False(string.IsNullOrEmpty(mail.HtmlBody));
        var code = Infrastructure.Identity.CodeIn(mail.TextBody!);
        Assert.Contains(code, mail.HtmlBody);

        var signIn = await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = code.ToLowerInvariant() }, Ct);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var me = await signIn.ReadAsync<MeResponse>();
        Assert.Equal(email, me.Email);
        Assert.Equal(["alumnus"], me.Roles);
        Assert.Equal(me.UserId, (await (await client.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>()).UserId);
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(cookies, c => c.StartsWith("alumni_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("httponly", Assert.Single(cookies, c => c.StartsWith("alumni_csrf=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_answer_to_a_code_request_is_the_same_for_a_known_and_an_unknown_address()
    {
        using var client = api.NewClient();

        var known = await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = ApiFixture.AdminEmail }, Ct);
        var unknown = await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = NewEmail("nobody") }, Ct);

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(Ct), await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_wrong_code_is_a_field_error_and_is_audited()
    {
        var email = NewEmail();
        using var client = api.NewClient();
        var code = await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, email);

        var problem = await (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = Wrong(code) }, Ct)).ProblemAsync(400);

        Assert.Equal(ProblemTypes.ValidationFailed, problem.Type);
        Assert.Contains("code", problem.Errors!.Keys);
        var audit = await AuditAsync($"action=auth.sign-in&entityId={Uri.EscapeDataString(email)}");
        Assert.Contains(audit.Items, e => e.Outcome == "failure");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_used_code_cannot_sign_in_again()
    {
        var email = NewEmail();
        using var first = api.NewClient();
        var code = await Infrastructure.Identity.RequestCodeAsync(first, api.Mail, email);
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = code }, Ct)).StatusCode);

        using var second = api.NewClient();
        var problem = await (await second.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = code }, Ct)).ProblemAsync(400);

        Assert.Contains("code", problem.Errors!.Keys);
    }

    [Fact]
    public async Task After_too_many_wrong_tries_even_the_right_code_is_refused()
    {
        var email = NewEmail();
        using var client = api.NewClient();
        var code = await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, email);
        for (var i = 0; i < 5; i++)
        {
            await (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = Wrong(code) }, Ct)).ProblemAsync(400);
        }

        var problem = await (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = code }, Ct)).ProblemAsync(400);

        Assert.Contains("code", problem.Errors!.Keys);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_new_code_leaves_the_earlier_one_working_and_each_works_once()
    {
        var email = NewEmail();
        using var client = api.NewClient();
        var first = await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, email);
        var second = await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, email);

        using var again = api.NewClient();
        using var later = api.NewClient();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = first }, Ct)).StatusCode);
        var problem = await (await again.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = first }, Ct)).ProblemAsync(400);
        Assert.Contains("code", problem.Errors!.Keys);
        Assert.Equal(HttpStatusCode.OK, (await later.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = email, Code = second }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_addresses_are_field_errors()
    {
        using var client = api.NewClient();
        foreach (var email in new[] { "", "not-an-address", "a@b", "<script>@x.se", new string('a', 320) + "@x.se" })
        {
            var problem = await (await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = email }, Ct)).ProblemAsync(400);
            Assert.Contains("email", problem.Errors!.Keys);
        }
    }

    [Fact]
    public async Task An_unsafe_request_with_the_session_cookie_but_without_the_anti_forgery_header_is_refused()
    {
        var admin = await api.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/departments")
        {
            Content = JsonContent.Create(new CreateDepartmentRequest { Code = "CSRF1", NameSv = "Namn", NameEn = "Name", FacultyCode = "SOC" }),
        };
        using var forged = api.NewClient();
        foreach (var cookie in await CookiesOfAsync(admin))
        {
            forged.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        var problem = await (await forged.SendAsync(request, Ct)).ProblemAsync(403);

        Assert.Equal(ProblemTypes.AntiForgeryFailed, problem.Type);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/departments/CSRF1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await forged.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_session_no_longer_signs_in_and_signing_out_ends_the_session()
    {
        var email = NewEmail();
        var laptop = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        var phone = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        var sessions = await (await phone.GetAsync("/api/me/sessions", Ct)).ReadAsync<List<SessionResponse>>();
        Assert.Equal(2, sessions.Count);
        var laptopSession = Assert.Single(sessions, s => !s.IsCurrent);

        Assert.Equal(HttpStatusCode.NoContent, (await phone.DeleteAsync($"/api/me/sessions/{laptopSession.Id}", Ct)).StatusCode);

        var problem = await (await laptop.GetAsync("/api/me", Ct)).ProblemAsync(401);
        Assert.Equal(ProblemTypes.Unauthorized, problem.Type);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await phone.DeleteAsync("/api/auth/session", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.AdminAsync()).DeleteAsync($"/api/me/sessions/{laptopSession.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session()
    {
        var email = NewEmail();
        var one = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        var two = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);

        Assert.Equal(HttpStatusCode.NoContent, (await one.DeleteAsync("/api/me/sessions", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await one.GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await two.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_admin_makes_a_coordinator_whose_role_shows_at_once()
    {
        var admin = await api.AdminAsync();
        var email = NewEmail("coordinator");
        var person = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        Assert.Equal(["alumnus"], (await (await person.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>()).Roles);

        var user = await Infrastructure.Identity.GrantDepartmentsAsync(admin, email, "DSV", "econ");

        Assert.Equal(["DSV", "ECON"], user.DepartmentCodes);
        var me = await (await person.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>();
        Assert.Equal(["coordinator"], me.Roles);
        Assert.Equal(["DSV", "ECON"], me.Departments.Select(d => d.Code));
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/admin/users", Ct)).StatusCode);

        var econ = (await (await admin.GetAsync($"/api/network/assignments?userId={user.Id}&departmentCode=ECON", Ct))
            .ReadAsync<Paged<AssignmentResponse>>()).Items.Single();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/network/assignments/{econ.Id}/end", new { }, Ct)).StatusCode);
        Assert.Equal(["DSV"], (await (await person.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>()).Departments.Select(d => d.Code));
        await (await admin.PutAsync($"/api/admin/users/{Guid.NewGuid()}/admin", null, Ct)).ProblemAsync(404);
        var audit = await AuditAsync($"entityType=coordinator-assignment&entityId={econ.Id}");
        Assert.Contains(audit.Items, e => e.Action == "network.assignment-create" && e.Detail == "ECON" && e.ActorName == ApiFixture.AdminEmail);
        Assert.Contains(audit.Items, e => e.Action == "network.assignment-end");
    }

    [Fact]
    public async Task Admins_can_be_made_and_unmade_but_the_last_one_stays()
    {
        var admin = await api.AdminAsync();
        var me = await (await admin.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>();
        var others = (await (await admin.GetAsync("/api/admin/users?staffOnly=true", Ct)).ReadAsync<List<UserResponse>>()).Where(u => u.IsAdmin && u.Id != me.UserId);
        foreach (var other in others)
        {
            await admin.DeleteAsync($"/api/admin/users/{other.Id}/admin", Ct);
        }

        var last = await (await admin.DeleteAsync($"/api/admin/users/{me.UserId}/admin", Ct)).ProblemAsync(409);
        Assert.Equal(ProblemTypes.Conflict, last.Type);

        var email = NewEmail("second-admin");
        var second = await (await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest { Email = email, DisplayName = "Second Admin" }, Ct)).ReadAsync<UserResponse>();
        var granted = await (await admin.PutAsync($"/api/admin/users/{second.Id}/admin", null, Ct)).ReadAsync<UserResponse>();
        Assert.True(granted.IsAdmin);
        var again = await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest { Email = email }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var revoked = await (await admin.DeleteAsync($"/api/admin/users/{second.Id}/admin", Ct)).ReadAsync<UserResponse>();
        Assert.False(revoked.IsAdmin);
        Assert.Contains((await AuditAsync($"action=role.grant-admin&entityId={second.Id}")).Items, e => e.Outcome == "success");
    }

    [Fact]
    public async Task An_api_key_with_the_scope_may_call_without_cookie_or_anti_forgery_header_and_one_without_may_not()
    {
        var writer = await api.KeyClientAsync("departments:write");
        var reader = await api.KeyClientAsync("audit:read");
        var code = "K" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        var created = await writer.PostAsJsonAsync("/api/departments", new CreateDepartmentRequest { Code = code, NameSv = "Namn", NameEn = "Name", FacultyCode = "SOC" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(created.Headers.Contains("Set-Cookie"));

        var problem = await (await reader.PostAsJsonAsync("/api/departments", new CreateDepartmentRequest { Code = code + "X", NameSv = "Namn", NameEn = "Name", FacultyCode = "SOC" }, Ct)).ProblemAsync(403);
        Assert.Equal(ProblemTypes.Forbidden, problem.Type);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/audit", Ct)).StatusCode);
        await (await writer.GetAsync("/api/me", Ct)).ProblemAsync(403);
        await (await writer.GetAsync("/api/admin/api-keys", Ct)).ProblemAsync(403);
    }

    [Fact]
    public async Task A_revoked_key_and_a_made_up_key_are_refused()
    {
        var admin = await api.AdminAsync();
        var secret = await Infrastructure.Identity.CreateKeyAsync(admin, "audit:read");
        using var keyed = api.NewClient();
        keyed.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/audit", Ct)).StatusCode);
        var key = Assert.Single(await (await admin.GetAsync("/api/admin/api-keys", Ct)).ReadAsync<List<ApiKeyResponse>>(), k => secret.StartsWith(k.Prefix + "_", StringComparison.Ordinal));
        Assert.NotNull(key.LastUsedAt);
        Assert.Equal(["audit:read"], key.Scopes);

        var revoked = await (await admin.DeleteAsync($"/api/admin/api-keys/{key.Id}", Ct)).ReadAsync<ApiKeyResponse>();
        Assert.NotNull(revoked.RevokedAt);

        var problem = await (await keyed.GetAsync("/api/audit", Ct)).ProblemAsync(401);
        Assert.Contains("revoked", problem.Detail);
        keyed.DefaultRequestHeaders.Authorization = new("Bearer", secret[..^4] + "abcd");
        await (await keyed.GetAsync("/api/audit", Ct)).ProblemAsync(401);
        keyed.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-key");
        await (await keyed.GetAsync("/api/audit", Ct)).ProblemAsync(401);
        Assert.Contains((await AuditAsync($"action=api-key.revoke&entityId={key.Id}")).Items, e => e.ActorName == ApiFixture.AdminEmail);
    }

    [Fact]
    public async Task Keys_are_made_only_with_known_scopes_and_a_future_expiry()
    {
        var admin = await api.AdminAsync();

        var unknown = await (await admin.PostAsJsonAsync("/api/admin/api-keys", new CreateApiKeyRequest { Name = "x", Scopes = ["nope:all"] }, Ct)).ProblemAsync(400);
        Assert.Contains("scopes", unknown.Errors!.Keys);
        var none = await (await admin.PostAsJsonAsync("/api/admin/api-keys", new CreateApiKeyRequest { Name = "x", Scopes = [] }, Ct)).ProblemAsync(400);
        Assert.Contains("scopes", none.Errors!.Keys);
        var past = await (await admin.PostAsJsonAsync("/api/admin/api-keys", new CreateApiKeyRequest { Name = "x", Scopes = ["audit:read"], ExpiresAt = DateTimeOffset.UtcNow.AddDays(-1) }, Ct)).ProblemAsync(400);
        Assert.Contains("expiresAt", past.Errors!.Keys);
        var scopes = await (await admin.GetAsync("/api/admin/api-keys/scopes", Ct)).ReadAsync<List<ScopeResponse>>();
        Assert.Contains(scopes, s => s.Name == "departments:write" && s.Operations.Contains("departments_create"));
        Assert.Contains(scopes, s => s.Name == "audit:read" && s.Operations.SequenceEqual(["identity_listAudit"]));
    }

    [Fact]
    public async Task Signing_in_is_audited_with_the_user_and_the_client_address()
    {
        var email = NewEmail();
        var me = await Infrastructure.Identity.SignInAsMeAsync(api.NewClient(), api.Mail, email);

        var entry = Assert.Single((await AuditAsync($"action=auth.sign-in&entityId={me.UserId}")).Items);

        Assert.Equal(("success", "user"), (entry.Outcome, entry.EntityType));
        Assert.Equal("127.0.0.1", entry.ClientIp);
    }

    [Fact]
    public async Task The_audit_log_pages_and_refuses_bad_filters()
    {
        var admin = await api.AdminAsync();
        for (var i = 0; i < 3; i++)
        {
            await Infrastructure.Identity.SignInAsMeAsync(api.NewClient(), api.Mail, NewEmail("pager"));
        }

        var page = await (await admin.GetAsync("/api/audit?action=auth.sign-in&pageSize=2&page=1", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        var next = await (await admin.GetAsync("/api/audit?action=auth.sign-in&pageSize=2&page=2", Ct)).ReadAsync<Paged<AuditEntryResponse>>();

        Assert.True(page.Total >= 3);
        Assert.Equal(2, page.Items.Count);
        Assert.Empty(page.Items.Select(e => e.Id).Intersect(next.Items.Select(e => e.Id)));
        Assert.True(page.Items[0].At >= page.Items[1].At);
        await (await admin.GetAsync("/api/audit?pageSize=1000", Ct)).ProblemAsync(400);
        await (await admin.GetAsync("/api/audit?page=0", Ct)).ProblemAsync(400);
    }

    private async Task<Paged<AuditEntryResponse>> AuditAsync(string query) =>
        await (await (await api.AdminAsync()).GetAsync($"/api/audit?{query}&pageSize=200", Ct)).ReadAsync<Paged<AuditEntryResponse>>();

    private static string Wrong(string code) => code[0] == 'A' ? "B" + code[1..] : "A" + code[1..];

    /// <summary>The cookies a signed-in client would send (read back from a fresh sign-in of the same person is not possible, so from its handler).</summary>
    private async Task<IEnumerable<string>> CookiesOfAsync(HttpClient signedIn)
    {
        var me = await (await signedIn.GetAsync("/api/me", Ct)).ReadAsync<MeResponse>();
        using var fresh = api.NewClient();
        var code = await Infrastructure.Identity.RequestCodeAsync(fresh, api.Mail, me.Email);
        var response = await fresh.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = me.Email, Code = code }, Ct);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
    }
}
