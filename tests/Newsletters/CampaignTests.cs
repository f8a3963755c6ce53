using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;

namespace Alumni.Api.Tests.Newsletters;

public sealed class CampaignTestsOnSqlite(NewsletterSqliteApi api) : CampaignTests(api), IClassFixture<NewsletterSqliteApi>;

public sealed class CampaignTestsOnSqlServer(NewsletterSqlServerApi api) : CampaignTests(api), IClassFixture<NewsletterSqlServerApi>;

/// <summary>
/// Campaign drafts: created by a department's coordinator to their department's topic or event invitations (others
/// refused), from a ready-made message, as an invitation to an event they see; read, listed and changed (If-Match)
/// only within their departments; bad input a 400 naming the field with nothing written.
/// </summary>
public abstract class CampaignTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coordinator_creates_a_draft_for_their_department_reads_it_and_lists_it()
    {
        var coordinator = await api.CoordinatorAsync("DSV");
        var dsv = await NewsletterData.DepartmentIdAsync(api, "DSV");
        var topic = await NewsletterData.TopicAsync(api, "department-dsv");

        var response = await coordinator.PostAsJsonAsync("/api/newsletters/campaigns", NewsletterData.Valid(topic.Id, dsv, "DSV news"), Json.Options, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<NewsletterCampaignResponse>();
        Assert.Equal((CampaignStatus.Draft, CampaignKind.Newsletter, "DSV", "department-dsv", 0, 1),
            (created.Status, created.Kind, created.DepartmentCode, created.TopicKey, created.RecipientCount, created.Version));
        Assert.Equal("Hi {{ member.first_name }}!\n\nWelcome back.", created.BodyEn);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var read = await (await coordinator.GetAsync($"/api/newsletters/campaigns/{created.Id}", Ct)).ReadAsync<NewsletterCampaignResponse>();
        Assert.Equal(created, read);
        var listed = await (await coordinator.GetAsync($"/api/newsletters/campaigns?departmentId={dsv}&status=draft", Ct)).ReadAsync<Paged<NewsletterCampaignSummary>>();
        Assert.Contains(listed.Items, c => c.Id == created.Id);
        var audit = await NewsletterData.QueryAsync<string>(api, "SELECT action FROM audit_log WHERE entity_id = @Id", new { Id = created.Id.ToString() });
        Assert.Equal(["newsletter.campaign-create"], audit);
    }

    [Fact]
    public async Task A_coordinator_cannot_send_for_another_department_to_its_topic_or_for_the_central_office_nor_see_their_campaigns()
    {
        var coordinator = await api.CoordinatorAsync("DSV");
        var admin = await api.AdminAsync();
        var dsv = await NewsletterData.DepartmentIdAsync(api, "DSV");
        var econ = await NewsletterData.DepartmentIdAsync(api, "ECON");
        var econTopic = await NewsletterData.TopicAsync(api, "department-econ");
        var central = await NewsletterData.TopicAsync(api, "central");
        var before = await CountAsync();

        await (await coordinator.PostAsJsonAsync("/api/newsletters/campaigns", NewsletterData.Valid(econTopic.Id, econ), Json.Options, Ct)).ProblemAsync(403);
        await (await coordinator.PostAsJsonAsync("/api/newsletters/campaigns", NewsletterData.Valid(econTopic.Id, dsv), Json.Options, Ct)).ProblemAsync(403);
        await (await coordinator.PostAsJsonAsync("/api/newsletters/campaigns", NewsletterData.Valid(central.Id, dsv), Json.Options, Ct)).ProblemAsync(403);
        await (await coordinator.PostAsJsonAsync("/api/newsletters/campaigns", NewsletterData.Valid(central.Id), Json.Options, Ct)).ProblemAsync(403);
        Assert.Equal(before, await CountAsync());

        var theirs = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(econTopic.Id, econ, "ECON news"));
        var office = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(central.Id, null, "Office news"));
        foreach (var id in new[] { theirs.Id, office.Id })
        {
            await (await coordinator.GetAsync($"/api/newsletters/campaigns/{id}", Ct)).ProblemAsync(404);
            await (await coordinator.GetAsync($"/api/newsletters/campaigns/{id}/figures", Ct)).ProblemAsync(404);
            await (await coordinator.GetAsync($"/api/newsletters/campaigns/{id}/recipients", Ct)).ProblemAsync(404);
            await (await coordinator.PostAsync($"/api/newsletters/campaigns/{id}/send", null, Ct)).ProblemAsync(404);
            await (await coordinator.PostAsync($"/api/newsletters/campaigns/{id}/cancel", null, Ct)).ProblemAsync(404);
            await (await PutAsync(coordinator, id, Update(id, NewsletterData.Valid(econTopic.Id, econ)), "\"1\"")).ProblemAsync(404);
        }

        var listed = await (await coordinator.GetAsync("/api/newsletters/campaigns?pageSize=200", Ct)).ReadAsync<Paged<NewsletterCampaignSummary>>();
        Assert.DoesNotContain(listed.Items, c => c.Id == theirs.Id || c.Id == office.Id);
        var all = await (await admin.GetAsync("/api/newsletters/campaigns?central=true&pageSize=200", Ct)).ReadAsync<Paged<NewsletterCampaignSummary>>();
        Assert.Contains(all.Items, c => c.Id == office.Id);
        Assert.DoesNotContain(all.Items, c => c.Id == theirs.Id);
    }

    [Fact]
    public async Task A_department_may_send_to_event_invitations_and_invite_to_its_own_published_event_only()
    {
        var coordinator = await api.CoordinatorAsync("DSV");
        var dsv = await NewsletterData.DepartmentIdAsync(api, "DSV");
        var events = await NewsletterData.TopicAsync(api, "events");
        var own = await AttendanceData.EventAsync(api, "DSV");
        var cohosted = await AttendanceData.EventAsync(api, "ECON", cohosts: ["DSV"]);
        var others = await AttendanceData.EventAsync(api, "ECON");
        var draft = await AttendanceData.EventAsync(api, "DSV", status: "draft");

        var invitation = await NewsletterData.CreateAsync(coordinator, NewsletterData.Valid(events.Id, dsv) with { EventId = own.Id });
        Assert.Equal((CampaignKind.Invitation, own.Id), (invitation.Kind, invitation.EventId));
        Assert.Equal(CampaignKind.Invitation, (await NewsletterData.CreateAsync(coordinator, NewsletterData.Valid(events.Id, dsv) with { EventId = cohosted.Id })).Kind);
        foreach (var refused in new[] { others.Id, draft.Id, Guid.NewGuid() })
        {
            var problem = await (await coordinator.PostAsJsonAsync("/api/newsletters/campaigns", NewsletterData.Valid(events.Id, dsv) with { EventId = refused },
                Json.Options, Ct)).ProblemAsync(400);
            Assert.Contains("eventId", problem.Errors!.Keys);
        }
    }

    [Fact]
    public async Task A_campaign_from_a_ready_made_message_copies_the_texts_it_was_not_given()
    {
        var admin = await api.AdminAsync();
        var central = await NewsletterData.TopicAsync(api, "central");
        var messageId = Guid.CreateVersion7();
        await NewsletterData.ExecuteAsync(api, """
            INSERT INTO newsletter_messages (id, title, subject_sv, subject_en, preheader_sv, preheader_en, body_sv, body_en, created_at, updated_at, version)
            VALUES (@Id, 'Autumn', 'Höstnytt', 'Autumn news', 'I höst', 'This autumn', 'Hej!', 'Hello!', @Now, @Now, 1)
            """, new { Id = messageId, Now = DateTimeOffset.UtcNow });

        var created = await NewsletterData.CreateAsync(admin, new CreateNewsletterCampaignRequest
        {
            Name = "From the library", TopicId = central.Id, SourceMessageId = messageId, SubjectEn = "Our own subject",
        });

        Assert.Equal((messageId, "Höstnytt", "Our own subject", "I höst", "This autumn", "Hej!", "Hello!"),
            (created.SourceMessageId!.Value, created.SubjectSv, created.SubjectEn, created.PreheaderSv, created.PreheaderEn, created.BodySv, created.BodyEn));
        var missing = await (await admin.PostAsJsonAsync("/api/newsletters/campaigns", new CreateNewsletterCampaignRequest
        {
            Name = "No such message", TopicId = central.Id, SourceMessageId = Guid.NewGuid(),
        }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Contains("sourceMessageId", missing.Errors!.Keys);
    }

    [Fact]
    public async Task An_update_needs_if_match_and_only_a_draft_or_scheduled_campaign_changes()
    {
        var coordinator = await api.CoordinatorAsync("DSV");
        var dsv = await NewsletterData.DepartmentIdAsync(api, "DSV");
        var topic = await NewsletterData.TopicAsync(api, "department-dsv");
        var created = await NewsletterData.CreateAsync(coordinator, NewsletterData.Valid(topic.Id, dsv));
        var change = Update(created.Id, NewsletterData.Valid(topic.Id, dsv, "Renamed") with { BodyEn = "New body" });

        await (await coordinator.PutAsJsonAsync($"/api/newsletters/campaigns/{created.Id}", change, Json.Options, Ct)).ProblemAsync(428);
        await (await PutAsync(coordinator, created.Id, change, "\"5\"")).ProblemAsync(412);
        var updated = await PutAsync(coordinator, created.Id, change, "\"1\"");
        var body = await updated.ReadAsync<NewsletterCampaignResponse>();
        Assert.Equal(("Renamed", "New body", 2, "\"2\""), (body.Name, body.BodyEn, body.Version, updated.Headers.ETag?.Tag));

        var cancelled = await (await coordinator.PostAsync($"/api/newsletters/campaigns/{created.Id}/cancel", null, Ct)).ReadAsync<NewsletterCampaignResponse>();
        await (await PutAsync(coordinator, created.Id, change, $"\"{cancelled.Version}\"")).ProblemAsync(409);
    }

    [Theory]
    [InlineData("name", "")]
    [InlineData("subjectEn", "<b>Bold</b>")]
    [InlineData("preheaderSv", "")]
    [InlineData("topicId", "")]
    [InlineData("departmentId", "")]
    [InlineData("layoutId", "")]
    [InlineData("segmentId", "")]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_written(string field, string value)
    {
        var admin = await api.AdminAsync();
        var central = await NewsletterData.TopicAsync(api, "central");
        var request = field switch
        {
            "name" => NewsletterData.Valid(central.Id) with { Name = value },
            "subjectEn" => NewsletterData.Valid(central.Id) with { SubjectEn = value },
            "preheaderSv" => NewsletterData.Valid(central.Id) with { PreheaderSv = new string('x', 301) },
            "topicId" => NewsletterData.Valid(Guid.NewGuid()),
            "departmentId" => NewsletterData.Valid(central.Id, Guid.NewGuid()),
            "layoutId" => NewsletterData.Valid(central.Id) with { LayoutId = Guid.NewGuid() },
            _ => NewsletterData.Valid(central.Id) with { SegmentId = Guid.NewGuid() },
        };
        var before = await CountAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/newsletters/campaigns", request, Json.Options, Ct)).ProblemAsync(400);

        Assert.Contains(field, problem.Errors!.Keys);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_unknown_field_in_the_request_is_a_400()
    {
        var admin = await api.AdminAsync();
        var central = await NewsletterData.TopicAsync(api, "central");

        var response = await admin.PostAsync("/api/newsletters/campaigns", new StringContent(
            $$"""{"name":"x","topicId":"{{central.Id}}","status":"sent"}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Contains("status", (await response.ProblemAsync(400)).Errors!.Keys);
    }

    private async Task<long> CountAsync() => Assert.Single(await NewsletterData.QueryAsync<long>(api, "SELECT COUNT(*) FROM newsletter_campaigns", null));

    internal static UpdateNewsletterCampaignRequest Update(Guid id, CreateNewsletterCampaignRequest r) => new()
    {
        Id = id, Name = r.Name, DepartmentId = r.DepartmentId, TopicId = r.TopicId, SegmentId = r.SegmentId, EventId = r.EventId, LayoutId = r.LayoutId,
        SubjectSv = r.SubjectSv, SubjectEn = r.SubjectEn, PreheaderSv = r.PreheaderSv, PreheaderEn = r.PreheaderEn, BodySv = r.BodySv, BodyEn = r.BodyEn,
    };

    internal static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, UpdateNewsletterCampaignRequest body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/newsletters/campaigns/{id}") { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return client.SendAsync(request, Ct);
    }
}
