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
    public async Task Codes_for_one_address_are_limited_with_a_429_and_retry_after()
    {
        await using var factory = await FactoryAsync(("Identity:CodeRequestsPerAddress", "2"));
        using var client = factory.CreateClient();
        await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, "often@alumni.test");
        await Infrastructure.Identity.RequestCodeAsync(client, api.Mail, "often@alumni.test");

        var response = await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "often@alumni.test" }, Ct);

        var problem = await response.ProblemAsync(429);
        Assert.Equal(ProblemTypes.TooManyRequests, problem.Type);
        Assert.Equal(TimeSpan.FromMinutes(15), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "other@alumni.test" }, Ct)).StatusCode);
        clock.Now += TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/auth/code", new RequestCodeRequest { Email = "often@alumni.test" }, Ct)).StatusCode);
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
