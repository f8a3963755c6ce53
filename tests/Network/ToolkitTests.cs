using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Features.Network.Toolkit;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Newsletters;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using Alumni.Contracts.Network;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Network;

public sealed class ToolkitTestsOnSqlite(SqliteApi api) : ToolkitTests(api), IClassFixture<SqliteApi>;

public sealed class ToolkitTestsOnSqlServer(SqlServerApi api) : ToolkitTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The network's toolkit: the office writes items whose every change is a new version with a note (the network reads
/// the history and old versions), the list shows when each changed, and an item's placeholders are filled for a
/// department of the reader (its name, code, newest open recruitment link and its QR code, its coordinators), with
/// what has no value left visible and listed.
/// </summary>
public abstract class ToolkitTests(ApiFixture api)
{
    private const string Items = "/api/network/toolkit/items";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Put(string path, object body, string? etag) => new HttpRequestMessage(HttpMethod.Put, path)
    {
        Content = JsonContent.Create(body, options: Json.Options),
    }.WithIfMatch(etag);

    private static CreateToolkitItemRequest Item(string title, string? bodySv = null) => new()
    {
        Kind = ToolkitItemKind.Message,
        TitleSv = title,
        TitleEn = title + " (en)",
        SummarySv = "Kort om det.",
        BodySv = bodySv ?? "Hej från {{department.name}}! Gå med: {{department.recruitment_link}}",
        BodyEn = "Hello from {{ department.name }}! Join: {{department.recruitment_link}}",
        Tags = ["Rekrytering", "rekrytering", "Test"],
    };

    private static UpdateToolkitItemRequest Change(ToolkitItemResponse item, string bodySv, string note) => new()
    {
        Id = item.Id,
        Kind = item.Kind,
        TitleSv = item.TitleSv,
        TitleEn = item.TitleEn,
        SummarySv = item.SummarySv,
        BodySv = bodySv,
        BodyEn = item.BodyEn,
        Tags = item.Tags,
        ChangeNote = note,
    };

