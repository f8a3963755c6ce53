using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Members;

namespace Alumni.Api.Tests.Members;

public sealed class RecruitmentCampaignTestsOnSqlite(SqliteApi api) : RecruitmentCampaignTests(api), IClassFixture<SqliteApi>;

public sealed class RecruitmentCampaignTestsOnSqlServer(SqlServerApi api) : RecruitmentCampaignTests(api), IClassFixture<SqlServerApi>;

/// <summary>Campaigns changed with If-Match within the department scope, closed and reopened; a closed link counts nothing.</summary>
public abstract class RecruitmentCampaignTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_campaign_is_changed_with_its_current_etag_and_only_within_the_callers_departments()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var campaign = await CreateAsync(coordinator, "Spring ceremony");
        Assert.Equal((1, (DateTimeOffset?)null), (campaign.Version, campaign.ClosedAt));
        var url = $"/api/recruitment/campaigns/{campaign.Id}";
        var change = new UpdateCampaignRequest { Channel = "  Poster  ", Label = "Spring ceremony 2027" };

        await (await coordinator.PutAsJsonAsync(url, change, Json.Options, Ct)).ProblemAsync(428);
        await (await Send(coordinator, HttpMethod.Put, url, change, "\"7\"")).ProblemAsync(412);
        var outsider = await api.CoordinatorAsync("ECON");
        await (await Send(outsider, HttpMethod.Put, url, change, "\"1\"")).ProblemAsync(404);
        await (await Send(outsider, HttpMethod.Post, $"{url}/close", null, null)).ProblemAsync(404);
        var invalid = await (await Send(coordinator, HttpMethod.Put, url, new UpdateCampaignRequest { Channel = "", Label = "<b>" }, "\"1\"")).ProblemAsync(400);
        Assert.Equal(["channel", "label"], invalid.Errors!.Keys.Order(StringComparer.Ordinal));

        var response = await Send(coordinator, HttpMethod.Put, url, change, "\"1\"");
        var updated = await response.ReadAsync<CampaignResponse>();
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(("Poster", "Spring ceremony 2027", 2, campaign.Token, "DSV"), (updated.Channel, updated.Label, updated.Version, updated.Token, updated.DepartmentCode));
        await (await Send(coordinator, HttpMethod.Put, url, change, "\"1\"")).ProblemAsync(412);
        var listed = Assert.Single(await ListAsync(coordinator), c => c.Id == campaign.Id);
        Assert.Equal(("Spring ceremony 2027", 2), (listed.Label, listed.Version));
    }

    [Fact]
    public async Task A_closed_link_says_so_and_counts_no_visits_or_sign_ups_until_it_is_reopened()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var campaign = await CreateAsync(coordinator, "Alumni day");
        var url = $"/api/recruitment/campaigns/{campaign.Id}";
        using var visitor = api.NewClient();

        // Closed before anyone came: the visit is not counted (nor remembered, so that it counts once the link reopens).
        var closed = await (await Send(coordinator, HttpMethod.Post, $"{url}/close", null, "\"1\"")).ReadAsync<CampaignResponse>();
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(2, closed.Version);
        var again = await (await Send(coordinator, HttpMethod.Post, $"{url}/close", null, null)).ReadAsync<CampaignResponse>();
        Assert.Equal((closed.ClosedAt, 2), (again.ClosedAt, again.Version));
        var landing = await OpenAsync(visitor, campaign);
        Assert.Equal(("DSV", "Alumni day", true), (landing.DepartmentCode, landing.Label, landing.Closed));
        Assert.Equal((0, 0, 0), Funnel(await FindAsync(coordinator, campaign)));

        await (await Send(coordinator, HttpMethod.Post, $"{url}/reopen", null, "\"1\"")).ProblemAsync(412);
        var reopened = await (await Send(coordinator, HttpMethod.Post, $"{url}/reopen", null, "\"2\"")).ReadAsync<CampaignResponse>();
        Assert.Equal(((DateTimeOffset?)null, 3), (reopened.ClosedAt, reopened.Version));
        Assert.False((await OpenAsync(visitor, campaign)).Closed);
        await MemberClients.ActiveMemberAsync(api, $"verified-{Guid.NewGuid():N}@alumni.test", campaign: campaign.Token);
        await SignUpAsync(visitor, campaign);
        Assert.Equal((1, 2, 1), Funnel(await FindAsync(coordinator, campaign)));

        // Closed again: a sign-up through the link is taken (the person joins) but not counted for the campaign.
        await Send(coordinator, HttpMethod.Post, $"{url}/close", null, null);
        using var late = api.NewClient();
        Assert.True((await OpenAsync(late, campaign)).Closed);
        await SignUpAsync(late, campaign);
        Assert.Equal((1, 2, 1), Funnel(await FindAsync(coordinator, campaign)));
    }

    private static (int Visits, int SignUps, int Verified) Funnel(CampaignResponse c) => (c.Visits, c.SignUps, c.Verified);

    [Fact]
    public async Task Closes_racing_without_if_match_all_get_the_closed_campaign_and_it_is_closed_once()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var campaign = await CreateAsync(coordinator, "Raced closing");
        var url = $"/api/recruitment/campaigns/{campaign.Id}/close";

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Send(coordinator, HttpMethod.Post, url, null, null)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var closed = await Task.WhenAll(answers.Select(a => a.ReadAsync<CampaignResponse>()));
        Assert.All(closed, c => Assert.Equal((2, true), (c.Version, c.ClosedAt is not null)));
        Assert.Single(closed.Select(c => c.ClosedAt).Distinct());
    }

    private static async Task<CampaignResponse> CreateAsync(HttpClient staff, string label)
    {
        var created = await staff.PostAsJsonAsync("/api/recruitment/campaigns", new CreateCampaignRequest { DepartmentCode = "DSV", Channel = "Web", Label = label }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.ReadAsync<CampaignResponse>();
        // A new campaign answers its ETag like every read of it, ready for the first If-Match.
        Assert.Equal($"\"{campaign.Version}\"", created.Headers.ETag?.Tag);
        return campaign;
    }

    private static async Task<List<CampaignResponse>> ListAsync(HttpClient staff) =>
        await (await staff.GetAsync("/api/recruitment/campaigns", Ct)).ReadAsync<List<CampaignResponse>>();

    private static async Task<CampaignResponse> FindAsync(HttpClient staff, CampaignResponse campaign) =>
        Assert.Single(await ListAsync(staff), c => c.Id == campaign.Id);

    private static async Task<CampaignLandingResponse> OpenAsync(HttpClient visitor, CampaignResponse campaign) =>
        await (await visitor.PostAsync($"/api/recruitment/links/{campaign.Token}/visits", null, Ct)).ReadAsync<CampaignLandingResponse>();

    private static async Task SignUpAsync(HttpClient visitor, CampaignResponse campaign)
    {
        var response = await visitor.PostAsJsonAsync("/api/members/sign-up", MemberClients.SignUpFor($"pending-{Guid.NewGuid():N}@alumni.test", campaign: campaign.Token), Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, Ct);
    }
}
