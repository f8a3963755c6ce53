using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.News;

/// <summary>One news item, with its version.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetNews(Database db, TimeProvider time) : Endpoint<NewsByIdRequest, NewsResponse>
{
    public override void Configure()
    {
        Get("/network/news/{id}");
        Description(b => b
            .WithName("network_getNews")
            .WithSummary("Get a news item")
            .WithDescription("With its bodies as Markdown and safe HTML and its version (the ETag). An item still scheduled or archived is a 404 "
                + "for everyone but the office (admins).")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(NewsByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var news = await NewsSql.GetAsync(session, req.Id, time.GetUtcNow(), User.IsAdmin(), ct);
        Preconditions.SetETag(HttpContext, news.Version);
        await Send.OkAsync(news, ct);
    }
}
