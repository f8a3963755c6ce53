using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Departments;
using Alumni.Contracts.Members;
using Alumni.Contracts.Newsletters;

namespace Alumni.Api.Tests.Newsletters;

public sealed class TopicTestsOnSqlite(NewsletterSqliteApi api) : TopicTests(api), IClassFixture<NewsletterSqliteApi>;

public sealed class TopicTestsOnSqlServer(NewsletterSqlServerApi api) : TopicTests(api), IClassFixture<NewsletterSqlServerApi>;

/// <summary>
/// The topics: seeded at start (the central newsletter, event invitations, one per active department, each on its
/// consent), listed with their subscribers for all staff, custom ones added and changed by admins only.
/// </summary>
public abstract class TopicTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seeded_topics_are_there_on_their_consents_and_a_coordinator_lists_them_too()
    {
        var dsv = await NewsletterData.DepartmentIdAsync(api, "DSV");
        var coordinator = await api.CoordinatorAsync("DSV");

        var topics = await (await coordinator.GetAsync("/api/newsletters/topics", Ct)).ReadAsync<List<TopicResponse>>();

        var central = topics.Single(t => t.Key == "central");
        Assert.Equal((TopicKind.Central, ConsentChannel.CentralNewsletter, (Guid?)null, true), (central.Kind, central.ConsentChannel, central.DepartmentId, central.Active));
        Assert.Equal((TopicKind.Events, ConsentChannel.EventInvitations), (topics.Single(t => t.Key == "events").Kind, topics.Single(t => t.Key == "events").ConsentChannel));
        var department = topics.Single(t => t.Key == "department-dsv");
        Assert.Equal((TopicKind.Department, ConsentChannel.DepartmentMailings, (Guid?)dsv), (department.Kind, department.ConsentChannel, department.DepartmentId));
        Assert.Contains("Department of Computer and Systems Sciences", department.NameEn, StringComparison.Ordinal);
        Assert.Equal("central", topics[0].Key);
        Assert.Single(topics, t => t.Key == "department-econ");
    }

    [Fact]
    public async Task Subscribers_are_the_members_with_the_topics_consent_and_a_department_topic_counts_its_own_members()
    {
        var before = await NewsletterData.TopicAsync(api, "department-ling");
        var centralBefore = await NewsletterData.TopicAsync(api, "central");
        await NewsletterData.MembersAsync(api, 2, "LING", ConsentChannel.DepartmentMailings, ConsentChannel.CentralNewsletter);
        await NewsletterData.MembersAsync(api, 1, "LING", ConsentChannel.EventInvitations);
        await NewsletterData.MembersAsync(api, 1, "ECON", ConsentChannel.DepartmentMailings);

        var after = await NewsletterData.TopicAsync(api, "department-ling");

        Assert.Equal(before.Subscribers + 2, after.Subscribers);
        Assert.Equal(centralBefore.Subscribers + 2, (await NewsletterData.TopicAsync(api, "central")).Subscribers);
    }

    [Fact]
    public async Task A_department_added_while_the_api_runs_gets_its_topic_when_topics_are_next_listed()
    {
        var admin = await api.AdminAsync();
        var code = "NL" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var created = await admin.PostAsJsonAsync("/api/departments", new CreateDepartmentRequest
        {
            Code = code, NameSv = "Institutionen för nyhetsbrev", NameEn = "Department of Newsletters", FacultyCode = "SOC",
        }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var topic = await NewsletterData.TopicAsync(api, "department-" + code.ToLowerInvariant());

        Assert.Equal(("Utskick från Institutionen för nyhetsbrev", "Mailings from Department of Newsletters"), (topic.NameSv, topic.NameEn));
        Assert.Equal(await NewsletterData.DepartmentIdAsync(api, code), topic.DepartmentId);
    }

    [Fact]
    public async Task An_admin_adds_a_custom_topic_and_changes_it_with_if_match_and_a_coordinator_may_not()
    {
        var admin = await api.AdminAsync();
        var key = "alumni-" + Guid.NewGuid().ToString("N")[..8];
        var request = new CreateTopicRequest { Key = key, ConsentChannel = ConsentChannel.CentralNewsletter, NameSv = "Forskning", NameEn = "Research" };

        await (await (await api.CoordinatorAsync("DSV")).PostAsJsonAsync("/api/newsletters/topics", request, Json.Options, Ct)).ProblemAsync(403);
        var response = await admin.PostAsJsonAsync("/api/newsletters/topics", request, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<TopicResponse>();
        Assert.Equal((TopicKind.Custom, key, true, "\"1\""), (created.Kind, created.Key, created.Active, response.Headers.ETag?.Tag));
        await (await admin.PostAsJsonAsync("/api/newsletters/topics", request, Json.Options, Ct)).ProblemAsync(409);

        var change = new UpdateTopicRequest
        {
            Id = created.Id, ConsentChannel = ConsentChannel.EventInvitations, NameSv = "Forskningsnytt", NameEn = "Research news", Active = false,
        };
        await (await admin.PutAsJsonAsync($"/api/newsletters/topics/{created.Id}", change, Json.Options, Ct)).ProblemAsync(428);
        await (await PutAsync(admin, created.Id, change, "\"7\"")).ProblemAsync(412);
        var changed = await (await PutAsync(admin, created.Id, change, "\"1\"")).ReadAsync<TopicResponse>();

        Assert.Equal(("Research news", ConsentChannel.EventInvitations, false, 2), (changed.NameEn, changed.ConsentChannel, changed.Active, changed.Version));
        var listed = await (await (await api.CoordinatorAsync("DSV")).GetAsync("/api/newsletters/topics", Ct)).ReadAsync<List<TopicResponse>>();
        Assert.DoesNotContain(listed, t => t.Id == created.Id);
        var all = await (await admin.GetAsync("/api/newsletters/topics?includeInactive=true", Ct)).ReadAsync<List<TopicResponse>>();
        Assert.Contains(all, t => t.Id == created.Id);
    }

    [Fact]
    public async Task A_seeded_topic_keeps_its_name_channel_and_activity_but_its_description_may_change()
    {
        var admin = await api.AdminAsync();
        var events = await NewsletterData.TopicAsync(api, "events");
        var same = new UpdateTopicRequest
        {
            Id = events.Id, ConsentChannel = events.ConsentChannel, NameSv = events.NameSv, NameEn = events.NameEn, Active = true,
            DescriptionEn = "Invitations to reunions, lectures and more.",
        };

        var renamed = await (await PutAsync(admin, events.Id, same with { NameEn = "Parties" }, $"\"{events.Version}\"")).ProblemAsync(409);
        Assert.Contains("nameEn", renamed.Errors!.Keys);
        Assert.Contains("consentChannel", (await (await PutAsync(admin, events.Id, same with { ConsentChannel = ConsentChannel.CentralNewsletter },
            $"\"{events.Version}\"")).ProblemAsync(409)).Errors!.Keys);
        Assert.Contains("active", (await (await PutAsync(admin, events.Id, same with { Active = false }, $"\"{events.Version}\"")).ProblemAsync(409)).Errors!.Keys);

        var described = await (await PutAsync(admin, events.Id, same, $"\"{events.Version}\"")).ReadAsync<TopicResponse>();
        Assert.Equal(("Invitations to reunions, lectures and more.", events.NameEn), (described.DescriptionEn, described.NameEn));
    }

    [Theory]
    [InlineData("{\"key\":\"Central\",\"consentChannel\":\"centralNewsletter\",\"nameSv\":\"A\",\"nameEn\":\"B\"}", "key")]
    [InlineData("{\"key\":\"events\",\"consentChannel\":\"centralNewsletter\",\"nameSv\":\"A\",\"nameEn\":\"B\"}", "key")]
    [InlineData("{\"key\":\"department-x\",\"consentChannel\":\"centralNewsletter\",\"nameSv\":\"A\",\"nameEn\":\"B\"}", "key")]
    [InlineData("{\"key\":\"ok-key\",\"consentChannel\":\"directory\",\"nameSv\":\"A\",\"nameEn\":\"B\"}", "consentChannel")]
    [InlineData("{\"key\":\"ok-key\",\"consentChannel\":\"centralNewsletter\",\"nameSv\":\"\",\"nameEn\":\"B\"}", "nameSv")]
    public async Task A_bad_topic_is_a_400_naming_the_field(string body, string field)
    {
        var admin = await api.AdminAsync();

        var response = await admin.PostAsync("/api/newsletters/topics", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Contains(field, (await response.ProblemAsync(400)).Errors!.Keys);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, UpdateTopicRequest body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/newsletters/topics/{id}") { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request, Ct);
    }
}
