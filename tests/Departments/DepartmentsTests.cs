using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Departments;
using Alumni.Contracts.Problems;

namespace Alumni.Api.Tests.Departments;

public sealed class DepartmentsTestsOnSqlite(SqliteApi api) : DepartmentsTests(api), IClassFixture<SqliteApi>;

public sealed class DepartmentsTestsOnSqlServer(SqlServerApi api) : DepartmentsTests(api), IClassFixture<SqlServerApi>;

/// <summary>The faculties-and-departments slice through real HTTP, on each provider.</summary>
public abstract class DepartmentsTests(ApiFixture api) : IAsyncLifetime
{
    private HttpClient? admin;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An admin's client: reads are open to anyone, changes need an admin (or a key; see the authorization matrix).</summary>
    private HttpClient Http
    {
        get
        {
            api.SkipIfUnavailable();
            return admin!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (api.IsAvailable)
        {
            admin = await api.AdminAsync();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_seeded_organisation_lists_four_faculties_and_their_44_departments()
    {
        var faculties = await (await Http.GetAsync("/api/faculties?includeInactive=true", Ct)).ReadAsync<List<FacultyResponse>>();

        Assert.Equal(["HUM", "LAW", "SCI", "SOC"], faculties.Select(f => f.Code));
        Assert.True(faculties.Sum(f => f.Departments.Count) >= 44);
        var english = faculties.Single(f => f.Code == "HUM").Departments.Single(d => d.Code == "ENG");
        Assert.Equal("Engelska institutionen", english.NameSv);
        Assert.Equal("Department of English", english.NameEn);
        Assert.Equal("Humanistiska fakulteten", faculties.Single(f => f.Code == "HUM").NameSv);
        Assert.All(faculties.SelectMany(f => f.Departments), d => Assert.NotEqual(Guid.Empty, d.Id));
    }

    [Fact]
    public async Task Departments_can_be_listed_for_one_faculty_in_code_order()
    {
        var law = await (await Http.GetAsync("/api/departments?facultyCode=law", Ct)).ReadAsync<List<DepartmentResponse>>();

        Assert.Equal(["LAW"], law.Select(d => d.Code));
        var all = await (await Http.GetAsync("/api/departments", Ct)).ReadAsync<List<DepartmentResponse>>();
        Assert.Equal(all.Select(d => d.Code).Order(StringComparer.Ordinal), all.Select(d => d.Code));
    }

    [Fact]
    public async Task A_malformed_query_value_is_a_validation_problem()
    {
        var response = await Http.GetAsync("/api/departments?includeInactive=perhaps", Ct);

        var problem = await response.ProblemAsync(400);
        Assert.Equal(ProblemTypes.ValidationFailed, problem.Type);
        Assert.Contains("includeInactive", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_department_is_read_by_code_in_any_letter_case_with_its_etag()
    {
        var response = await Http.GetAsync("/api/departments/dsv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var department = await response.ReadAsync<DepartmentResponse>();
        Assert.Equal("DSV", department.Code);
        Assert.Equal("SOC", department.FacultyCode);
        Assert.Equal($"\"{department.Version}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task An_unknown_department_is_a_404_problem()
    {
        var problem = await (await Http.GetAsync("/api/departments/NOPE", Ct)).ProblemAsync(404);

        Assert.Equal(ProblemTypes.NotFound, problem.Type);
        Assert.Contains("NOPE", problem.Detail);
        Assert.Equal("/api/departments/NOPE", problem.Instance);
    }

    [Fact]
    public async Task Creating_a_department_answers_201_with_its_location_and_it_can_be_read_back()
    {
        var code = NewCode();
        var response = await Http.PostAsJsonAsync("/api/departments", Create(code), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/departments/{code}", response.Headers.Location?.OriginalString);
        var created = await response.ReadAsync<DepartmentResponse>();
        Assert.Equal(code, created.Code);
        Assert.Equal("Institutionen för test", created.NameSv);
        Assert.True(created.IsActive);
        Assert.Equal(1, created.Version);
        Assert.Equal(7, created.Id.Version);

        var read = await (await Http.GetAsync($"/api/departments/{code}", Ct)).ReadAsync<DepartmentResponse>();
        Assert.Equal(created, read);
    }

    [Fact]
    public async Task A_duplicate_code_is_a_409_problem_and_nothing_changes()
    {
        var code = NewCode();
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/departments", Create(code), Ct)).StatusCode);

        var response = await Http.PostAsJsonAsync("/api/departments", Create(code) with { NameSv = "Annat namn" }, Ct);

        var problem = await response.ProblemAsync(409);
        Assert.Equal(ProblemTypes.Conflict, problem.Type);
        var read = await (await Http.GetAsync($"/api/departments/{code}", Ct)).ReadAsync<DepartmentResponse>();
        Assert.Equal("Institutionen för test", read.NameSv);
    }

    public static TheoryData<string, string, string, string, string> InvalidCreates => new()
    {
        { "", "Namn", "Name", "SOC", "code" },
        { "x", "Namn", "Name", "SOC", "code" },
        { "lower", "Namn", "Name", "SOC", "code" },
        { "TOO-LONG-CODE-123", "Namn", "Name", "SOC", "code" },
        { "OK1", "", "Name", "SOC", "nameSv" },
        { "OK1", "   ", "Name", "SOC", "nameSv" },
        { "OK1", "Namn", "<b>Name</b>", "SOC", "nameEn" },
        { "OK1", new string('n', 201), "Name", "SOC", "nameSv" },
        { "OK1", "Namn", "Name", "", "facultyCode" },
        { "OK1", "Namn", "Name", "NOPE", "facultyCode" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Invalid_input_is_a_field_error_and_nothing_is_stored(string code, string nameSv, string nameEn, string faculty, string field)
    {
        var before = await CountAsync();

        var response = await Http.PostAsJsonAsync("/api/departments", new CreateDepartmentRequest { Code = code, NameSv = nameSv, NameEn = nameEn, FacultyCode = faculty }, Ct);

        var problem = await response.ProblemAsync(400);
        Assert.Equal(ProblemTypes.ValidationFailed, problem.Type);
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.All(problem.Errors[field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Field_errors_come_one_per_rule_in_the_language_asked_for()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/departments")
        {
            Content = JsonContent.Create(new CreateDepartmentRequest { Code = "", NameSv = "Namn", NameEn = "Name", FacultyCode = "NOPE" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("sv-SE");

        var problem = await (await Http.SendAsync(request, Ct)).ProblemAsync(400);

        Assert.Equal(["Ange en kod."], problem.Errors!["code"]);
        var english = await (await Http.PostAsJsonAsync("/api/departments", new CreateDepartmentRequest { Code = "", NameSv = "Namn", NameEn = "Name", FacultyCode = "SOC" }, Ct)).ProblemAsync(400);
        Assert.Equal(["Enter a code."], english.Errors!["code"]);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_nothing_is_stored()
    {
        var before = await CountAsync();
        using var content = new StringContent("{\"code\": \"BAD\", \"nameSv\": ", System.Text.Encoding.UTF8, "application/json");

        var problem = await (await Http.PostAsync("/api/departments", content, Ct)).ProblemAsync(400);

        Assert.Equal(ProblemTypes.MalformedRequest, problem.Type);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Updating_needs_if_match_and_a_stale_one_is_refused()
    {
        var code = await CreatedAsync();
        var change = new UpdateDepartmentRequest { NameSv = "Nytt namn", NameEn = "New name", FacultyCode = "HUM" };

        var withoutIfMatch = await Http.PutAsJsonAsync($"/api/departments/{code}", change, Ct);
        Assert.Equal(ProblemTypes.PreconditionRequired, (await withoutIfMatch.ProblemAsync(428)).Type);

        var stale = await SendAsync(HttpMethod.Put, $"/api/departments/{code}", change, "\"41\"");
        Assert.Equal(ProblemTypes.PreconditionFailed, (await stale.ProblemAsync(412)).Type);

        var weak = await SendAsync(HttpMethod.Put, $"/api/departments/{code}", change, "W/\"1\"");
        await weak.ProblemAsync(412);

        var unchanged = await (await Http.GetAsync($"/api/departments/{code}", Ct)).ReadAsync<DepartmentResponse>();
        Assert.Equal(1, unchanged.Version);
        Assert.Equal("Institutionen för test", unchanged.NameSv);
    }

    [Fact]
    public async Task An_update_with_the_current_etag_changes_names_and_faculty_and_bumps_the_version()
    {
        var code = await CreatedAsync();
        var change = new UpdateDepartmentRequest { NameSv = " Nytt namn ", NameEn = "New name", FacultyCode = "HUM" };

        var response = await SendAsync(HttpMethod.Put, $"/api/departments/{code.ToLowerInvariant()}", change, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadAsync<DepartmentResponse>();
        Assert.Equal(("Nytt namn", "New name", "HUM", 2), (updated.NameSv, updated.NameEn, updated.FacultyCode, updated.Version));
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);

        var again = await SendAsync(HttpMethod.Put, $"/api/departments/{code}", change, "\"1\"");
        await again.ProblemAsync(412);
    }

    [Fact]
    public async Task An_update_to_an_unknown_faculty_is_a_field_error_and_changes_nothing()
    {
        var code = await CreatedAsync();

        var response = await SendAsync(HttpMethod.Put, $"/api/departments/{code}",
            new UpdateDepartmentRequest { NameSv = "Nytt", NameEn = "New", FacultyCode = "NOPE" }, "\"1\"");

        var problem = await response.ProblemAsync(400);
        Assert.Contains("facultyCode", problem.Errors!.Keys);
        var unchanged = await (await Http.GetAsync($"/api/departments/{code}", Ct)).ReadAsync<DepartmentResponse>();
        Assert.Equal((1, "SOC", "Institutionen för test"), (unchanged.Version, unchanged.FacultyCode, unchanged.NameSv));
    }

    [Fact]
    public async Task Updating_an_unknown_department_is_a_404_problem()
    {
        var response = await SendAsync(HttpMethod.Put, "/api/departments/NOPE",
            new UpdateDepartmentRequest { NameSv = "Nytt", NameEn = "New", FacultyCode = "SOC" }, "\"1\"");

        await response.ProblemAsync(404);
    }

    [Fact]
    public async Task Deactivating_hides_a_department_from_listings_until_it_is_reactivated()
    {
        var code = await CreatedAsync();

        var deactivated = await (await Http.PostAsync($"/api/departments/{code}/deactivate", null, Ct)).ReadAsync<DepartmentResponse>();
        Assert.False(deactivated.IsActive);
        Assert.Equal(2, deactivated.Version);
        Assert.DoesNotContain(code, await CodesAsync("/api/departments"));
        Assert.Contains(code, await CodesAsync("/api/departments?includeInactive=true"));
        var faculties = await (await Http.GetAsync("/api/faculties", Ct)).ReadAsync<List<FacultyResponse>>();
        Assert.DoesNotContain(code, faculties.SelectMany(f => f.Departments).Select(d => d.Code));

        var twice = await (await Http.PostAsync($"/api/departments/{code}/deactivate", null, Ct)).ReadAsync<DepartmentResponse>();
        Assert.Equal(2, twice.Version);

        var stale = await SendAsync(HttpMethod.Post, $"/api/departments/{code}/reactivate", null, "\"1\"");
        await stale.ProblemAsync(412);

        var reactivated = await (await SendAsync(HttpMethod.Post, $"/api/departments/{code}/reactivate", null, "\"2\"")).ReadAsync<DepartmentResponse>();
        Assert.True(reactivated.IsActive);
        Assert.Contains(code, await CodesAsync("/api/departments"));
    }

    [Fact]
    public async Task Deactivating_an_unknown_department_is_a_404_problem()
    {
        await (await Http.PostAsync("/api/departments/NOPE/deactivate", null, Ct)).ProblemAsync(404);
    }

    private static string NewCode() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static CreateDepartmentRequest Create(string code) =>
        new() { Code = code, NameSv = "Institutionen för test", NameEn = "Department of Testing", FacultyCode = "SOC" };

    private async Task<string> CreatedAsync()
    {
        var code = NewCode();
        var response = await Http.PostAsJsonAsync("/api/departments", Create(code), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    private async Task<int> CountAsync() =>
        (await (await Http.GetAsync("/api/departments?includeInactive=true", Ct)).ReadAsync<List<DepartmentResponse>>()).Count;

    private async Task<List<string>> CodesAsync(string url) =>
        (await (await Http.GetAsync(url, Ct)).ReadAsync<List<DepartmentResponse>>()).Select(d => d.Code).ToList();

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Http.SendAsync(request, Ct);
    }
}
