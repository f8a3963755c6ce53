using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;

namespace Alumni.Api.Tests.Newsletters;

public sealed class LayoutAndLibraryTestsOnSqlite(SqliteApi api) : LayoutAndLibraryTests(api), IClassFixture<SqliteApi>;

public sealed class LayoutAndLibraryTestsOnSqlServer(SqlServerApi api) : LayoutAndLibraryTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The office's layouts (one default, seeded at start-up) and the library of ready-made messages (seeded; tagged;
/// found by tag and words): admins write, coordinators read.
/// </summary>
public abstract class LayoutAndLibraryTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Put(string path, object body, string? etag) => new HttpRequestMessage(HttpMethod.Put, path)
    {
        Content = JsonContent.Create(body, options: Json.Options),
    }.WithIfMatch(etag);

    private static CreateMessageRequest Message(string title = "Sommarhälsning") => new()
    {
        Title = title,
        SubjectSv = "Glad sommar, {{ member.first_name }}!",
        SubjectEn = "Happy summer, {{ member.first_name }}!",
        BodySv = "Hej!\n\nVi önskar dig en **skön sommar**.",
        BodyEn = "Hello!\n\nWe wish you a **lovely summer**.",
        Tags = ["Sommar", "hälsning", "SOMMAR"],
    };

    [Fact]
    public async Task The_default_layout_is_seeded_and_there_is_always_exactly_one_default()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();

        var layouts = await (await admin.GetAsync("/api/newsletters/layouts", Ct)).ReadAsync<List<LayoutResponse>>();
        var seeded = Assert.Single(layouts, l => l.IsDefault);
        Assert.Equal("Stockholms universitet, 106 91 Stockholm", seeded.PostalAddress);

        var created = await admin.PostAsJsonAsync("/api/newsletters/layouts", new CreateLayoutRequest
        {
            Name = "Institutionen för data- och systemvetenskap",
            HeaderSv = "**DSV** hälsar {{ member.first_name }}",
            FooterEn = "DSV alumni",
            PostalAddress = "DSV, Borgarfjordsgatan 12\n164 55 Kista",
            IsDefault = true,
        }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dsv = await created.ReadAsync<LayoutResponse>();
        Assert.True(dsv.IsDefault);
        layouts = await (await admin.GetAsync("/api/newsletters/layouts", Ct)).ReadAsync<List<LayoutResponse>>();
        Assert.Equal(dsv.Id, Assert.Single(layouts, l => l.IsDefault).Id);

        // The default cannot be turned off, only replaced; a stale version is refused.
        var off = new UpdateLayoutRequest { Id = dsv.Id, Name = dsv.Name, PostalAddress = dsv.PostalAddress, IsDefault = false };
        await (await admin.SendAsync(Put($"/api/newsletters/layouts/{dsv.Id}", off, "\"1\""), Ct)).ProblemAsync(409);
        var back = new UpdateLayoutRequest
        {
            Id = seeded.Id, Name = seeded.Name, HeaderSv = seeded.HeaderSv, HeaderEn = seeded.HeaderEn, FooterSv = seeded.FooterSv, FooterEn = seeded.FooterEn,
            PostalAddress = seeded.PostalAddress, IsDefault = true,
        };
        var current = await admin.GetAsync($"/api/newsletters/layouts/{seeded.Id}", Ct);
        await (await admin.SendAsync(Put($"/api/newsletters/layouts/{seeded.Id}", back, null), Ct)).ProblemAsync(428);
        await (await admin.SendAsync(Put($"/api/newsletters/layouts/{seeded.Id}", back, "\"999\""), Ct)).ProblemAsync(412);
        var updated = await admin.SendAsync(Put($"/api/newsletters/layouts/{seeded.Id}", back, current.Headers.ETag!.Tag), Ct);
        Assert.True((await updated.ReadAsync<LayoutResponse>()).IsDefault);
        layouts = await (await admin.GetAsync("/api/newsletters/layouts", Ct)).ReadAsync<List<LayoutResponse>>();
        Assert.Equal(seeded.Id, Assert.Single(layouts, l => l.IsDefault).Id);
    }

    [Fact]
    public async Task A_layout_is_checked_like_a_mail_and_only_admins_write_it()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var bad = new CreateLayoutRequest { Name = "Trasig", FooterSv = "{{ event.title }} {{ member.salary }}", PostalAddress = "Box {1}" };

        var problem = await (await admin.PostAsJsonAsync("/api/newsletters/layouts", bad, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["footerSv", "postalAddress"], problem.Errors!.Keys.Order(StringComparer.Ordinal));

        var coordinator = await api.CoordinatorAsync("DSV");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/newsletters/layouts", Ct)).StatusCode);
        var good = bad with { FooterSv = null, PostalAddress = "Box 1" };
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/newsletters/layouts", good, Json.Options, Ct)).StatusCode);
        await (await admin.GetAsync($"/api/newsletters/layouts/{Guid.NewGuid()}", Ct)).ProblemAsync(404);
    }

    [Fact]
    public async Task The_library_is_seeded_with_ready_made_messages_in_both_languages()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");

        var page = await (await coordinator.GetAsync("/api/newsletters/messages?q=alumnidagen", Ct)).ReadAsync<Paged<MessageSummary>>();
        var welcome = Assert.Single(page.Items, m => m.Title == "Välkommen till alumnidagen");
        Assert.Contains("Inbjudan", welcome.Tags);
        var whole = await (await coordinator.GetAsync($"/api/newsletters/messages/{welcome.Id}", Ct)).ReadAsync<MessageResponse>();
        Assert.Contains("{{ event.title }}", whole.BodySv, StringComparison.Ordinal);
        Assert.Contains("{{ event.title }}", whole.BodyEn, StringComparison.Ordinal);
        var greeting = await (await coordinator.GetAsync("/api/newsletters/messages?tag=terminsstart", Ct)).ReadAsync<Paged<MessageSummary>>();
        Assert.Equal("Terminsstart", Assert.Single(greeting.Items).Title);
    }

    [Fact]
    public async Task Admins_create_change_and_delete_ready_made_messages_and_coordinators_only_read_them()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var title = "Sommar " + Guid.NewGuid().ToString("N")[..6];

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/newsletters/messages", Message(title), Json.Options, Ct)).StatusCode);
        var response = await admin.PostAsJsonAsync("/api/newsletters/messages", Message(title), Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<MessageResponse>();
        Assert.Equal(["hälsning", "Sommar"], created.Tags);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var found = await (await coordinator.GetAsync($"/api/newsletters/messages?tag=sommar&q={Uri.EscapeDataString(title.ToUpperInvariant())}", Ct)).ReadAsync<Paged<MessageSummary>>();
        Assert.Equal(created.Id, Assert.Single(found.Items).Id);

        var change = new UpdateMessageRequest { Id = created.Id, Title = title, SubjectSv = "Ny rubrik", BodySv = "Ny text", Tags = ["Höst"] };
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.SendAsync(Put($"/api/newsletters/messages/{created.Id}", change, "\"1\""), Ct)).StatusCode);
        var updated = await (await admin.SendAsync(Put($"/api/newsletters/messages/{created.Id}", change, "\"1\""), Ct)).ReadAsync<MessageResponse>();
        Assert.Equal(("Ny rubrik", (string?)null, 2), (updated.SubjectSv, updated.SubjectEn, updated.Version));
        Assert.Equal(["Höst"], updated.Tags);
        await (await admin.SendAsync(Put($"/api/newsletters/messages/{created.Id}", change, "\"1\""), Ct)).ProblemAsync(412);

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.DeleteAsync($"/api/newsletters/messages/{created.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/newsletters/messages/{created.Id}", Ct)).StatusCode);
        await (await coordinator.GetAsync($"/api/newsletters/messages/{created.Id}", Ct)).ProblemAsync(404);
        await (await admin.DeleteAsync($"/api/newsletters/messages/{created.Id}", Ct)).ProblemAsync(404);
    }

    [Fact]
    public async Task A_ready_made_message_with_an_unknown_field_or_no_whole_language_is_refused_naming_the_fields()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var bad = Message() with { SubjectSv = "Hej {{ member.salary }}", SubjectEn = null, Tags = ["<b>"] };

        var problem = await (await admin.PostAsJsonAsync("/api/newsletters/messages", bad, Json.Options, Ct)).ProblemAsync(400);

        Assert.Equal(["subjectEn", "subjectSv", "tags[0]"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("{{ member.salary }}", problem.Errors["subjectSv"][0], StringComparison.Ordinal);
    }
}

internal static class IfMatchExtensions
{
    public static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, string? etag)
    {
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return request;
    }
}
