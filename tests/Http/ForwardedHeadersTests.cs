using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Identity;
using Microsoft.AspNetCore.Hosting;

namespace Alumni.Api.Tests.Http;

public sealed class ForwardedHeadersTestsOnSqlite(SqliteApi api) : ForwardedHeadersTests(api), IClassFixture<SqliteApi>;

public sealed class ForwardedHeadersTestsOnSqlServer(SqlServerApi api) : ForwardedHeadersTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Behind a load balancer: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> count only from a configured trusted
/// proxy (<c>Api:ForwardedHeaders:KnownProxies</c>, <c>...:KnownNetworks</c>); from anyone else they are ignored.
/// </summary>
public abstract class ForwardedHeadersTests(ApiFixture api)
{
    private const string Visitor = "203.0.113.7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task From_a_peer_that_is_not_a_configured_proxy_the_forwarded_address_is_ignored()
    {
        using var client = api.NewClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Visitor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        await Infrastructure.Identity.SignInAsync(client, api.Mail, ApiFixture.AdminEmail);

        var sessions = await (await client.GetAsync("/api/me/sessions", Ct)).ReadAsync<List<SessionResponse>>();
        Assert.NotEmpty(sessions);
        Assert.All(sessions, s => Assert.Equal("127.0.0.1", s.ClientIp));
    }

    [Theory]
    [InlineData("KnownProxies", "127.0.0.1")]
    [InlineData("KnownNetworks", "127.0.0.0/8")]
    public async Task From_a_configured_proxy_the_forwarded_address_is_the_client_for_sessions_audit_and_rate_limits(string setting, string value)
    {
        api.SkipIfUnavailable();
        await using var factory = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), b =>
        {
            b.UseSetting($"Api:ForwardedHeaders:{setting}:0", value);
            b.UseSetting("Identity:CodeRequestsPerClient", "3");
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.1, {Visitor}");
        await Infrastructure.Identity.SignInAsync(admin, api.Mail, ApiFixture.AdminEmail);

        var session = Assert.Single(await (await admin.GetAsync("/api/me/sessions", Ct)).ReadAsync<List<SessionResponse>>());
        Assert.Equal(Visitor, session.ClientIp);
        var audit = await (await admin.GetAsync("/api/audit?pageSize=50", Ct)).ReadAsync<Alumni.Contracts.Paged<AuditEntryResponse>>();
        Assert.Contains(audit.Items, e => e.ClientIp == Visitor);
        Assert.DoesNotContain(audit.Items, e => e.ClientIp is "127.0.0.1" or "198.51.100.1");

        // The rate limit is per forwarded client: the admin's address has used one of its 3 code requests, another
        // visitor behind the same proxy has its own 3.
        using var other = factory.CreateClient();
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.99");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = $"other{i}@alumni.test" }, Ct)).StatusCode);
        }

        await (await other.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "other9@alumni.test" }, Ct)).ProblemAsync(429);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "again@alumni.test" }, Ct)).StatusCode);
    }
}
