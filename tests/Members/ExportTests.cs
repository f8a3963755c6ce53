using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Members;

namespace Alumni.Api.Tests.Members;

public sealed class ExportTestsOnSqlite(SqliteApi api) : ExportTests(api), IClassFixture<SqliteApi>;

public sealed class ExportTestsOnSqlServer(SqlServerApi api) : ExportTests(api), IClassFixture<SqlServerApi>;

/// <summary>The CSV export: scoped by department, audited, safe to open in a spreadsheet.</summary>
public abstract class ExportTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coordinator_exports_only_members_of_their_departments_as_excel_ready_csv()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await MemberClients.ActiveMemberAsync(api, $"dsv-{tag}@alumni.test", "DSV");
        await MemberClients.ActiveMemberAsync(api, $"econ-{tag}@alumni.test", "ECON");
        var coordinator = await api.CoordinatorAsync("DSV");

        var response = await coordinator.GetAsync($"/api/members/export?q={tag}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,first_name,last_name,email", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains($"dsv-{tag}@alumni.test", row);
        Assert.Contains(",DSV,2020,", row);
        var audit = await (await (await api.AdminAsync()).GetAsync("/api/audit?action=member.export&pageSize=200", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Contains(audit.Items, e => e.ActorName == "coordinator-dsv@alumni.test" && e.Detail!.Contains(tag));
    }

    [Fact]
    public async Task Cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var member = await MemberClients.ActiveMemberAsync(api, $"formula-{tag}@alumni.test");
        var profile = await MemberClients.ProfileAsync(member);
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/profile")
        {
            Content = JsonContent.Create(new ProfileInput { FirstName = "=HYPERLINK(\"http://x\")", LastName = "+1", PreferredLanguage = "en", Employer = "@SUM(A1)", City = "-2, \"quoted\"" }, options: Json.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{profile.Version}\"");
        Assert.Equal(HttpStatusCode.OK, (await member.SendAsync(request, Ct)).StatusCode);

        var csv = await (await (await api.AdminAsync()).GetAsync($"/api/members/export?q={tag}", Ct)).Content.ReadAsStringAsync(Ct);

        var row = csv.Split("\r\n")[1];
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", row);
        Assert.Contains(",'+1,", row);
        Assert.Contains(",'@SUM(A1),", row);
        Assert.Contains(",\"'-2, \"\"quoted\"\"\",", row);
    }

    [Fact]
    public async Task A_semicolon_inside_a_field_cannot_start_a_formula_when_swedish_excel_splits_on_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var member = await MemberClients.ActiveMemberAsync(api, $"semicolon-{tag}@alumni.test");
        var profile = await MemberClients.ProfileAsync(member);
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/profile")
        {
            Content = JsonContent.Create(new ProfileInput
            {
                FirstName = "Ada", LastName = "Lovelace", PreferredLanguage = "en", Employer = "Acme AB;=2+3;", City = "Lund; @SUM(A1)", JobTitle = "Head,-1",
            }, options: Json.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{profile.Version}\"");
        Assert.Equal(HttpStatusCode.OK, (await member.SendAsync(request, Ct)).StatusCode);

        var csv = await (await (await api.AdminAsync()).GetAsync($"/api/members/export?q={tag}", Ct)).Content.ReadAsStringAsync(Ct);

        Text.CsvTests.AssertNoFormula(csv);
        var row = Alumni.Api.Infrastructure.Text.Csv.ReadRecords(new StringReader(csv.TrimStart('\uFEFF'))).ElementAt(1);
        Assert.Equal(("Lund; '@SUM(A1)", "Acme AB;'=2+3;", "Head,'-1"), (row[6], row[7], row[8]));
    }
}
