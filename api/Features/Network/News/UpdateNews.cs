using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.News;

/// <summary>The office changes a news item, guarded by its version (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class UpdateNews(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateNewsRequest, NewsResponse>
{
    private static readonly Sql Update = Sql.Portable("""
        UPDATE network_news
        SET title_sv = @TitleSv, title_en = @TitleEn, body_sv = @BodySv, body_en = @BodyEn, published_at = @PublishedAt,
            updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND archived_at IS NULL
        """);

    public override void Configure()
    {
        Put("/network/news/{id}");
        Description(b => b
            .WithName("network_updateNews")
            .WithSummary("Update a news item")
            .WithDescription("Replaces its texts; `publishedAt` left out keeps the time it has. An archived item is a 409. Send the ETag in If-Match: "
                + "a stale one gets 412, none 428. The office (admins) only.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateNewsRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var current = await NewsSql.GetAsync(session, req.Id, now, office: true, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (current.ArchivedAt is not null)
        {
            throw ProblemException.Conflict(Texts.Get("network.news.archivedCannotChange"));
        }

        Preconditions.Changed(await session.ExecuteAsync(Update, NewsSql.Arguments(req, req.Id, version, now, req.PublishedAt ?? current.PublishedAt, null), ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.news-update", "network-news", req.Id.ToString()), ct);
        var news = await NewsSql.GetAsync(session, req.Id, now, office: true, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, news.Version);
        await Send.OkAsync(news, ct);
    }

    public sealed class Validator : Validator<UpdateNewsRequest>
    {
        public Validator() => this.AddNewsRules();
    }
}
