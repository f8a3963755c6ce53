using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Departments;
using Alumni.Contracts.Problems;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alumni.Api.Tests.Http;

public sealed class ProblemResponseTestsOnSqlite(SqliteApi api) : ProblemResponseTests(api), IClassFixture<SqliteApi>;

public sealed class ProblemResponseTestsOnSqlServer(SqlServerApi api) : ProblemResponseTests(api), IClassFixture<SqlServerApi>;

/// <summary>Errors that the pipeline, not a slice, produces: every one is a problem with a stable type and a trace id.</summary>
public abstract class ProblemResponseTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_not_the_web_app()
    {
        var problem = await (await api.Client.GetAsync("/api/no-such-thing", Ct)).ProblemAsync(404);

        Assert.Equal(ProblemTypes.NotFound, problem.Type);
    }

    [Fact]
    public async Task A_known_path_with_the_wrong_method_is_a_405_problem()
    {
        var problem = await (await api.Client.DeleteAsync("/api/faculties", Ct)).ProblemAsync(405);

        Assert.Equal(ProblemTypes.MethodNotAllowed, problem.Type);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        using var content = new StringContent("code=X", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        var admin = await api.AdminAsync();

        var problem = await (await admin.PostAsync("/api/departments", content, Ct)).ProblemAsync(415);

        Assert.Equal(ProblemTypes.UnsupportedMediaType, problem.Type);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_a_415_problem()
    {
        using var content = new ByteArrayContent("{\"code\":\"NOTYPE\"}"u8.ToArray());

        var admin = await api.AdminAsync();

        var problem = await (await admin.PostAsync("/api/departments", content, Ct)).ProblemAsync(415);

        Assert.Equal(ProblemTypes.UnsupportedMediaType, problem.Type);
    }

    [Fact]
    public async Task A_path_with_a_null_character_is_refused_by_kestrel_before_the_app_with_a_bare_400()
    {
        // Kestrel refuses %00 in a path while parsing the request line and never calls the app, so no middleware can
        // answer it with a problem; it answers 400 with no body, naming no server, and closes the connection.
        var response = await RawGetAsync(api.Client.BaseAddress!, "/api/departments/%00");

        var head = response.Split("\r\n\r\n")[0].Split("\r\n");
        Assert.Equal("HTTP/1.1 400 Bad Request", head[0]);
        Assert.Contains("Content-Length: 0", head);
        Assert.DoesNotContain(head, h => h.StartsWith("Server:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_a_413_problem_and_nothing_is_stored()
    {
        var huge = new CreateDepartmentRequest { Code = "HUGE", NameSv = new string('x', 2 * 1024 * 1024), NameEn = "Huge", FacultyCode = "SOC" };

        var admin = await api.AdminAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/departments", huge, Ct)).ProblemAsync(413);

        Assert.Equal(ProblemTypes.PayloadTooLarge, problem.Type);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.Client.GetAsync("/api/departments/HUGE", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_size_limit_from_an_anonymous_caller_is_one_warning_not_an_error()
    {
        api.SkipIfUnavailable();
        var logs = new CapturedLogs();
        await using var factory = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), builder =>
        {
            builder.UseSetting("Api:MaxRequestBodyBytes", "1000");
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(logs));
        });
        factory.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        using var client = factory.CreateClient();
        var before = logs.Entries.Count;

        var problem = await (await client.PostAsJsonAsync("/api/auth/code", new { email = new string('a', 5000) + "@example.org" }, Ct)).ProblemAsync(413);

        Assert.Equal(ProblemTypes.PayloadTooLarge, problem.Type);
        var entries = logs.Entries.Skip(before).ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        var warning = Assert.Single(entries, e => e.Level == LogLevel.Warning);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain('\n', warning.Message);
    }

    [Fact]
    public async Task An_unhandled_failure_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        api.SkipIfUnavailable();

        // A database that cannot be reached: every query fails inside the provider.
        await using var factory = api.CreateFactory(BrokenConnectionString(api.Provider), builder =>
        {
            builder.UseSetting("Database:MigrateOnStart", "false");
            builder.ConfigureTestServices(services => services.RemoveAll<Alumni.Api.Infrastructure.Hosting.IStartupTask>());
        });
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/api/departments", Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        var problem = await response.ProblemAsync(500);
        Assert.Equal(ProblemTypes.InternalError, problem.Type);
        Assert.DoesNotContain("SELECT", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    /// <summary>A GET written by hand on a socket, so that no client library cleans up the path first; the whole answer as text.</summary>
    private static async Task<string> RawGetAsync(Uri server, string pathAndQuery)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, Ct);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"GET {pathAndQuery} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n"), Ct);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(Ct);
    }

    private static string BrokenConnectionString(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(Path.GetTempPath(), "alumni-missing-" + Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadOnly"
        : "Server=127.0.0.1,1;Database=missing;User Id=sa;Password=x;TrustServerCertificate=true;Connect Timeout=2";
}
