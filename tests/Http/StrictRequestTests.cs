using System.Net;
using System.Net.Http.Json;
using System.Text;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using Alumni.Contracts.Problems;

namespace Alumni.Api.Tests.Http;

public sealed class StrictRequestTestsOnSqlite(SqliteApi api) : StrictRequestTests(api), IClassFixture<SqliteApi>;

public sealed class StrictRequestTestsOnSqlServer(SqlServerApi api) : StrictRequestTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The server binds requests as strictly as the contract describes them: unknown fields, missing required fields, null
/// lists and forbidden characters are 400 problems naming the field, and change nothing.
/// </summary>
public abstract class StrictRequestTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewEmail() => $"strict-{Guid.NewGuid():N}@alumni.test";

    private const string Study = """{"departmentCode":"DSV","degreeType":"master","credits":10}""";

    private static string SignUp(string email, string extra = "", string consents = "[]", string? affiliations = null) =>
        $$"""{"firstName":"Ada","lastName":"Lovelace","email":"{{email}}","preferredLanguage":"en","confirmsCredits":true,"consents":{{consents}},"affiliations":{{affiliations ?? "[" + Study + "]"}}{{extra}}}""";

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    public static TheoryData<string, string, string> BadSignUps => new()
    {
        { "unknown field", SignUp("{0}", extra: ""","isAdmin":true"""), "isAdmin" },
        { "unknown nested field", SignUp("{0}", affiliations: """[{"departmentCode":"DSV","degreeType":"master","credits":10,"verified":true}]"""), "affiliations[0].verified" },
        { "null list", SignUp("{0}", consents: "null"), "consents" },
        { "null list of studies", SignUp("{0}", affiliations: "null"), "affiliations" },
        { "missing required field", """{"firstName":"Ada","lastName":"L","email":"{0}","preferredLanguage":"en","confirmsCredits":true,"consents":[]}""", "affiliations" },
        { "missing nested required field", SignUp("{0}", affiliations: """[{"departmentCode":"DSV","degreeType":"master"}]"""), "affiliations[0].credits" },
        { "NUL in a name", SignUp("{0}").Replace("\"Ada\"", "\"A\\u0000da\"", StringComparison.Ordinal), "firstName" },
        { "ESC in a name", SignUp("{0}").Replace("\"Ada\"", "\"A\\u001Bda\"", StringComparison.Ordinal), "firstName" },
        { "line break in a single-line field", SignUp("{0}").Replace("\"Lovelace\"", "\"Love\\nlace\"", StringComparison.Ordinal), "lastName" },
        { "right-to-left override", SignUp("{0}").Replace("\"Lovelace\"", "\"Love\\u202Elace\"", StringComparison.Ordinal), "lastName" },
        { "isolate in a nested field", SignUp("{0}", affiliations: """[{"departmentCode":"DSV","degreeType":"master","credits":10,"programme":"Data\u2066x"}]"""), "affiliations[0].programme" },
    };

    [Theory]
    [MemberData(nameof(BadSignUps))]
    public async Task A_bad_sign_up_is_a_400_naming_the_field_and_creates_nothing(string why, string template, string field)
    {
        var email = NewEmail();
        using var visitor = api.NewClient();

        var problem = await (await visitor.PostAsync("/api/members/sign-up", JsonBody(template.Replace("{0}", email, StringComparison.Ordinal)), Ct)).ProblemAsync(400);

        Assert.True(problem.Errors?.ContainsKey(field) == true, $"{why}: expected an error on {field}, got {string.Join(", ", problem.Errors?.Keys ?? [])}");
        Assert.Equal(ProblemTypes.ValidationFailed, problem.Type);
        await AssertNoMemberAsync(email);
    }

    [Fact]
    public async Task An_empty_sign_up_names_every_missing_field_at_once()
    {
        using var visitor = api.NewClient();

        var problem = await (await visitor.PostAsync("/api/members/sign-up", JsonBody("{}"), Ct)).ProblemAsync(400);

        Assert.Superset(new HashSet<string> { "firstName", "lastName", "email", "preferredLanguage", "affiliations" }, problem.Errors!.Keys.ToHashSet());
    }

    [Fact]
    public async Task Zero_width_characters_are_stripped()
    {
        var email = NewEmail();
        using var visitor = api.NewClient();
        var body = SignUp(email).Replace("\"Ada\"", "\"A\\u200Bd\\uFEFFa\"", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsync("/api/members/sign-up", JsonBody(body), Ct)).StatusCode);

        var member = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        Assert.Equal("Ada", (await MemberClients.ConfirmAsync(member)).FirstName);
    }

    [Fact]
    public async Task A_profile_put_with_three_fields_is_refused_and_changes_nothing()
    {
        var member = await MemberClients.ActiveMemberAsync(api, NewEmail());
        var before = await MemberClients.ProfileAsync(member);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/profile")
        {
            Content = JsonBody("""{"firstName":"Grace","lastName":"Hopper","preferredLanguage":"sv"}"""),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{before.Version}\"");

        var problem = await (await member.SendAsync(request, Ct)).ProblemAsync(400);

        Assert.Superset(new HashSet<string> { "interests", "offers", "otherEmails", "directoryListed", "directoryFields" }, problem.Errors!.Keys.ToHashSet());
        var after = await MemberClients.ProfileAsync(member);
        Assert.Equal((before.Version, before.FirstName, before.PreferredLanguage), (after.Version, after.FirstName, after.PreferredLanguage));
    }

    [Fact]
    public async Task A_bio_may_hold_line_breaks_but_not_control_characters()
    {
        var member = await MemberClients.ActiveMemberAsync(api, NewEmail());
        var profile = await MemberClients.ProfileAsync(member);
        var change = new ProfileInput { FirstName = "Ada", LastName = "Lovelace", PreferredLanguage = "en", Bio = "Line one\nline two" };

        var updated = await (await PutProfileAsync(member, change, profile.Version)).ReadAsync<MemberResponse>();
        Assert.Equal("Line one\nline two", updated.Bio);

        var problem = await (await PutProfileAsync(member, change with { Bio = "Bell\u0007" }, updated.Version)).ProblemAsync(400);
        Assert.Contains("bio", problem.Errors!.Keys);
    }

    [Fact]
    public async Task An_unknown_query_parameter_is_a_400_naming_it()
    {
        var admin = await api.SignedInAsync(ApiFixture.AdminEmail);

        var problem = await (await admin.GetAsync("/api/members?pagesise=10", Ct)).ProblemAsync(400);

        Assert.Contains("pagesise", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_control_character_in_a_query_value_is_a_400()
    {
        var admin = await api.SignedInAsync(ApiFixture.AdminEmail);

        var problem = await (await admin.GetAsync("/api/members?q=ada%1B", Ct)).ProblemAsync(400);

        Assert.Contains("q", problem.Errors!.Keys);
    }

    private static Task<HttpResponseMessage> PutProfileAsync(HttpClient member, ProfileInput change, int version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/profile") { Content = JsonContent.Create(change, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return member.SendAsync(request, Ct);
    }

    private async Task AssertNoMemberAsync(string email)
    {
        var admin = await api.SignedInAsync(ApiFixture.AdminEmail);
        var page = await (await admin.GetAsync($"/api/members?q={Uri.EscapeDataString(email)}", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.Empty(page.Items);
    }
}
