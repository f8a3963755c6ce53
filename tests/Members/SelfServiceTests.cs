using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using Alumni.Contracts.Problems;

namespace Alumni.Api.Tests.Members;

public sealed class SelfServiceTestsOnSqlite(SqliteApi api) : SelfServiceTests(api), IClassFixture<SqliteApi>;

public sealed class SelfServiceTestsOnSqlServer(SqlServerApi api) : SelfServiceTests(api), IClassFixture<SqlServerApi>;

/// <summary>Signing up, verifying, the profile, consents, export and erasure, as the member does them.</summary>
public abstract class SelfServiceTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string NewEmail() => $"member-{Guid.NewGuid():N}@alumni.test";

    [Fact]
    public async Task A_sign_up_is_pending_until_the_owner_of_the_address_signs_in_and_confirms_it()
    {
        var email = NewEmail();
        using var visitor = api.NewClient();

        var response = await visitor.PostAsJsonAsync("/api/members/sign-up", MemberClients.SignUpFor(email.ToUpperInvariant()), Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var member = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        await (await member.GetAsync("/api/me/profile", Ct)).ProblemAsync(404);
        await MemberClients.ConfirmAsync(member);

        var profile = await MemberClients.ProfileAsync(member);
        Assert.Equal((MemberStatus.Active, MemberSource.SignUp, email), (profile.Status, profile.Source, profile.Email));
        Assert.NotNull(profile.VerifiedAt);
        Assert.True(profile.Eligible);
        var study = Assert.Single(profile.Affiliations);
        Assert.Equal(("DSV", 120m, false), (study.DepartmentCode, study.Credits, study.Verified));
        Assert.Contains(profile.Consents, c => c.Channel == ConsentChannel.CentralNewsletter && c.Granted);
        Assert.Contains(profile.Consents, c => c.Channel == ConsentChannel.EventInvitations && !c.Granted);
        Assert.False(profile.DirectoryListed);
    }

    [Fact]
    public async Task The_directory_consent_at_sign_up_lists_the_member()
    {
        var email = NewEmail();
        using var visitor = api.NewClient();
        var signUp = MemberClients.SignUpFor(email, consents: [ConsentChannel.Directory]);

        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsJsonAsync("/api/members/sign-up", signUp, Json.Options, Ct)).StatusCode);

        var profile = await MemberClients.ConfirmAsync(await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email));
        Assert.True(profile.DirectoryListed);
        Assert.Contains(profile.Consents, c => c.Channel == ConsentChannel.Directory && c.Granted);
    }

    [Fact]
    public async Task Signing_up_again_with_a_member_address_creates_nothing_and_answers_the_same()
    {
        var email = NewEmail();
        using var visitor = api.NewClient();
        var first = await visitor.PostAsJsonAsync("/api/members/sign-up", MemberClients.SignUpFor(NewEmail()), Json.Options, Ct);
        var member = await MemberClients.ActiveMemberAsync(api, email);
        var second = await visitor.PostAsJsonAsync("/api/members/sign-up", MemberClients.SignUpFor(email, "ECON") with { FirstName = "Other" }, Json.Options, Ct);

        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        var profile = await MemberClients.ProfileAsync(member);
        Assert.Equal(("Ada", MemberStatus.Active), (profile.FirstName, profile.Status));
        Assert.Equal(["DSV"], profile.Affiliations.Select(a => a.DepartmentCode));
        await (await member.GetAsync("/api/me/pending-sign-up", Ct)).ProblemAsync(404);
    }

    public static TheoryData<string, string> BadSignUps => new()
    {
        { """{"firstName":"<b>Ada</b>","lastName":"L","email":"a@b.se","preferredLanguage":"en","confirmsCredits":true,"affiliations":[{"departmentCode":"DSV","degreeType":"master","credits":10}]}""", "firstName" },
        { """{"firstName":"Ada","lastName":"L","email":"not-an-address","preferredLanguage":"en","confirmsCredits":true,"affiliations":[{"departmentCode":"DSV","degreeType":"master","credits":10}]}""", "email" },
        { """{"firstName":"Ada","lastName":"L","email":"a@b.se","preferredLanguage":"en","confirmsCredits":false,"affiliations":[{"departmentCode":"DSV","degreeType":"master","credits":10}]}""", "confirmsCredits" },
        { """{"firstName":"Ada","lastName":"L","email":"a@b.se","preferredLanguage":"en","confirmsCredits":true,"affiliations":[{"departmentCode":"DSV","degreeType":"master","credits":0.5}]}""", "affiliations" },
        { """{"firstName":"Ada","lastName":"L","email":"a@b.se","preferredLanguage":"en","confirmsCredits":true,"affiliations":[{"departmentCode":"DSV","degreeType":"master","credits":-5}]}""", "affiliations[0].credits" },
        { """{"firstName":"Ada","lastName":"L","email":"a@b.se","preferredLanguage":"en","confirmsCredits":true,"affiliations":[{"departmentCode":"DSV","degreeType":"master","credits":10,"startYear":2020,"endYear":2019}]}""", "affiliations[0].endYear" },
        { """{"firstName":"Ada","lastName":"L","email":"a@b.se","preferredLanguage":"en","confirmsCredits":true,"affiliations":[{"departmentCode":"NOPE","degreeType":"master","credits":10}]}""", "affiliations[0].departmentCode" },
        { """{"firstName":"Ada","lastName":"L","email":"a@b.se","preferredLanguage":"en","confirmsCredits":true,"consents":["smokeSignals"],"affiliations":[{"departmentCode":"DSV","degreeType":"master","credits":10}]}""", "consents[0]" },
        { """{"firstName":"Ada","lastName":"L","email":"a@b.se","preferredLanguage":"fi","confirmsCredits":true,"affiliations":[{"departmentCode":"DSV","degreeType":"master","credits":10}]}""", "preferredLanguage" },
        { """{"firstName":"Ada","lastName":"L","email":"a@b.se","preferredLanguage":"en","confirmsCredits":true,"campaignToken":"nope","affiliations":[{"departmentCode":"DSV","degreeType":"master","credits":10}]}""", "campaignToken" },
    };

    [Theory]
    [MemberData(nameof(BadSignUps))]
    public async Task Bad_sign_up_input_is_a_field_error_and_stores_nothing(string body, string field)
    {
        using var visitor = api.NewClient();
        using var content = new StringContent(body.Replace("a@b.se", NewEmail()), System.Text.Encoding.UTF8, "application/json");

        var problem = await (await visitor.PostAsync("/api/members/sign-up", content, Ct)).ProblemAsync(400);

        Assert.Equal(ProblemTypes.ValidationFailed, problem.Type);
        Assert.Contains(field, problem.Errors!.Keys);
        var admin = await api.AdminAsync();
        var found = await (await admin.GetAsync("/api/members?status=pending&q=" + Uri.EscapeDataString("a@b.se"), Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.Equal(0, found.Total);
    }

    [Fact]
    public async Task The_profile_is_updated_with_if_match_and_invalid_values_are_field_errors()
    {
        var member = await MemberClients.ActiveMemberAsync(api, NewEmail());
        var profile = await MemberClients.ProfileAsync(member);
        var change = new ProfileInput
        {
            FirstName = "Ada",
            LastName = "King",
            PreferredLanguage = "sv",
            Country = "se",
            City = "Stockholm",
            Employer = "Analytical Engines AB",
            JobTitle = "Engineer",
            LinkedInUrl = "https://www.linkedin.com/in/ada-king",
            Interests = ["Mathematics", "poetry", "mathematics"],
            Offers = [MemberOffer.Mentor, MemberOffer.GuestLecture],
            DirectoryListed = true,
            DirectoryFields = [DirectoryField.Employer, DirectoryField.Offers],
            OtherEmails = ["ada@example.org"],
        };

        await (await member.PutAsJsonAsync("/api/me/profile", change, Json.Options, Ct)).ProblemAsync(428);
        await (await Send(member, HttpMethod.Put, "/api/me/profile", change, "\"99\"")).ProblemAsync(412);
        var updated = await (await Send(member, HttpMethod.Put, "/api/me/profile", change, $"\"{profile.Version}\"")).ReadAsync<MemberResponse>();

        Assert.Equal(("King", "SE", "sv"), (updated.LastName, updated.Country, updated.PreferredLanguage));
        Assert.Equal(["Mathematics", "poetry"], updated.Interests);
        Assert.Equal([MemberOffer.Mentor, MemberOffer.GuestLecture], updated.Offers);
        Assert.Contains(updated.Consents, c => c.Channel == ConsentChannel.Directory && c.Granted);
        Assert.Equal(["ada@example.org"], updated.OtherEmails);

        foreach (var (bad, field) in new (ProfileInput, string)[]
        {
            (change with { LinkedInUrl = "https://evil.example/in/ada" }, "linkedInUrl"),
            (change with { FirstName = "<script>" }, "firstName"),
            (change with { Country = "Sweden" }, "country"),
            (change with { OtherEmails = ["nope"] }, "otherEmails[0]"),
            (change with { Bio = new string('x', 2001) }, "bio"),
        })
        {
            var problem = await (await Send(member, HttpMethod.Put, "/api/me/profile", bad, $"\"{updated.Version}\"")).ProblemAsync(400);
            Assert.Contains(field, problem.Errors!.Keys);
        }

        Assert.Equal(updated.Version, (await MemberClients.ProfileAsync(member)).Version);
    }

    [Fact]
    public async Task Studies_can_be_added_and_self_declared_ones_removed()
    {
        var member = await MemberClients.ActiveMemberAsync(api, NewEmail());

        var response = await member.PostAsJsonAsync("/api/me/affiliations", new AffiliationInput { DepartmentCode = "econ", DegreeType = DegreeType.Bachelor, Credits = 180, StartYear = 2010, EndYear = 2013 }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = Assert.Single((await response.ReadAsync<MemberResponse>()).Affiliations, a => a.DepartmentCode == "ECON");
        await (await member.PostAsJsonAsync("/api/me/affiliations", new AffiliationInput { DepartmentCode = "NOPE", DegreeType = DegreeType.Bachelor, Credits = 1 }, Json.Options, Ct)).ProblemAsync(400);

        var removed = await (await member.DeleteAsync($"/api/me/affiliations/{added.Id}", Ct)).ReadAsync<MemberResponse>();

        Assert.DoesNotContain(removed.Affiliations, a => a.Id == added.Id);
        await (await member.DeleteAsync($"/api/me/affiliations/{added.Id}", Ct)).ProblemAsync(404);
    }

    [Fact]
    public async Task Consents_change_one_by_one_with_history_and_unsubscribing_withdraws_them_all()
    {
        var member = await MemberClients.ActiveMemberAsync(api, NewEmail());

        var changed = await (await member.PutAsJsonAsync("/api/me/consents", new UpdateConsentsRequest { Changes = [new() { Channel = ConsentChannel.EventInvitations, Granted = true }] }, Json.Options, Ct)).ReadAsync<MemberResponse>();
        Assert.Contains(changed.Consents, c => c.Channel == ConsentChannel.EventInvitations && c.Granted);
        Assert.Contains(changed.Consents, c => c.Channel == ConsentChannel.CentralNewsletter && c.Granted);

        var unsubscribed = await (await member.PostAsync("/api/me/unsubscribe", null, Ct)).ReadAsync<MemberResponse>();
        Assert.Equal(MemberStatus.Unsubscribed, unsubscribed.Status);
        Assert.All(unsubscribed.Consents, c => Assert.False(c.Granted));

        var export = await (await member.GetAsync("/api/me/export", Ct)).ReadAsync<MyDataExport>();
        Assert.Contains(export.ConsentHistory, h => h.Channel == ConsentChannel.EventInvitations && h.Granted && h.Method == ConsentMethod.ProfilePage);
        Assert.Contains(export.ConsentHistory, h => h.Channel == ConsentChannel.CentralNewsletter && h.Granted && h.Method == ConsentMethod.SignUpForm);
        Assert.Contains(export.ConsentHistory, h => h.Channel == ConsentChannel.CentralNewsletter && !h.Granted);
        Assert.Equal(unsubscribed.Id, export.Profile.Id);
    }

    [Fact]
    public async Task Erasure_needs_a_fresh_code_and_leaves_only_anonymous_counts()
    {
        var email = NewEmail();
        var member = await MemberClients.ActiveMemberAsync(api, email);
        var id = (await MemberClients.ProfileAsync(member)).Id;

        var wrong = await (await member.PostAsJsonAsync("/api/me/erase", new EraseMeRequest { Code = "AAAAAA" }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Contains("code", wrong.Errors!.Keys);
        var code = await Infrastructure.Identity.RequestCodeAsync(api.NewClient(), api.Mail, email);
        Assert.Equal(HttpStatusCode.NoContent, (await member.PostAsJsonAsync("/api/me/erase", new EraseMeRequest { Code = code }, Json.Options, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync("/api/me", Ct)).StatusCode);
        var admin = await api.AdminAsync();
        await (await admin.GetAsync($"/api/members/{id}", Ct)).ProblemAsync(404);
        var erased = await (await admin.GetAsync("/api/members?status=erased&department=DSV&pageSize=200", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.True(erased.Items.Any(m => m.Id == id), System.Text.Json.JsonSerializer.Serialize(erased));
        var row = Assert.Single(erased.Items, m => m.Id == id);
        Assert.Equal(("", "", ""), (row.FirstName, row.LastName, row.Email));
        Assert.Equal(["DSV"], row.Departments);
        var again = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        await (await again.GetAsync("/api/me/profile", Ct)).ProblemAsync(404);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request, Ct);
    }
}
