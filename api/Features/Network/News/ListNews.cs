using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.News;

/// <summary>The network's news, newest first: published and not archived (the office also sees its scheduled ones).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class ListNews(Database db, TimeProvider time) : Endpoint<ListNewsRequest, Paged<NewsResponse>>
{
    public override void Configure()
    {
        Get("/network/news");
        Description(b => b
            .WithName("network_listNews")
            .WithSummary("List the network's news")
            .WithDescription("Newest first, archived items left out. Coordinators (and keys) see what is published; the office (admins) also sees the "
                + "items scheduled for later, marked `scheduled`, at the top. The total is exact up to 1,000."));
    }

    public override async Task HandleAsync(ListNewsRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.OpenAsync(ct);
        var page = await Query(now, User.IsAdmin()).ReadAsync<NewsResponse>(session, req, ct);
        await Send.OkAsync(page with { Items = page.Items.Select(n => NewsSql.Shown(n, now)).ToList() }, ct);
    }

    /// <summary>The page: not archived, and for the network only what is published by now.</summary>
    internal static PagedQuery Query(DateTimeOffset now, bool office) => new(
        NewsSql.Columns,
        NewsSql.From,
        new SqlConditions()
            .Add("n.archived_at IS NULL")
            .Add("n.published_at <= @Now", "Now", office ? null : now),
        "n.published_at DESC, n.id DESC");

    public sealed class Validator : Validator<ListNewsRequest>
    {
        public Validator() => this.ValidatePage();
    }
}
