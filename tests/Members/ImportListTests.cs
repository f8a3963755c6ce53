using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Members;

namespace Alumni.Api.Tests.Members;

public sealed class ImportListTestsOnSqlite(SqliteApi api) : ImportListTests(api), IClassFixture<SqliteApi>;

public sealed class ImportListTestsOnSqlServer(SqlServerApi api) : ImportListTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The list of past imports (<c>GET /api/members/imports</c>): newest first and paged, with who ran each by name. Admins
/// see every import; an API key sees only its own; coordinators and keys without the import scope see none.
/// </summary>
public abstract class ImportListTests(ApiFixture api)
{
    private const string Header = "external_id,personal_identity_number,first_name,last_name,email,department_code,programme,degree_type,start_year,end_year,credits";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Imports_are_listed_newest_first_with_the_file_name_who_ran_them_and_their_counts()
    {
        var admin = await NamedAdminAsync("Ada Importer");
        var tag = Tag();
        var first = await StartAsync(admin, Csv(tag, 2), dryRun: true, fileName: "ladok-första.csv");
        var second = await StartAsync(admin, Csv(tag, 1), fileName: "ladok-andra.csv");
        await WaitAsync(admin, first.Id);
        await WaitAsync(admin, second.Id);

        var page = await (await admin.GetAsync("/api/members/imports?pageSize=200", Ct)).ReadAsync<Paged<ImportSummary>>();

        var ids = page.Items.Select(i => i.Id).ToList();
        Assert.True(ids.IndexOf(second.Id) < ids.IndexOf(first.Id) && ids.IndexOf(second.Id) >= 0, "the newer import comes first");
        Assert.Equal(page.Items.OrderByDescending(i => i.CreatedAt).Select(i => i.CreatedAt), page.Items.Select(i => i.CreatedAt));
        var dry = page.Items.Single(i => i.Id == first.Id);
        Assert.Equal(("ladok-första.csv", "Ada Importer", false, true, "csv", "succeeded"), (dry.FileName, dry.RunBy, dry.RunByKey, dry.DryRun, dry.Format, dry.Status));
        Assert.Equal((2, 2, 0), (dry.RowsRead, dry.Inserted, dry.Rejected));
        Assert.NotNull(dry.FinishedAt);
        var real = page.Items.Single(i => i.Id == second.Id);
        Assert.Equal(("ladok-andra.csv", false, 1), (real.FileName, real.DryRun, real.Inserted));
        Assert.Equal("ladok-andra.csv", (await (await admin.GetAsync($"/api/members/imports/{second.Id}", Ct)).ReadAsync<ImportJobResponse>()).FileName);
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var admin = await api.AdminAsync();
        for (var i = 0; i < 5; i++)
        {
            await StartAsync(admin, Csv(Tag(), 1), dryRun: true);
        }

        var all = await (await admin.GetAsync("/api/members/imports?pageSize=200", Ct)).ReadAsync<Paged<ImportSummary>>();
        var one = await (await admin.GetAsync("/api/members/imports?page=1&pageSize=2", Ct)).ReadAsync<Paged<ImportSummary>>();
        var two = await (await admin.GetAsync("/api/members/imports?page=2&pageSize=2", Ct)).ReadAsync<Paged<ImportSummary>>();

        Assert.True(all.Total >= 5);
        Assert.Equal((1, 2, 2, 2), (one.Page, one.PageSize, one.Items.Count, two.Items.Count));
        Assert.Equal(all.Items.Take(4).Select(i => i.Id), one.Items.Concat(two.Items).Select(i => i.Id));
        Assert.Equal(all.Total, one.Total);
    }

