using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alumni.Api.Features.Network.Initiatives;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Newsletters;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Network;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Network;

public sealed class InitiativeTestsOnSqlite(SqliteApi api) : InitiativeTests(api), IClassFixture<SqliteApi>;

public sealed class InitiativeTestsOnSqlServer(SqlServerApi api) : InitiativeTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The network's central initiatives: the office writes them (create, update with If-Match, close, reopen), the network
/// reads them with who joined; a coordinator joins ("haka på") only for their own departments, links only their own
/// department's event or campaign, and nothing changes once the initiative is closed. Every write is audited.
/// </summary>
public abstract class InitiativeTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CreateInitiativeRequest Valid(string title) => new()
    {
        Kind = InitiativeKind.Initiative,
        TitleSv = title + " (sv)",
        TitleEn = title,
        DescriptionEn = "## Sessions\n\n- Your own session\n- [Programme](https://www.su.se/alumni)\n\n<script>alert(1)</script>",
        StartsOn = new DateOnly(2031, 10, 4),
        EndsOn = new DateOnly(2031, 10, 4),
    };

    private static string Unique(string what) => what + " " + Guid.NewGuid().ToString("N")[..8];

    private async Task<InitiativeResponse> CreateAsync(string title, InitiativeKind kind = InitiativeKind.Initiative)
    {
        var response = await (await api.AdminAsync()).PostAsJsonAsync("/api/network/initiatives", Valid(title) with { Kind = kind }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<InitiativeResponse>();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json.Options);
        }

        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        return await client.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> JoinAsync(HttpClient client, Guid id, string code, JoinInitiativeRequest body, int? ifMatch = null) =>
        SendAsync(client, HttpMethod.Put, $"/api/network/initiatives/{id}/joins/{code}", body, ifMatch);

    private static async Task<InitiativeResponse> ReadAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/network/initiatives/{id}", Ct)).ReadAsync<InitiativeResponse>();

    [Fact]
    public async Task The_office_creates_an_open_initiative_the_network_reads_with_safe_html_and_a_coordinator_may_not_create_one()
    {
        api.SkipIfUnavailable();
        var title = Unique("Alumni day");

        var response = await (await api.AdminAsync()).PostAsJsonAsync("/api/network/initiatives", Valid(title) with { Kind = InitiativeKind.MeetingPlace }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<InitiativeResponse>();

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/api/network/initiatives/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((InitiativeKind.MeetingPlace, InitiativeStatus.Open, title, new DateOnly(2031, 10, 4), 1), (created.Kind, created.Status, created.TitleEn, created.StartsOn, created.Version));
        Assert.Empty(created.Joins);
        var read = await ReadAsync(await api.CoordinatorAsync("DSV"), created.Id);
        Assert.Contains("<h2>Sessions</h2>", read.DescriptionEnHtml);
        Assert.Contains("href=\"https://www.su.se/alumni\"", read.DescriptionEnHtml);
        Assert.DoesNotContain("<script", read.DescriptionEnHtml);
        Assert.Null(read.DescriptionSvHtml);

        var coordinator = await api.CoordinatorAsync("DSV");
        await (await coordinator.PostAsJsonAsync("/api/network/initiatives", Valid(Unique("Not mine")), Json.Options, Ct)).ProblemAsync(403);
        await (await SendAsync(coordinator, HttpMethod.Post, $"/api/network/initiatives/{created.Id}/close")).ProblemAsync(403);
        await (await (await api.AdminAsync()).GetAsync($"/api/network/initiatives/{Guid.NewGuid()}", Ct)).ProblemAsync(404);
    }

    [Theory]
    [InlineData("end before start", "endsOn")]
    [InlineData("no title", "titleEn")]
    [InlineData("title too long", "titleSv")]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_written(string name, string field)
    {
        api.SkipIfUnavailable();
        var title = Unique("Bad");
        var request = name switch
        {
            "end before start" => Valid(title) with { EndsOn = new DateOnly(2031, 10, 3) },
            "no title" => Valid(title) with { TitleSv = " ", TitleEn = null },
            _ => Valid(title) with { TitleSv = new string('a', 201) },
        };
        var admin = await api.AdminAsync();

        var problem = await (await admin.PostAsJsonAsync("/api/network/initiatives", request, Json.Options, Ct)).ProblemAsync(400);

        Assert.Contains(field, problem.Errors!.Keys);
        var listed = await (await admin.GetAsync($"/api/network/initiatives?q={Uri.EscapeDataString(title)}", Ct)).ReadAsync<Paged<InitiativeSummary>>();
        Assert.Equal(0, listed.Total);
    }

    [Fact]
    public async Task An_update_needs_the_current_etag()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var created = await CreateAsync(Unique("Mentorship"));
        var change = new UpdateInitiativeRequest
        {
            Id = created.Id, Kind = InitiativeKind.Platform, TitleSv = "Mentorskap", TitleEn = created.TitleEn, StartsOn = new DateOnly(2031, 9, 1), EndsOn = null,
        };

        await (await SendAsync(admin, HttpMethod.Put, $"/api/network/initiatives/{created.Id}", change)).ProblemAsync(428);
        await (await SendAsync(admin, HttpMethod.Put, $"/api/network/initiatives/{created.Id}", change, ifMatch: 7)).ProblemAsync(412);
        await (await SendAsync(admin, HttpMethod.Put, $"/api/network/initiatives/{created.Id}", change with { EndsOn = new DateOnly(2031, 8, 31) }, ifMatch: 1)).ProblemAsync(400);
        var response = await SendAsync(admin, HttpMethod.Put, $"/api/network/initiatives/{created.Id}", change, ifMatch: 1);
        var updated = await response.ReadAsync<InitiativeResponse>();

        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal((InitiativeKind.Platform, "Mentorskap", new DateOnly(2031, 9, 1), (DateOnly?)null, 2), (updated.Kind, updated.TitleSv, updated.StartsOn, updated.EndsOn, updated.Version));
        Assert.Null(updated.DescriptionEn);
    }

    [Fact]
    public async Task A_coordinator_joins_for_their_department_changes_the_note_with_the_etag_and_leaves()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var initiative = await CreateAsync(Unique("Alumni day"));

        var response = await JoinAsync(coordinator, initiative.Id, "dsv", new() { OfferNote = "A lecture on AI\nand a lab tour" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var joined = await response.ReadAsync<InitiativeJoinResponse>();
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(("DSV", "A lecture on AI\nand a lab tour", "coordinator-dsv@alumni.test", true, 1), (joined.DepartmentCode, joined.OfferNote, joined.JoinedByName, joined.CanChange, joined.Version));
        Assert.False(string.IsNullOrEmpty(joined.DepartmentNameSv));

        // Joining again changes the join: only with its ETag, so a colleague's note is not overwritten unseen.
        await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { OfferNote = "Something else" })).ProblemAsync(428);
        await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { OfferNote = "Something else" }, ifMatch: 5)).ProblemAsync(412);
        var changed = await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { OfferNote = "Two lectures" }, ifMatch: 1)).ReadAsync<InitiativeJoinResponse>();
        Assert.Equal(("Two lectures", 2), (changed.OfferNote, changed.Version));

        var read = await ReadAsync(await api.AdminAsync(), initiative.Id);
        Assert.Equal(["DSV"], read.Joins.Select(j => j.DepartmentCode));
        Assert.Equal("Two lectures", read.Joins[0].OfferNote);
        var listed = await (await coordinator.GetAsync($"/api/network/initiatives?q={Uri.EscapeDataString(initiative.TitleEn!)}", Ct)).ReadAsync<Paged<InitiativeSummary>>();
        Assert.Equal(1, listed.Items.Single().JoinedCount);
        Assert.Equal(["DSV"], listed.Items.Single().MyJoinedDepartmentCodes);
        var asOffice = await (await (await api.AdminAsync()).GetAsync($"/api/network/initiatives?q={Uri.EscapeDataString(initiative.TitleEn!)}", Ct)).ReadAsync<Paged<InitiativeSummary>>();
        Assert.Empty(asOffice.Items.Single().MyJoinedDepartmentCodes);

        await (await SendAsync(coordinator, HttpMethod.Delete, $"/api/network/initiatives/{initiative.Id}/joins/DSV", ifMatch: 1)).ProblemAsync(412);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(coordinator, HttpMethod.Delete, $"/api/network/initiatives/{initiative.Id}/joins/DSV", ifMatch: 2)).StatusCode);
        Assert.Empty((await ReadAsync(coordinator, initiative.Id)).Joins);
        await (await SendAsync(coordinator, HttpMethod.Delete, $"/api/network/initiatives/{initiative.Id}/joins/DSV")).ProblemAsync(404);

        var audit = await (await (await api.AdminAsync()).GetAsync($"/api/audit?entityId={initiative.Id}&pageSize=50", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Equal(["network.initiative-create", "network.initiative-join", "network.initiative-join-update", "network.initiative-leave"],
            audit.Items.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Action));
        Assert.All(audit.Items, e => Assert.Equal("network-initiative", e.EntityType));
    }

    [Fact]
    public async Task A_coordinator_may_not_join_for_another_department_an_unknown_one_is_a_400_and_an_admin_joins_for_any()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var initiative = await CreateAsync(Unique("Mentorship"));

        await (await JoinAsync(coordinator, initiative.Id, "ECON", new() { OfferNote = "Not ours" })).ProblemAsync(403);
        var unknown = await (await JoinAsync(coordinator, initiative.Id, "NOPE", new() { OfferNote = "Nobody" })).ProblemAsync(400);
        Assert.Contains("departmentCode", unknown.Errors!.Keys);
        await (await JoinAsync(coordinator, Guid.NewGuid(), "DSV", new())).ProblemAsync(404);
        var tooLong = await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { OfferNote = new string('x', 2001) })).ProblemAsync(400);
        Assert.Contains("offerNote", tooLong.Errors!.Keys);
        Assert.Empty((await ReadAsync(coordinator, initiative.Id)).Joins);

        Assert.Equal(HttpStatusCode.Created, (await JoinAsync(await api.AdminAsync(), initiative.Id, "ECON", new() { OfferNote = "Mentors from finance" })).StatusCode);
        var read = await ReadAsync(coordinator, initiative.Id);
        Assert.Equal(("ECON", false), (read.Joins.Single().DepartmentCode, read.Joins.Single().CanChange));
        await (await SendAsync(coordinator, HttpMethod.Delete, $"/api/network/initiatives/{initiative.Id}/joins/ECON")).ProblemAsync(403);
    }

    [Fact]
    public async Task A_join_links_only_the_departments_own_event_and_campaign_and_shows_their_titles_and_status()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var initiative = await CreateAsync(Unique("Alumni day"));
        var ours = await (await coordinator.PostAsJsonAsync("/api/events", EventTests.Valid(Unique("DSV's session")), Json.Options, Ct)).ReadAsync<EventResponse>();
        var theirs = await (await (await api.AdminAsync()).PostAsJsonAsync("/api/events", EventTests.Valid(Unique("ECON's session")) with { OrganiserDepartmentCode = "ECON" }, Json.Options, Ct))
            .ReadAsync<EventResponse>();
        var ourCampaign = await NewsletterTestData.CampaignAsync(api, await NewsletterTestData.TopicAsync(api, "DSV"), departmentCode: "DSV");
        var theirCampaign = await NewsletterTestData.CampaignAsync(api, await NewsletterTestData.TopicAsync(api, "ECON"), departmentCode: "ECON");

        var wrongEvent = await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { EventId = theirs.Id })).ProblemAsync(400);
        Assert.Contains("eventId", wrongEvent.Errors!.Keys);
        var wrongCampaign = await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { CampaignId = theirCampaign })).ProblemAsync(400);
        Assert.Contains("campaignId", wrongCampaign.Errors!.Keys);
        var noSuchEvent = await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { EventId = Guid.NewGuid() })).ProblemAsync(400);
        Assert.Contains("eventId", noSuchEvent.Errors!.Keys);
        Assert.Empty((await ReadAsync(coordinator, initiative.Id)).Joins);

        // Join first, then link the event made under it (the web's order), then the campaign.
        var joined = await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { OfferNote = "A session" })).ReadAsync<InitiativeJoinResponse>();
        var linked = await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { OfferNote = "A session", EventId = ours.Id }, joined.Version)).ReadAsync<InitiativeJoinResponse>();
        Assert.Equal((ours.Id, ours.TitleEn, EventStatus.Draft, ours.StartsAt), (linked.Event?.Id, linked.Event?.TitleEn, linked.Event?.Status, linked.Event?.StartsAt));
        Assert.Null(linked.Campaign);
        await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { OfferNote = "A session", EventId = ours.Id, CampaignId = ourCampaign }, linked.Version)).ReadAsync<InitiativeJoinResponse>();

        var read = await ReadAsync(await api.AdminAsync(), initiative.Id);
        var join = read.Joins.Single();
        Assert.Equal((ours.Id, ourCampaign, CampaignStatus.Draft), (join.Event?.Id, join.Campaign?.Id, join.Campaign?.Status));
        Assert.StartsWith("Campaign ", join.Campaign!.Name);
    }

    [Fact]
    public async Task A_closed_initiative_takes_no_joins_changes_or_leaving_until_it_is_reopened()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var initiative = await CreateAsync(Unique("Fair"));
        await (await JoinAsync(admin, initiative.Id, "ECON", new() { OfferNote = "A stand" })).ReadAsync<InitiativeJoinResponse>();

        var closed = await (await SendAsync(admin, HttpMethod.Post, $"/api/network/initiatives/{initiative.Id}/close", ifMatch: 1)).ReadAsync<InitiativeResponse>();
        Assert.Equal((InitiativeStatus.Closed, 2), (closed.Status, closed.Version));
        await (await SendAsync(admin, HttpMethod.Post, $"/api/network/initiatives/{initiative.Id}/close")).ProblemAsync(409);
        await (await JoinAsync(coordinator, initiative.Id, "DSV", new() { OfferNote = "Late" })).ProblemAsync(409);
        await (await JoinAsync(admin, initiative.Id, "ECON", new() { OfferNote = "Changed" }, ifMatch: 1)).ProblemAsync(409);
        await (await SendAsync(admin, HttpMethod.Delete, $"/api/network/initiatives/{initiative.Id}/joins/ECON")).ProblemAsync(409);
        Assert.Equal("A stand", (await ReadAsync(admin, initiative.Id)).Joins.Single().OfferNote);
        var closedOnes = await (await admin.GetAsync($"/api/network/initiatives?status=closed&q={Uri.EscapeDataString(initiative.TitleEn!)}", Ct)).ReadAsync<Paged<InitiativeSummary>>();
        Assert.Equal(1, closedOnes.Total);

        await (await SendAsync(admin, HttpMethod.Post, $"/api/network/initiatives/{initiative.Id}/reopen", ifMatch: 1)).ProblemAsync(412);
        var reopened = await (await SendAsync(admin, HttpMethod.Post, $"/api/network/initiatives/{initiative.Id}/reopen")).ReadAsync<InitiativeResponse>();
        Assert.Equal(InitiativeStatus.Open, reopened.Status);
        await (await SendAsync(admin, HttpMethod.Post, $"/api/network/initiatives/{initiative.Id}/reopen")).ProblemAsync(409);
        Assert.Equal(HttpStatusCode.Created, (await JoinAsync(coordinator, initiative.Id, "DSV", new() { OfferNote = "Now" })).StatusCode);

        var audit = await (await admin.GetAsync($"/api/audit?entityId={initiative.Id}&pageSize=50", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Contains("network.initiative-close", audit.Items.Select(e => e.Action));
        Assert.Contains("network.initiative-reopen", audit.Items.Select(e => e.Action));
    }

    [Fact]
    public async Task The_list_shows_open_ones_first_and_filters_by_kind_status_and_words()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var word = Guid.NewGuid().ToString("N")[..10];
        var early = await CreateAsync($"Early {word}", InitiativeKind.Platform);
        var late = await CreateAsync($"Late {word}");
        await (await admin.PostAsJsonAsync("/api/network/initiatives", Valid($"Earliest {word}") with { StartsOn = new DateOnly(2030, 1, 1), EndsOn = null }, Json.Options, Ct))
            .ReadAsync<InitiativeResponse>();
        await (await SendAsync(admin, HttpMethod.Post, $"/api/network/initiatives/{early.Id}/close")).ReadAsync<InitiativeResponse>();

        var all = await (await admin.GetAsync($"/api/network/initiatives?q={word}", Ct)).ReadAsync<Paged<InitiativeSummary>>();
        Assert.Equal([$"Earliest {word}", $"Late {word}", $"Early {word}"], all.Items.Select(i => i.TitleEn));
        var platforms = await (await admin.GetAsync($"/api/network/initiatives?q={word}&kind=platform", Ct)).ReadAsync<Paged<InitiativeSummary>>();
        Assert.Equal([early.Id], platforms.Items.Select(i => i.Id));
        var open = await (await admin.GetAsync($"/api/network/initiatives?q={word}&status=open&pageSize=1&page=2", Ct)).ReadAsync<Paged<InitiativeSummary>>();
        Assert.Equal((2, late.Id), (open.Total, open.Items.Single().Id));
        await (await admin.GetAsync("/api/network/initiatives?pageSize=0", Ct)).ProblemAsync(400);
        await (await admin.GetAsync("/api/network/initiatives?kind=party", Ct)).ProblemAsync(400);
    }

    [Fact]
    public async Task The_alumni_day_and_the_mentorship_programme_are_seeded_once()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");

        var alumniDay = await ReadAsync(coordinator, SeedInitiatives.AlumniDayId);
        var mentorship = await ReadAsync(coordinator, SeedInitiatives.MentorshipId);
        Assert.Equal((InitiativeKind.Initiative, DayOfWeek.Saturday), (alumniDay.Kind, alumniDay.StartsOn.DayOfWeek));
        Assert.Equal(InitiativeKind.Platform, mentorship.Kind);
        Assert.Contains("haka", alumniDay.DescriptionSv, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(alumniDay.DescriptionSvHtml);
        Assert.True(mentorship.EndsOn > mentorship.StartsOn);

        var db = api.Services.GetRequiredService<Database>();
        await new SeedInitiatives(db, TimeProvider.System).RunAsync(Ct);
        await new SeedInitiatives(db, TimeProvider.System).RunAsync(Ct);
        await using var session = await db.OpenAsync(Ct);
        var count = await session.ExecuteScalarAsync<long>(Sql.Portable("SELECT COUNT(*) FROM network_initiatives WHERE id IN (@A, @B)"),
            new { A = SeedInitiatives.AlumniDayId, B = SeedInitiatives.MentorshipId }, Ct);
        Assert.Equal(2, count);
        Assert.Equal(alumniDay.Version, (await ReadAsync(coordinator, SeedInitiatives.AlumniDayId)).Version);
    }
}
