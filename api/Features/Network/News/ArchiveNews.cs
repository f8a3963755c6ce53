using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.News;

/// <summary>The office archives a news item: the network no longer lists it.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class ArchiveNews(Database db, IAuditLog audit, TimeProvider time) : Endpoint<NewsByIdRequest, NewsResponse>
{
    private static readonly Sql Archive = Sql.Portable("""
        UPDATE network_news SET archived_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND archived_at IS NULL
        """);

    public override void Configure()
    {
        Post("/network/news/{id}/archive");
        Description(b => b
            .WithName("network_archiveNews")
            .WithSummary("Archive a news item")
            .WithDescription("Takes it out of the network's list (it stays in the record). An item already archived is a 409. The office (admins) only.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(NewsByIdRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        await NewsSql.GetAsync(session, req.Id, now, office: true, ct);
        if (await session.ExecuteAsync(Archive, new { req.Id, Now = now }, ct) == 0)
        {
            throw ProblemException.Conflict(Texts.Get("network.news.alreadyArchived"));
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.news-archive", "network-news", req.Id.ToString()), ct);
        var news = await NewsSql.GetAsync(session, req.Id, now, office: true, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, news.Version);
        await Send.OkAsync(news, ct);
    }
}
