using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Email;
using Microsoft.AspNetCore.Hosting;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts.Members;
using Alumni.Contracts.Newsletters;
using static Alumni.Api.Tests.Newsletters.PreferenceTestData;

namespace Alumni.Api.Tests.Newsletters;

public sealed class PreferenceTestsOnSqlite(SqliteApi api) : PreferenceTests(api), IClassFixture<SqliteApi>;

public sealed class PreferenceTestsOnSqlServer(SqlServerApi api) : PreferenceTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The preference page from a mail's link and from the profile, and the one-click unsubscribe: reading changes nothing,
/// changes are the member's own acts in the consent history, a link that is not genuine or is too old is refused.
/// </summary>
public abstract class PreferenceTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string History = """
        SELECT channel AS Channel, granted AS Granted, method AS Method FROM member_consent_history WHERE member_id = @Id ORDER BY changed_at, id
        """;

    [Fact]
    public async Task Reading_the_page_lists_the_members_topics_and_changes_nothing()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        var token = await TokenAsync(api, member.MemberId, await CampaignAsync(api, topics.Central));
        var before = await HistoryAsync(member.MemberId);
        using var visitor = api.NewClient();

        var page = await (await visitor.GetAsync($"/api/newsletters/preferences/{token}", Ct)).ReadAsync<PreferencesResponse>();
        await (await visitor.GetAsync($"/api/newsletters/preferences/{token}", Ct)).ReadAsync<PreferencesResponse>();

        Assert.Equal(("Ada", "en", false), (page.FirstName, page.Language, page.UnsubscribedFromAll));
        var ids = page.Topics.Select(t => t.Id).ToList();
        Assert.Contains(topics.Central, ids);
        Assert.Contains(topics.Events, ids);
        Assert.Contains(topics.Dsv, ids);
        Assert.DoesNotContain(topics.Eng, ids);
        Assert.All(page.Topics.Where(t => t.Id == topics.Central || t.Id == topics.Events || t.Id == topics.Dsv), t => Assert.True(t.Subscribed, t.Key));
        Assert.Equal(ConsentChannel.DepartmentMailings, page.Topics.Single(t => t.Id == topics.Dsv).ConsentChannel);
        Assert.Equal(before, await HistoryAsync(member.MemberId));
        Assert.Empty(await RowsAsync<Guid>(api, "SELECT topic_id FROM newsletter_topic_choices WHERE member_id = @Id", new { Id = member.MemberId }));
        Assert.Empty(await RowsAsync<Guid>(api, "SELECT id FROM newsletter_unsubscribes WHERE member_id = @Id", new { Id = member.MemberId }));
    }

    [Fact]
    public async Task A_department_topic_off_is_a_choice_and_the_central_newsletter_off_withdraws_its_consent_by_the_unsubscribe_link()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        var campaign = await CampaignAsync(api, topics.Dsv);
        var token = await TokenAsync(api, member.MemberId, campaign);
        using var visitor = api.NewClient();

        var page = await (await visitor.PutAsJsonAsync($"/api/newsletters/preferences/{token}", new PreferencesChange
        {
            Topics = [new() { Id = topics.Dsv, Subscribed = false }, new() { Id = topics.Central, Subscribed = false }],
            Language = "sv",
        }, Json.Options, Ct)).ReadAsync<PreferencesResponse>();

        Assert.Equal("sv", page.Language);
        Assert.False(page.Topics.Single(t => t.Id == topics.Dsv).Subscribed);
        Assert.False(page.Topics.Single(t => t.Id == topics.Central).Subscribed);
        Assert.True(page.Topics.Single(t => t.Id == topics.Events).Subscribed);
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Dsv));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Central));
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Events));
        // The department's consent stays (for the member's other departments); the central one is withdrawn, by the link.
        Assert.Equal(("CentralNewsletter", false, "UnsubscribeLink"), (await HistoryAsync(member.MemberId))[^1]);
        Assert.DoesNotContain(await HistoryAsync(member.MemberId), h => h.Channel == "DepartmentMailings" && !h.Granted);
        Assert.Equal([("preferencePage", campaign)],
            (await RowsAsync<ChoiceRow>(api, "SELECT method AS Method, campaign_id AS CampaignId FROM newsletter_topic_choices WHERE member_id = @Id AND subscribed = 0",
                new { Id = member.MemberId })).Select(c => (c.Method, c.CampaignId)));
        var unsubscribes = await UnsubscribesAsync(member.MemberId);
        Assert.Equal(2, unsubscribes.Count);
        Assert.All(unsubscribes, u => Assert.Equal(("preferencePage", campaign), (u.Method, u.CampaignId)));

        // On again: the choice goes, the consent is given again as the member's own act.
        var again = await (await visitor.PutAsJsonAsync($"/api/newsletters/preferences/{token}", new PreferencesChange
        {
            Topics = [new() { Id = topics.Dsv, Subscribed = true }, new() { Id = topics.Central, Subscribed = true }],
        }, Json.Options, Ct)).ReadAsync<PreferencesResponse>();

        Assert.True(again.Topics.Single(t => t.Id == topics.Dsv).Subscribed);
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Dsv));
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Central));
        Assert.Equal(("CentralNewsletter", true, "UnsubscribeLink"), (await HistoryAsync(member.MemberId))[^1]);
    }

    [Fact]
    public async Task Turning_a_topic_on_gives_its_consent_and_leaves_the_channels_other_topics_off()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api, consents: [ConsentChannel.CentralNewsletter]);
        await AffiliateAsync(member, "ENG");
        var token = await TokenAsync(api, member.MemberId);
        using var visitor = api.NewClient();
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Events));

        var page = await (await visitor.PutAsJsonAsync($"/api/newsletters/preferences/{token}", new PreferencesChange
        {
            Topics = [new() { Id = topics.Events, Subscribed = true }, new() { Id = topics.Dsv, Subscribed = true }],
        }, Json.Options, Ct)).ReadAsync<PreferencesResponse>();

        Assert.True(page.Topics.Single(t => t.Id == topics.Events).Subscribed);
        Assert.True(page.Topics.Single(t => t.Id == topics.Dsv).Subscribed);
        // ENG was off for want of the department consent: giving it for DSV does not turn ENG on.
        Assert.False(page.Topics.Single(t => t.Id == topics.Eng).Subscribed);
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Events));
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Dsv));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Eng));
        var history = await HistoryAsync(member.MemberId);
        Assert.Contains(("EventInvitations", true, "UnsubscribeLink"), history);
        Assert.Contains(("DepartmentMailings", true, "UnsubscribeLink"), history);
    }

    [Fact]
    public async Task One_click_turns_off_only_the_campaigns_topic_once()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        var campaign = await CampaignAsync(api, topics.Dsv);
        var token = await TokenAsync(api, member.MemberId, campaign);
        using var mailClient = api.NewClient();

        var first = await OneClickAsync(mailClient, token);
        var second = await OneClickAsync(mailClient, token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var answer = await first.ReadAsync<OneClickUnsubscribeResponse>();
        Assert.Equal((topics.Dsv, false), (answer.TopicId, answer.Everything));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Dsv));
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Central));
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Events));
        var unsubscribe = Assert.Single(await UnsubscribesAsync(member.MemberId));
        Assert.Equal(("oneClick", campaign, topics.Dsv), (unsubscribe.Method, unsubscribe.CampaignId, unsubscribe.TopicId));
        Assert.DoesNotContain(await HistoryAsync(member.MemberId), h => !h.Granted && h.Method != "SignUpForm");
    }

    [Fact]
    public async Task One_click_takes_either_form_encoding_of_RFC_8058_and_a_get_there_is_no_endpoint()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        using var mailClient = api.NewClient();
        var bare = await TokenAsync(api, member.MemberId, await CampaignAsync(api, topics.Dsv));
        var multipart = await TokenAsync(api, member.MemberId, await CampaignAsync(api, topics.Events));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await mailClient.GetAsync($"/api/newsletters/unsubscribe/{bare}", Ct)).StatusCode);
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Dsv));
        // RFC 8058: the body is List-Unsubscribe=One-Click, multipart/form-data or form-urlencoded; without either nothing changes.
        var bodiless = await (await mailClient.PostAsync($"/api/newsletters/unsubscribe/{bare}", null, Ct)).ProblemAsync(415);
        Assert.Contains("application/x-www-form-urlencoded", bodiless.Detail);
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Dsv));
        using var encoded = new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]);
        Assert.Equal(HttpStatusCode.OK, (await mailClient.PostAsync($"/api/newsletters/unsubscribe/{bare}", encoded, Ct)).StatusCode);
        using var form = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };
        Assert.Equal(HttpStatusCode.OK, (await mailClient.PostAsync($"/api/newsletters/unsubscribe/{multipart}", form, Ct)).StatusCode);

        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Dsv));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Events));
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Central));
    }

    [Fact]
    public async Task The_pages_without_sign_in_are_rate_limited_per_client()
    {
        api.SkipIfUnavailable();
        var member = await MemberAsync(api);
        var token = await TokenAsync(api, member.MemberId);
        await using var limited = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), b => b.UseSetting("Newsletters:PreferenceRequestsPerClientPerHour", "2"));
        using var client = limited.CreateClient();

        // Another database: the token is not genuine there (another key), which the limit does not care about.
        await (await client.GetAsync($"/api/newsletters/preferences/{token}", Ct)).ProblemAsync(404);
        await (await OneClickAsync(client, token)).ProblemAsync(404);
        await (await client.GetAsync($"/api/newsletters/preferences/{token}", Ct)).ProblemAsync(429);
    }

    [Fact]
    public async Task One_click_on_the_central_newsletter_withdraws_its_consent_and_without_a_campaign_everything()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        using var mailClient = api.NewClient();

        Assert.Equal(HttpStatusCode.OK, (await OneClickAsync(mailClient, await TokenAsync(api, member.MemberId, await CampaignAsync(api, topics.Central)))).StatusCode);
        Assert.Equal(("CentralNewsletter", false, "UnsubscribeLink"), (await HistoryAsync(member.MemberId))[^1]);
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Events));

        var everything = await (await OneClickAsync(mailClient, await TokenAsync(api, member.MemberId))).ReadAsync<OneClickUnsubscribeResponse>();

        Assert.Equal((null, true), (everything.TopicId, everything.Everything));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Events));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Dsv));
        var withdrawn = (await HistoryAsync(member.MemberId)).Where(h => !h.Granted && h.Method != "SignUpForm").ToList();
        Assert.Equal(["CentralNewsletter", "DepartmentMailings", "EventInvitations"], withdrawn.Select(h => h.Channel).Order());
        Assert.All(withdrawn, h => Assert.Equal("UnsubscribeLink", h.Method));
        Assert.Contains(await UnsubscribesAsync(member.MemberId), u => u is { TopicId: null, Method: "oneClick" });
    }

    [Fact]
    public async Task Unsubscribing_from_everything_withdraws_all_three_and_leaves_the_member_unsubscribed_until_a_topic_is_on_again()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        var token = await TokenAsync(api, member.MemberId);
        using var visitor = api.NewClient();

        var page = await (await visitor.PutAsJsonAsync($"/api/newsletters/preferences/{token}", new PreferencesChange { UnsubscribeAll = true }, Json.Options, Ct))
            .ReadAsync<PreferencesResponse>();

        Assert.True(page.UnsubscribedFromAll);
        Assert.All(page.Topics, t => Assert.False(t.Subscribed, t.Key));
        Assert.Equal(["CentralNewsletter", "DepartmentMailings", "EventInvitations"],
            (await HistoryAsync(member.MemberId)).Where(h => !h.Granted && h.Method == "UnsubscribeLink").Select(h => h.Channel).Order());
        Assert.Equal(MemberStatus.Unsubscribed, (await MemberClients.ProfileAsync(member.Client)).Status);
        Assert.Equal(("preferencePage", (Guid?)null), (await UnsubscribesAsync(member.MemberId)).Select(u => (u.Method, u.TopicId)).Single());

        await (await visitor.PutAsJsonAsync($"/api/newsletters/preferences/{token}", new PreferencesChange { Topics = [new() { Id = topics.Central, Subscribed = true }] }, Json.Options, Ct))
            .ReadAsync<PreferencesResponse>();

        Assert.Equal(MemberStatus.Active, (await MemberClients.ProfileAsync(member.Client)).Status);
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Central));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Events));
    }

    [Fact]
    public async Task A_forged_malformed_or_expired_link_is_refused_and_changes_nothing()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        var token = await TokenAsync(api, member.MemberId);
        var forged = (token[5] == 'A' ? 'B' : 'A') is var c ? token[..5] + c + token[6..] : token;
        var past = new ManualClock(DateTimeOffset.UtcNow.AddDays(-91));
        var expired = await TokenAtAsync(api, past, member.MemberId);
        past.Now = DateTimeOffset.UtcNow.AddDays(-89);
        var almost = await TokenAtAsync(api, past, member.MemberId);
        var before = await HistoryAsync(member.MemberId);
        using var visitor = api.NewClient();
        var off = new PreferencesChange { UnsubscribeAll = true };

        foreach (var (bad, status) in new[] { (forged, 404), ("not-a-token", 404), (expired, 410) })
        {
            var problem = await (await visitor.GetAsync($"/api/newsletters/preferences/{bad}", Ct)).ProblemAsync(status);
            Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
            await (await visitor.PutAsJsonAsync($"/api/newsletters/preferences/{bad}", off, Json.Options, Ct)).ProblemAsync(status);
            await (await OneClickAsync(visitor, bad)).ProblemAsync(status);
        }

        Assert.Equal(before, await HistoryAsync(member.MemberId));
        Assert.Empty(await UnsubscribesAsync(member.MemberId));
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Central));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/newsletters/preferences/{almost}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_topic_the_member_may_not_be_on_is_a_field_error()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        using var visitor = api.NewClient();

        var problem = await (await visitor.PutAsJsonAsync($"/api/newsletters/preferences/{await TokenAsync(api, member.MemberId)}", new PreferencesChange
        {
            Topics = [new() { Id = topics.Central, Subscribed = false }, new() { Id = topics.Eng, Subscribed = true }],
        }, Json.Options, Ct)).ProblemAsync(400);

        Assert.Contains("topics[1].id", problem.Errors!.Keys);
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Central));
    }

    [Fact]
    public async Task The_signed_in_member_reads_and_changes_the_same_preferences_through_the_profile()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);

        var page = await (await member.Client.GetAsync("/api/me/newsletters/preferences", Ct)).ReadAsync<PreferencesResponse>();
        var changed = await (await member.Client.PutAsJsonAsync("/api/me/newsletters/preferences", new PreferencesChange
        {
            Topics = [new() { Id = topics.Events, Subscribed = false }],
        }, Json.Options, Ct)).ReadAsync<PreferencesResponse>();

        Assert.True(page.Topics.Single(t => t.Id == topics.Events).Subscribed);
        Assert.False(changed.Topics.Single(t => t.Id == topics.Events).Subscribed);
        Assert.Equal(("EventInvitations", false, "ProfilePage"), (await HistoryAsync(member.MemberId))[^1]);
        Assert.Equal("profile", Assert.Single(await UnsubscribesAsync(member.MemberId)).Method);
        using var stranger = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, $"nobody-{Guid.NewGuid():N}@alumni.test");
        await (await stranger.GetAsync("/api/me/newsletters/preferences", Ct)).ProblemAsync(404);
    }

    private async Task AffiliateAsync(TestMember member, string department)
    {
        var response = await member.Client.PostAsJsonAsync("/api/me/affiliations", new AffiliationInput
        {
            DepartmentCode = department, DegreeType = DegreeType.Bachelor, StartYear = 2014, EndYear = 2017, Credits = 180,
        }, Json.Options, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>The RFC 8058 POST a mail client makes.</summary>
    public static Task<HttpResponseMessage> OneClickAsync(HttpClient client, string token) =>
        client.PostAsync($"/api/newsletters/unsubscribe/{token}",
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]), Ct);

    private async Task<List<(string Channel, bool Granted, string Method)>> HistoryAsync(Guid memberId) =>
        (await RowsAsync<HistoryRow>(api, History, new { Id = memberId })).Select(h => (h.Channel, h.Granted, h.Method)).ToList();

    private Task<IReadOnlyList<UnsubscribeRow>> UnsubscribesAsync(Guid memberId) =>
        RowsAsync<UnsubscribeRow>(api, """
            SELECT topic_id AS TopicId, campaign_id AS CampaignId, method AS Method FROM newsletter_unsubscribes WHERE member_id = @Id ORDER BY created_at, id
            """, new { Id = memberId });

    private sealed record HistoryRow
    {
        public string Channel { get; init; } = "";
        public bool Granted { get; init; }
        public string Method { get; init; } = "";
    }

    private sealed record ChoiceRow
    {
        public string Method { get; init; } = "";
        public Guid? CampaignId { get; init; }
    }

    private sealed record UnsubscribeRow
    {
        public Guid? TopicId { get; init; }
        public Guid? CampaignId { get; init; }
        public string Method { get; init; } = "";
    }
}