    [Fact]
    public async Task An_api_key_sees_only_its_own_imports_named_after_the_key_and_an_admin_sees_them_all()
    {
        var admin = await api.AdminAsync();
        var key = await api.KeyClientAsync("members:import");
        var other = await api.KeyClientAsync("members:import");
        var byAdmin = await StartAsync(admin, Csv(Tag(), 1), dryRun: true, fileName: "admins.csv");
        var byKey = await StartAsync(key, Csv(Tag(), 1), dryRun: true, fileName: "keys.csv");
        var byOther = await StartAsync(other, Csv(Tag(), 1), dryRun: true, fileName: "others.csv");

        var keys = await (await key.GetAsync("/api/members/imports?pageSize=200", Ct)).ReadAsync<Paged<ImportSummary>>();
        var admins = await (await admin.GetAsync("/api/members/imports?pageSize=200", Ct)).ReadAsync<Paged<ImportSummary>>();

        var own = Assert.Single(keys.Items);
        Assert.Equal((byKey.Id, "keys.csv", true, 1), (own.Id, own.FileName, own.RunByKey, keys.Total));
        Assert.StartsWith("Test key ", own.RunBy);
        Assert.Subset(admins.Items.Select(i => i.Id).ToHashSet(), new HashSet<Guid> { byAdmin.Id, byKey.Id, byOther.Id });
        Assert.Equal(ApiFixture.AdminEmail, admins.Items.Single(i => i.Id == byAdmin.Id).RunBy);
    }

    [Fact]
    public async Task An_api_key_cannot_open_another_callers_import_or_its_rejected_rows()
    {
        var admin = await api.AdminAsync();
        var key = await api.KeyClientAsync("members:import");
        var other = await api.KeyClientAsync("members:import");
        var byOther = await StartAsync(other, Csv(Tag(), 1), dryRun: true, fileName: "others.csv");
        var byAdmin = await StartAsync(admin, Csv(Tag(), 1), dryRun: true, fileName: "admins.csv");

        foreach (var id in new[] { byOther.Id, byAdmin.Id })
        {
            await (await key.GetAsync($"/api/members/imports/{id}", Ct)).ProblemAsync(404);
            await (await key.GetAsync($"/api/members/imports/{id}/rejected", Ct)).ProblemAsync(404);
        }

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/members/imports/{byOther.Id}/rejected", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/members/imports/{byOther.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Coordinators_alumni_and_keys_without_the_import_scope_cannot_list_imports()
    {
        var coordinator = await api.CoordinatorAsync("DSV");
        var alumnus = await MemberClients.ActiveMemberAsync(api, $"list-{Guid.NewGuid():N}@alumni.test");
        var reader = await api.KeyClientAsync("members:read");

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/members/imports", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alumnus.GetAsync("/api/members/imports", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/members/imports", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.NewClient().GetAsync("/api/members/imports", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?status=running", "status")]
    public async Task A_bad_list_request_is_a_field_error(string query, string field)
    {
        var admin = await api.AdminAsync();

        var problem = await (await admin.GetAsync("/api/members/imports" + query, Ct)).ProblemAsync(400);

        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_file_name_with_markup_is_a_field_error()
    {
        var admin = await api.AdminAsync();

        var problem = await (await PostAsync(admin, Csv(Tag(), 1), dryRun: true, fileName: "<script>.csv")).ProblemAsync(400);

        Assert.Contains("fileName", problem.Errors!.Keys);
    }

    private async Task<HttpClient> NamedAdminAsync(string name)
    {
        var admin = await api.AdminAsync();
        var email = $"named-{Guid.NewGuid():N}@alumni.test";
        var created = await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest { Email = email, DisplayName = name }, Ct);
        var user = await created.ReadAsync<UserResponse>();
        Assert.True((await admin.PutAsync($"/api/admin/users/{user.Id}/admin", null, Ct)).IsSuccessStatusCode);
        return await api.SignedInAsync(email);
    }

    private static string Tag() => "L" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();

    private static string Csv(string tag, int rows) =>
        Header + "\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"{tag}{i},,List,Row{i},,DSV,,master,2001,2004,90\n"));

    private static async Task<ImportJobResponse> StartAsync(HttpClient client, string csv, bool dryRun = false, string? fileName = null)
    {
        var response = await PostAsync(client, csv, dryRun, fileName);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadAsync<ImportJobResponse>();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string csv, bool dryRun, string? fileName)
    {
        var query = new List<string>();
        if (dryRun)
        {
            query.Add("dryRun=true");
        }

        if (fileName is not null)
        {
            query.Add("fileName=" + Uri.EscapeDataString(fileName));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/members/imports" + (query.Count > 0 ? "?" + string.Join('&', query) : ""))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.SendAsync(request, Ct);
    }

    private static async Task WaitAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var job = await (await client.GetAsync($"/api/members/imports/{id}", Ct)).ReadAsync<ImportJobResponse>();
            if (job.Status is "succeeded" or "failed")
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail($"Import {id} did not finish within a minute.");
    }
}
