using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Email;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Problems;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Identity;

public sealed class IdentityTimeAndLimitTestsOnSqlite(SqliteApi api) : IdentityTimeAndLimitTests(api), IClassFixture<SqliteApi>;

public sealed class IdentityTimeAndLimitTestsOnSqlServer(SqlServerApi api) : IdentityTimeAndLimitTests(api), IClassFixture<SqlServerApi>;

/// <summary>Expiry (codes, sessions, keys) on a clock the test moves, and rate limits set low, each on an API of its own.</summary>
public abstract class IdentityTimeAndLimitTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_code_past_its_ten_minutes_is_refused()
    {
        await using var factory = await FactoryAsync();
        using var client = factory.CreateClient();
        var code = await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, "late@alumni.test");

        clock.Now += TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1);

        var problem = await (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = "late@alumni.test", Code = code }, Ct)).ProblemAsync(400);
        Assert.Contains("code", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_session_ends_after_fourteen_idle_days_and_after_thirty_days_even_when_used()
    {
        await using var factory = await FactoryAsync();
        using var idle = await Infrastructure.Identity.SignInAsync(factory.CreateClient(), api.Mail, "idle@alumni.test");
        using var busy = await Infrastructure.Identity.SignInAsync(factory.CreateClient(), api.Mail, "busy@alumni.test");

        var start = clock.Now;
        for (var day = 1; day <= 13; day++)
        {
            clock.Now = start.AddDays(day);
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/me", Ct)).StatusCode);
        }

        clock.Now = start.AddDays(14).AddSeconds(1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/me", Ct)).StatusCode);
        for (var day = 14; day <= 29; day++)
        {
            clock.Now = start.AddDays(day).AddSeconds(1);
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/me", Ct)).StatusCode);
        }

        clock.Now = start.AddDays(30).AddSeconds(1);
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        await using var factory = await FactoryAsync();
        var admin = await Infrastructure.Identity.SignInAsync(factory.CreateClient(), api.Mail, ApiFixture.AdminEmail);
        var created = await (await admin.PostAsJsonAsync("/api/admin/api-keys",
            new CreateApiKeyRequest { Name = "Short-lived", Scopes = ["audit:read"], ExpiresAt = clock.Now.AddHours(1) }, Ct)).ReadAsync<CreatedApiKeyResponse>();
        using var keyed = factory.CreateClient();
        keyed.DefaultRequestHeaders.Authorization = new("Bearer", created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/audit", Ct)).StatusCode);

        clock.Now += TimeSpan.FromHours(1);

        var problem = await (await keyed.GetAsync("/api/audit", Ct)).ProblemAsync(401);
        Assert.Contains("expired", problem.Detail);
    }

    [Fact]
    public async Task Codes_for_one_address_from_one_client_are_limited_with_a_429_and_retry_after()
    {
        await using var factory = await FactoryAsync(("Identity:CodeRequestsPerAddressAndClient", "2"), ("Identity:CodeRequestsPerAddress", "20"));
        using var client = factory.CreateClient();
        using var elsewhere = ClientAddresses.From(client, "127.0.0.2");
        await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, "often@alumni.test");
        clock.Now += TimeSpan.FromMinutes(1);
        await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, "often@alumni.test");

        var response = await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "often@alumni.test" }, Ct);

        var problem = await response.ProblemAsync(429);
        Assert.Equal(ProblemTypes.TooManyRequests, problem.Type);
        Assert.Equal(TimeSpan.FromMinutes(14), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "other@alumni.test" }, Ct)).StatusCode);
        await Infrastructure.Identity.RequestCodeAsync(elsewhere, api.Mail, "often@alumni.test");
        clock.Now += TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(1);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "often@alumni.test" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_third_partys_many_code_requests_do_not_stop_the_owner_signing_in_with_the_code_they_received()
    {
        await using var factory = await FactoryAsync(("Identity:CodeRequestsPerAddressAndClient", "5"), ("Identity:CodeRequestsPerAddress", "20"));
        using var owner = factory.CreateClient();
        var code = await Infrastructure.Identity.RequestCodeAsync(owner, api.Mail, "target@alumni.test");
        var owners = await OwnAnswerAsync(owner, "someone-else@alumni.test");

        for (var source = 2; source <= 7; source++)
        {
            using var attacker = ClientAddresses.From(owner, $"127.0.0.{source}");
            for (var i = 0; i < 5; i++)
            {
                clock.Now += TimeSpan.FromSeconds(1);
                var answer = await attacker.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "target@alumni.test" }, Ct);
                Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
                Assert.Equal(owners, await answer.Content.ReadAsStringAsync(Ct));
            }
        }

        var signIn = await owner.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = "target@alumni.test", Code = code }, Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task The_ceiling_per_address_sends_no_more_codes_but_answers_the_same_and_earlier_codes_still_work()
    {
        await using var factory = await FactoryAsync(("Identity:CodeRequestsPerAddressAndClient", "5"), ("Identity:CodeRequestsPerAddress", "3"));
        using var owner = factory.CreateClient();
        using var second = ClientAddresses.From(owner, "127.0.0.2");
        using var third = ClientAddresses.From(owner, "127.0.0.3");
        var code = await Infrastructure.Identity.RequestCodeAsync(owner, api.Mail, "ceiling@alumni.test");
        clock.Now += TimeSpan.FromSeconds(1);
        await Infrastructure.Identity.RequestCodeAsync(second, api.Mail, "ceiling@alumni.test");
        clock.Now += TimeSpan.FromSeconds(1);
        await Infrastructure.Identity.RequestCodeAsync(second, api.Mail, "ceiling@alumni.test");
        var sent = MailsTo("ceiling@alumni.test");
        var expected = await OwnAnswerAsync(third, "not-at-the-ceiling@alumni.test");

        clock.Now += TimeSpan.FromSeconds(1);
        var over = await third.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "ceiling@alumni.test" }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, over.StatusCode);
        Assert.Equal(expected, await over.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "ceiling@alumni.test" }, Ct)).StatusCode);
        Assert.Equal(sent, MailsTo("ceiling@alumni.test"));
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = "ceiling@alumni.test", Code = code }, Ct)).StatusCode);
        clock.Now += TimeSpan.FromMinutes(15);
        await Infrastructure.Identity.RequestCodeAsync(third, api.Mail, "ceiling@alumni.test");
    }

    [Fact]
    public async Task The_last_codes_of_an_address_work_each_once_and_wrong_tries_count_against_all_of_them()
    {
        await using var factory = await FactoryAsync(("Identity:CodeRequestsPerAddressAndClient", "10"), ("Identity:MaxCodeAttempts", "3"));
        using var client = factory.CreateClient();
        var codes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            clock.Now += TimeSpan.FromSeconds(1);
            codes.Add(await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, "several@alumni.test"));
        }

        async Task<HttpResponseMessage> SignIn(string code)
        {
            using var fresh = factory.CreateClient();
            return await fresh.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = "several@alumni.test", Code = code }, Ct);
        }

        // The fourth code retired the first; the second still works, once.
        Assert.Contains("code", (await (await SignIn(codes[0])).ProblemAsync(400)).Errors!.Keys);
        Assert.Equal(HttpStatusCode.OK, (await SignIn(codes[1])).StatusCode);
        Assert.Contains("code", (await (await SignIn(codes[1])).ProblemAsync(400)).Errors!.Keys);

        // The attempts so far (two wrong) and one more reach the limit of three for every live code of the address.
        var last = await (await SignIn(Unused(codes))).ProblemAsync(400);
        Assert.Contains("code", last.Errors!.Keys);
        Assert.Contains("code", (await (await SignIn(codes[2])).ProblemAsync(400)).Errors!.Keys);
        Assert.Contains("code", (await (await SignIn(codes[3])).ProblemAsync(400)).Errors!.Keys);
    }

    [Fact]
    public async Task Code_requests_and_sign_in_attempts_from_one_client_are_limited_with_a_429_and_retry_after()
    {
        await using var factory = await FactoryAsync(("Identity:CodeRequestsPerClient", "3"), ("Identity:SignInAttemptsPerClient", "2"));
        using var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = $"many{i}@alumni.test" }, Ct)).StatusCode);
        }

        var codes = await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "many9@alumni.test" }, Ct);
        Assert.Equal(ProblemTypes.TooManyRequests, (await codes.ProblemAsync(429)).Type);
        Assert.True(codes.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        for (var i = 0; i < 2; i++)
        {
            await (await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = "many0@alumni.test", Code = "AAAAAA" }, Ct)).ProblemAsync(400);
        }

        var attempts = await client.PostAsJsonAsync("/api/auth/session", new SignInRequest { Email = "many0@alumni.test", Code = "AAAAAA" }, Ct);
        await attempts.ProblemAsync(429);
        Assert.NotNull(attempts.Headers.RetryAfter);
    }

    private async Task<string> OwnAnswerAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = email }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private int MailsTo(string email) => api.Mail.Received.Count(m => m.Recipients.Contains(email, StringComparer.OrdinalIgnoreCase));

    private static string Unused(IReadOnlyCollection<string> codes) =>
        new[] { "AAAAAA", "BBBBBB", "CCCCCC", "DDDDDD", "EEEEEE" }.First(c => !codes.Contains(c));

    private async Task<WebApplicationFactory<Program>> FactoryAsync(params (string Key, string Value)[] settings)
    {
        api.SkipIfUnavailable();
        var factory = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }
}
