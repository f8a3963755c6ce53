using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Newsletters;
using Alumni.Contracts;
using Alumni.Contracts.Network;

namespace Alumni.Api.Tests.Network;

public sealed class NewsTestsOnSqlite(SqliteApi api) : NewsTests(api), IClassFixture<SqliteApi>;

public sealed class NewsTestsOnSqlServer(SqlServerApi api) : NewsTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The office's news for the network: bilingual, published now or scheduled (hidden from the network until then),
/// changed under If-Match, archived out of the list; coordinators read, only admins write; every write audited.
/// </summary>
public abstract class NewsTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Put(string path, object body, string? etag) => new HttpRequestMessage(HttpMethod.Put, path)
    {
        Content = JsonContent.Create(body, options: Json.Options),
    }.WithIfMatch(etag);

    private static CreateNewsRequest News(string title, DateTimeOffset? publishedAt = null) => new()
    {
        TitleSv = title,
        TitleEn = title + " (en)",
        BodySv = "Nytt om **alumnidagen**.\n\nSe [programmet](https://www.su.se/alumn).",
        BodyEn = "News about the **alumni day**.",
        PublishedAt = publishedAt,
    };

    [Fact]
    public async Task The_office_posts_news_the_network_reads_it_newest_first_and_archived_items_leave_the_list()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var tag = Guid.NewGuid().ToString("N")[..6];

        var response = await admin.PostAsJsonAsync("/api/network/news", News("Först " + tag), Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var first = await response.ReadAsync<NewsResponse>();
        Assert.False(first.Scheduled);
        Assert.Contains("<strong>alumnidagen</strong>", first.BodySvHtml, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.AuthorName));
        var second = await (await admin.PostAsJsonAsync("/api/network/news", News("Sedan " + tag), Json.Options, Ct)).ReadAsync<NewsResponse>();

        var page = await (await coordinator.GetAsync("/api/network/news?pageSize=100", Ct)).ReadAsync<Paged<NewsResponse>>();
        var ids = page.Items.Select(n => n.Id).ToList();
        Assert.True(ids.IndexOf(second.Id) >= 0 && ids.IndexOf(second.Id) < ids.IndexOf(first.Id));
        Assert.Equal("Först " + tag, (await (await coordinator.GetAsync($"/api/network/news/{first.Id}", Ct)).ReadAsync<NewsResponse>()).TitleSv);

        var change = new UpdateNewsRequest { Id = first.Id, TitleSv = "Ändrad " + tag, BodySv = "Ny text" };
        var path = $"/api/network/news/{first.Id}";
        await (await admin.SendAsync(Put(path, change, null), Ct)).ProblemAsync(428);
        var updated = await (await admin.SendAsync(Put(path, change, "\"1\""), Ct)).ReadAsync<NewsResponse>();
        Assert.Equal(("Ändrad " + tag, (string?)null, 2, first.PublishedAt), (updated.TitleSv, updated.TitleEn, updated.Version, updated.PublishedAt));
        await (await admin.SendAsync(Put(path, change, "\"1\""), Ct)).ProblemAsync(412);

        var archived = await (await admin.PostAsync($"/api/network/news/{first.Id}/archive", null, Ct)).ReadAsync<NewsResponse>();
        Assert.NotNull(archived.ArchivedAt);
        await (await admin.PostAsync($"/api/network/news/{first.Id}/archive", null, Ct)).ProblemAsync(409);
        await (await admin.SendAsync(Put(path, change, "\"3\""), Ct)).ProblemAsync(409);
        page = await (await coordinator.GetAsync("/api/network/news?pageSize=100", Ct)).ReadAsync<Paged<NewsResponse>>();
        Assert.DoesNotContain(page.Items, n => n.Id == first.Id);
        await (await coordinator.GetAsync($"/api/network/news/{first.Id}", Ct)).ProblemAsync(404);

        var actions = await NewsletterData.QueryAsync<string>(api, "SELECT action FROM audit_log WHERE entity_type = 'network-news' AND entity_id = @Id ORDER BY action",
            new { Id = first.Id.ToString() });
        Assert.Equal(["network.news-archive", "network.news-create", "network.news-update"], actions);
    }

    [Fact]
    public async Task A_scheduled_item_is_hidden_from_the_network_until_its_time()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");

        var later = await (await admin.PostAsJsonAsync("/api/network/news", News("Senare", DateTimeOffset.UtcNow.AddDays(2)), Json.Options, Ct)).ReadAsync<NewsResponse>();
        Assert.True(later.Scheduled);

        var theirs = await (await coordinator.GetAsync("/api/network/news?pageSize=100", Ct)).ReadAsync<Paged<NewsResponse>>();
        Assert.DoesNotContain(theirs.Items, n => n.Id == later.Id);
        await (await coordinator.GetAsync($"/api/network/news/{later.Id}", Ct)).ProblemAsync(404);
        var office = await (await admin.GetAsync("/api/network/news?pageSize=100", Ct)).ReadAsync<Paged<NewsResponse>>();
        Assert.True(Assert.Single(office.Items, n => n.Id == later.Id).Scheduled);

        // Published now: the network sees it.
        var now = new UpdateNewsRequest { Id = later.Id, TitleSv = later.TitleSv, BodySv = later.BodySv, PublishedAt = DateTimeOffset.UtcNow.AddMinutes(-1) };
        Assert.False((await (await admin.SendAsync(Put($"/api/network/news/{later.Id}", now, "\"1\""), Ct)).ReadAsync<NewsResponse>()).Scheduled);
        theirs = await (await coordinator.GetAsync("/api/network/news?pageSize=100", Ct)).ReadAsync<Paged<NewsResponse>>();
        Assert.Contains(theirs.Items, n => n.Id == later.Id);
    }

    [Fact]
    public async Task Only_the_office_writes_and_an_item_needs_one_language_whole()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/network/news", News("Min nyhet"), Json.Options, Ct)).StatusCode);
        var item = await (await admin.PostAsJsonAsync("/api/network/news", News("Kontorets"), Json.Options, Ct)).ReadAsync<NewsResponse>();
        var change = new UpdateNewsRequest { Id = item.Id, TitleSv = "Kapad", BodySv = "Kapad" };
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.SendAsync(Put($"/api/network/news/{item.Id}", change, "\"1\""), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync($"/api/network/news/{item.Id}/archive", null, Ct)).StatusCode);

        var empty = await (await admin.PostAsJsonAsync("/api/network/news", new CreateNewsRequest(), Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["titleSv"], empty.Errors!.Keys);
        var halves = await (await admin.PostAsJsonAsync("/api/network/news", new CreateNewsRequest { TitleSv = "Rubrik", BodyEn = "Text" }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["bodySv", "titleEn"], halves.Errors!.Keys.Order(StringComparer.Ordinal));
        await (await admin.PostAsJsonAsync("/api/network/news", new CreateNewsRequest { TitleSv = "<b>Rubrik</b>", BodySv = "Text" }, Json.Options, Ct)).ProblemAsync(400);
        await (await admin.GetAsync($"/api/network/news/{Guid.NewGuid()}", Ct)).ProblemAsync(404);
        Assert.Equal(1, (await (await coordinator.GetAsync($"/api/network/news/{item.Id}", Ct)).ReadAsync<NewsResponse>()).Version);
    }
}