    [Fact]
    public async Task Every_change_is_a_new_version_the_network_reads_with_when_who_and_what_changed()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var title = "Versioner " + Guid.NewGuid().ToString("N")[..6];

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync(Items, Item(title), Json.Options, Ct)).StatusCode);
        var created = await admin.PostAsJsonAsync(Items, Item(title), Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var v1 = await created.ReadAsync<ToolkitItemResponse>();
        Assert.Equal((1, 1, "\"1\""), (v1.CurrentVersion, v1.Version, created.Headers.ETag?.Tag));
        Assert.Equal(["Rekrytering", "Test"], v1.Tags);
        Assert.Equal(ApiFixture.AdminEmail, v1.ChangedBy);

        var first = Change(v1, "Andra texten från {{department.name}}.", "Kortare text");
        await (await admin.SendAsync(Put($"{Items}/{v1.Id}", first, null), Ct)).ProblemAsync(428);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.SendAsync(Put($"{Items}/{v1.Id}", first, "\"1\""), Ct)).StatusCode);
        var v2 = await (await admin.SendAsync(Put($"{Items}/{v1.Id}", first, "\"1\""), Ct)).ReadAsync<ToolkitItemResponse>();
        Assert.Equal((2, "Kortare text", "Andra texten från {{department.name}}."), (v2.CurrentVersion, v2.ChangeNote, v2.BodySv));
        await (await admin.SendAsync(Put($"{Items}/{v1.Id}", Change(v1, "Gammal", "Inaktuell"), "\"1\""), Ct)).ProblemAsync(412);
        var noNote = await (await admin.SendAsync(Put($"{Items}/{v1.Id}", Change(v2, "Tredje", " "), "\"2\""), Ct)).ProblemAsync(400);
        Assert.Contains("changeNote", noNote.Errors!.Keys);
        var v3 = await (await admin.SendAsync(Put($"{Items}/{v1.Id}", Change(v2, "Tredje texten.", "Ny länktext"), "\"2\""), Ct)).ReadAsync<ToolkitItemResponse>();
        Assert.Equal(3, v3.CurrentVersion);

        // The network reads the current version, the history (newest first) and an old version as it was.
        var current = await (await coordinator.GetAsync($"{Items}/{v1.Id}", Ct)).ReadAsync<ToolkitItemResponse>();
        Assert.Equal(("Tredje texten.", 3, "Ny länktext"), (current.BodySv, current.CurrentVersion, current.ChangeNote));
        var history = await (await coordinator.GetAsync($"{Items}/{v1.Id}/versions", Ct)).ReadAsync<List<ToolkitItemVersionSummary>>();
        Assert.Equal([3, 2, 1], history.Select(v => v.Number));
        Assert.Equal(["Ny länktext", "Kortare text", null], history.Select(v => v.ChangeNote));
        Assert.All(history, v => Assert.Equal(ApiFixture.AdminEmail, v.CreatedBy));
        Assert.True(history[0].CreatedAt >= history[1].CreatedAt && history[1].CreatedAt >= history[2].CreatedAt);
        var old = await (await coordinator.GetAsync($"{Items}/{v1.Id}/versions/1", Ct)).ReadAsync<ToolkitItemVersionResponse>();
        Assert.Equal((1, v1.BodySv, (string?)null), (old.Number, old.BodySv, old.ChangeNote));
        await (await coordinator.GetAsync($"{Items}/{v1.Id}/versions/4", Ct)).ProblemAsync(404);

        // The list shows the current texts and when the item last changed; it is found by words of its current body only.
        var found = await (await coordinator.GetAsync($"{Items}?q={Uri.EscapeDataString("tredje TEXTEN")}&tag=TEST&kind=message", Ct)).ReadAsync<Paged<ToolkitItemSummary>>();
        var summary = Assert.Single(found.Items, i => i.Id == v1.Id);
        Assert.Equal((3, v3.ChangedAt, title), (summary.CurrentVersion, summary.ChangedAt, summary.TitleSv));
        var stale = await (await coordinator.GetAsync($"{Items}?q={Uri.EscapeDataString("Andra texten")}", Ct)).ReadAsync<Paged<ToolkitItemSummary>>();
        Assert.DoesNotContain(stale.Items, i => i.Id == v1.Id);
        var since = Uri.EscapeDataString(v3.ChangedAt.AddSeconds(1).ToString("O"));
        var later = await (await coordinator.GetAsync($"{Items}?changedSince={since}", Ct)).ReadAsync<Paged<ToolkitItemSummary>>();
        Assert.DoesNotContain(later.Items, i => i.Id == v1.Id);
        var guides = await (await coordinator.GetAsync($"{Items}?kind=guide&tag=test", Ct)).ReadAsync<Paged<ToolkitItemSummary>>();
        Assert.DoesNotContain(guides.Items, i => i.Id == v1.Id);

        // Archived: out of the network's toolkit, kept for the office, and back again.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync($"{Items}/{v1.Id}/archive", null, Ct)).StatusCode);
        var archived = await (await admin.PostAsync($"{Items}/{v1.Id}/archive", null, Ct)).ReadAsync<ToolkitItemResponse>();
        Assert.NotNull(archived.ArchivedAt);
        await (await admin.PostAsync($"{Items}/{v1.Id}/archive", null, Ct)).ProblemAsync(409);
        await (await coordinator.GetAsync($"{Items}/{v1.Id}", Ct)).ProblemAsync(404);
        await (await coordinator.GetAsync($"{Items}/{v1.Id}/versions", Ct)).ProblemAsync(404);
        await (await coordinator.GetAsync($"{Items}?archived=true", Ct)).ProblemAsync(403);
        var inUse = await (await coordinator.GetAsync($"{Items}?tag=test", Ct)).ReadAsync<Paged<ToolkitItemSummary>>();
        Assert.DoesNotContain(inUse.Items, i => i.Id == v1.Id);
        var kept = await (await admin.GetAsync($"{Items}?archived=true&tag=test", Ct)).ReadAsync<Paged<ToolkitItemSummary>>();
        Assert.Contains(kept.Items, i => i.Id == v1.Id);
        var back = await (await admin.PostAsync($"{Items}/{v1.Id}/unarchive", null, Ct)).ReadAsync<ToolkitItemResponse>();
        Assert.Null(back.ArchivedAt);
        Assert.Equal(3, back.CurrentVersion);
        await (await admin.PostAsync($"{Items}/{v1.Id}/unarchive", null, Ct)).ProblemAsync(409);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"{Items}/{v1.Id}", Ct)).StatusCode);

        var audit = await (await admin.GetAsync($"/api/audit?entityId={v1.Id}&pageSize=20", Ct)).Content.ReadAsStringAsync(Ct);
        foreach (var action in new[] { "network.toolkit-item-create", "network.toolkit-item-update", "network.toolkit-item-archive", "network.toolkit-item-unarchive" })
        {
            Assert.Contains(action, audit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_placeholder_or_an_item_without_a_whole_language_is_refused_naming_the_field()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();

        var unknown = Item("Okänd", "Hej {{department.name}} och {{ member.first_name }}!") with { SummaryEn = "For {{coordinator.title}}" };
        var problem = await (await admin.PostAsJsonAsync(Items, unknown, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["bodySv", "summaryEn"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("{{member.first_name}}", problem.Errors["bodySv"][0], StringComparison.Ordinal);
        Assert.Contains("{{coordinator.title}}", problem.Errors["summaryEn"][0], StringComparison.Ordinal);

        var half = new CreateToolkitItemRequest { Kind = ToolkitItemKind.Guide, TitleSv = "Bara rubrik", BodyEn = "Only a body" };
        var halfProblem = await (await admin.PostAsJsonAsync(Items, half, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["bodySv"], halfProblem.Errors!.Keys);
        var english = new CreateToolkitItemRequest { Kind = ToolkitItemKind.Guide, TitleEn = "English only", BodyEn = "Whole in English." };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(Items, english, Json.Options, Ct)).StatusCode);
    }

    [Fact]
    public async Task Placeholders_are_filled_for_the_readers_department_and_what_has_no_value_stays_visible_and_listed()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var email = $"toolkit-{Guid.NewGuid():N}"[..20] + "@alumni.test";
        var user = await Infrastructure.Identity.GrantDepartmentsAsync(admin, email, "PSY");
        var coordinator = await api.SignedInAsync(email);
        var other = await api.CoordinatorAsync("ECON");
        var item = await (await admin.PostAsJsonAsync(Items, new CreateToolkitItemRequest
        {
            Kind = ToolkitItemKind.Template,
            TitleSv = "Signatur för {{department.code}}",
            TitleEn = "Signature for {{department.code}}",
            BodySv = "{{coordinator.name}}, {{department.name}} | {{coordinator.email}} | {{coordinator.phone}}\nBli medlem: {{department.recruitment_link}}\n![QR]({{department.recruitment_qr}})",
            BodyEn = "{{coordinator.name}}, {{department.name}} | {{coordinator.email}}\nJoin: {{department.recruitment_link}}",
        }, Json.Options, Ct)).ReadAsync<ToolkitItemResponse>();

        // No recruitment campaign and no contact details yet (the coordinator's assignment has none; their name is their
        // address): every such placeholder is a visible marker and listed.
        var bare = await (await coordinator.GetAsync($"{Items}/{item.Id}/filled", Ct)).ReadAsync<FilledToolkitItemResponse>();
        Assert.Equal("PSY", bare.Department.Code);
        Assert.Equal(("Signatur för PSY", "Signature for PSY"), (bare.TitleSv, bare.TitleEn));
        Assert.Equal(
            [ToolkitPlaceholders.CoordinatorEmail, ToolkitPlaceholders.CoordinatorPhone, ToolkitPlaceholders.RecruitmentLink, ToolkitPlaceholders.RecruitmentQr],
            bare.Missing);
        Assert.Contains("[saknas: department.recruitment_link]", bare.BodySv, StringComparison.Ordinal);
        Assert.Contains("[missing: coordinator.email]", bare.BodyEn, StringComparison.Ordinal);
        Assert.StartsWith($"{email}, Department of Psychology", bare.BodyEn, StringComparison.Ordinal);
        Assert.Contains("Psykologiska institutionen", bare.BodySv, StringComparison.Ordinal);
        Assert.Contains("Department of Psychology", bare.BodyEn, StringComparison.Ordinal);
        Assert.Null(bare.RecruitmentLink);
        await (await coordinator.GetAsync($"/api/network/toolkit/qr?department=PSY", Ct)).ProblemAsync(404);

        // A campaign (closed ones and older ones do not count), and the coordinator's contact details on their assignment.
        var older = await (await coordinator.PostAsJsonAsync("/api/recruitment/campaigns", new CreateCampaignRequest { DepartmentCode = "PSY", Channel = "LinkedIn", Label = "Äldre" }, Json.Options, Ct)).ReadAsync<CampaignResponse>();
        var newest = await (await coordinator.PostAsJsonAsync("/api/recruitment/campaigns", new CreateCampaignRequest { DepartmentCode = "PSY", Channel = "Examen", Label = "Nyast" }, Json.Options, Ct)).ReadAsync<CampaignResponse>();
        var closed = await (await coordinator.PostAsJsonAsync("/api/recruitment/campaigns", new CreateCampaignRequest { DepartmentCode = "PSY", Channel = "Kurs", Label = "Stängd" }, Json.Options, Ct)).ReadAsync<CampaignResponse>();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/recruitment/campaigns/{closed.Id}/close", null, Ct)).StatusCode);
        await SetContactsAsync(admin, user.Id, "PSY", "psy-alumni@alumni.test", "08-16 20 00");

        var filled = await (await coordinator.GetAsync($"{Items}/{item.Id}/filled?department=psy", Ct)).ReadAsync<FilledToolkitItemResponse>();
        Assert.Empty(filled.Missing);
        Assert.NotNull(filled.RecruitmentLink);
        Assert.EndsWith($"/join/{newest.Token}", filled.RecruitmentLink, StringComparison.Ordinal);
        Assert.DoesNotContain(older.Token, filled.BodySv, StringComparison.Ordinal);
        Assert.Equal(
            $"{email}, Psykologiska institutionen | psy-alumni@alumni.test | 08-16 20 00\nBli medlem: {filled.RecruitmentLink}\n![QR]({filled.RecruitmentQrUrl})",
            filled.BodySv);
        Assert.EndsWith("/api/network/toolkit/qr?department=PSY", filled.RecruitmentQrUrl, StringComparison.Ordinal);
        var qr = await coordinator.GetAsync("/api/network/toolkit/qr?department=PSY", Ct);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await qr.Content.ReadAsByteArrayAsync(Ct))[..4]);

        // Another department's coordinator may not fill for a department not theirs; an unknown code is a 400; an admin fills for any.
        await (await other.GetAsync($"{Items}/{item.Id}/filled?department=PSY", Ct)).ProblemAsync(403);
        await (await other.GetAsync("/api/network/toolkit/qr?department=PSY", Ct)).ProblemAsync(403);
        Assert.Equal("ECON", (await (await other.GetAsync($"{Items}/{item.Id}/filled", Ct)).ReadAsync<FilledToolkitItemResponse>()).Department.Code);
        var noSuch = await (await coordinator.GetAsync($"{Items}/{item.Id}/filled?department=NOPE", Ct)).ProblemAsync(400);
        Assert.Contains("department", noSuch.Errors!.Keys);
        var forAdmin = await (await admin.GetAsync($"{Items}/{item.Id}/filled?department=PSY", Ct)).ReadAsync<FilledToolkitItemResponse>();
        Assert.Equal(filled.BodySv, forAdmin.BodySv);
    }

    [Fact]
    public async Task The_toolkit_is_seeded_with_the_four_ready_messages_in_both_languages_using_known_placeholders()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");

        var page = await (await coordinator.GetAsync($"{Items}?tag=rekrytering&pageSize=100", Ct)).ReadAsync<Paged<ToolkitItemSummary>>();
        foreach (var seed in SeedToolkitItems.Items)
        {
            var summary = Assert.Single(page.Items, i => i.TitleSv == seed.TitleSv);
            var item = await (await coordinator.GetAsync($"{Items}/{summary.Id}", Ct)).ReadAsync<ToolkitItemResponse>();
            Assert.Equal(seed.TitleEn, item.TitleEn);
            Assert.Contains("{{department.recruitment_link}}", item.BodySv, StringComparison.Ordinal);
            Assert.Contains("{{department.recruitment_link}}", item.BodyEn, StringComparison.Ordinal);
            Assert.Empty(ToolkitPlaceholders.Unknown(item.BodySv).Concat(ToolkitPlaceholders.Unknown(item.BodyEn)));
        }

        Assert.Equal(4, SeedToolkitItems.Items.Count);
    }

    /// <summary>Gives the person's assignment to the department these contact details, through the assignments' endpoint.</summary>
    private static async Task SetContactsAsync(HttpClient admin, Guid userId, string code, string email, string phone)
    {
        var current = Assert.Single((await (await admin.GetAsync($"/api/network/assignments?userId={userId}&departmentCode={code}", Ct))
            .ReadAsync<Paged<AssignmentResponse>>()).Items);
        var body = new UpdateAssignmentRequest { Id = current.Id, Kind = CoordinatorKind.Formal, ContactEmail = email, ContactPhone = phone };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/network/assignments/{current.Id}") { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{current.Version}\"");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(request, Ct)).StatusCode);
    }
}
