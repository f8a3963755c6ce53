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

    /// <summary>Signs up, signs in and confirms the sign-up with every consent it asked for: an active member's client.</summary>
    public static async Task<HttpClient> ActiveMemberAsync(ApiFixture api, string email, string department = "DSV", string? campaign = null)
    {
        using (var visitor = api.NewClient())
        {
            var response = await visitor.PostAsJsonAsync("/api/members/sign-up", SignUpFor(email, department, campaign: campaign), Json.Options, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var member = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        await ConfirmAsync(member);
        return member;
    }

    /// <summary>The signed-in person confirms the sign-up made for their address: every consent it asked for, or these.</summary>
    public static async Task<MemberResponse> ConfirmAsync(HttpClient person, IReadOnlyList<ConsentChannel>? consents = null)
    {
        var read = await person.GetAsync("/api/me/pending-sign-up", Ct);
        var pending = await read.ReadAsync<PendingSignUpResponse>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/pending-sign-up/confirm")
        {
            Content = JsonContent.Create(new ConfirmSignUpRequest { Consents = consents ?? pending.RequestedConsents }, options: Json.Options),
        };
        request.Headers.IfMatch.Add(read.Headers.ETag!);
        var confirmed = await person.SendAsync(request, Ct);
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, $"Confirming failed: {(int)confirmed.StatusCode} {await confirmed.Content.ReadAsStringAsync(Ct)}");
        return await confirmed.ReadAsync<MemberResponse>();
    }

    public static async Task<MemberResponse> ProfileAsync(HttpClient member) =>
        await (await member.GetAsync("/api/me/profile", Ct)).ReadAsync<MemberResponse>();
}
