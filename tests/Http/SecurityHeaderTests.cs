using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Alumni.Api.Tests.Http;

public sealed class SecurityHeaderTestsOnSqlite(SqliteApi api) : SecurityHeaderTests(api), IClassFixture<SqliteApi>;

public sealed class SecurityHeaderTestsOnSqlServer(SqlServerApi api) : SecurityHeaderTests(api), IClassFixture<SqlServerApi>;

/// <summary>The headers every response carries, on the real Kestrel server, and what caches may keep.</summary>
public abstract class SecurityHeaderTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/departments")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/me")]
    [InlineData("/health/live")]
    [InlineData("/no-such-page")]
    public async Task Every_response_says_nosniff_a_referrer_policy_and_no_framing_and_names_no_server(string path)
    {
        using var response = await api.Client.GetAsync(path, Ct);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy") ?? "";
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
    }

    [Fact]
    public async Task Api_responses_with_personal_data_and_errors_may_not_be_stored()
    {
        var admin = await api.AdminAsync();

        foreach (var path in new[] { "/api/me", "/api/members", "/api/members/export", "/api/directory", "/api/no-such-thing" })
        {
            using var response = await admin.GetAsync(path, Ct);

            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} ({(int)response.StatusCode}): Cache-Control {response.Headers.CacheControl}");
        }

        using var anonymous = await api.Client.GetAsync("/api/me", Ct);
        Assert.True(anonymous.Headers.CacheControl?.NoStore == true, $"401: Cache-Control {anonymous.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    [InlineData("Testing", false)]
    [InlineData("Development", false)]
    public async Task Https_responses_ask_for_https_only_outside_development_and_testing(string environment, bool hsts)
    {
        api.SkipIfUnavailable();
        await using var factory = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), b => b.UseEnvironment(environment));
        using var https = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://alumni.example.org") });
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://alumni.example.org") });

        using var overHttps = await https.GetAsync("/api/departments", Ct);
        using var overHttp = await http.GetAsync("/api/departments", Ct);

        Assert.Equal(hsts ? "max-age=31536000" : null, Header(overHttps, "Strict-Transport-Security"));
        Assert.Null(Header(overHttp, "Strict-Transport-Security"));
        Assert.Equal("nosniff", Header(overHttps, "X-Content-Type-Options"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
