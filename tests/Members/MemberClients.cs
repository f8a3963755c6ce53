using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Members;

namespace Alumni.Api.Tests.Members;

/// <summary>Signing people up and in as members, through the API.</summary>
public static class MemberClients
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static SignUpRequest SignUpFor(string email, string department = "DSV", decimal credits = 120, string? campaign = null,
        IReadOnlyList<ConsentChannel>? consents = null) => new()
    {
        FirstName = "Ada",
        LastName = "Lovelace",
        Email = email,
        PreferredLanguage = "en",
        ConfirmsCredits = true,
        CampaignToken = campaign,
        Consents = consents ?? [ConsentChannel.CentralNewsletter],
        Affiliations = [new() { DepartmentCode = department, DegreeType = DegreeType.Master, StartYear = 2018, EndYear = 2020, Credits = credits, Programme = "Computer and Systems Sciences" }],
    };

    /// <summary>Signs up and verifies by signing in: an active member's client.</summary>
    public static async Task<HttpClient> ActiveMemberAsync(ApiFixture api, string email, string department = "DSV", string? campaign = null)
    {
        using (var visitor = api.NewClient())
        {
            var response = await visitor.PostAsJsonAsync("/api/members/sign-up", SignUpFor(email, department, campaign: campaign), Json.Options, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        return await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
    }

    public static async Task<MemberResponse> ProfileAsync(HttpClient member) =>
        await (await member.GetAsync("/api/me/profile", Ct)).ReadAsync<MemberResponse>();
}
