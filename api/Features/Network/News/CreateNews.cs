using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.News;

/// <summary>The office posts a news item for the network, now or scheduled for later.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class CreateNews(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateNewsRequest, NewsResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO network_news (id, title_sv, title_en, body_sv, body_en, published_at, created_by, created_at, updated_at, version)
        VALUES (@Id, @TitleSv, @TitleEn, @BodySv, @BodyEn, @PublishedAt, @By, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/network/news");
        Description(b => b
            .WithName("network_createNews")
            .WithSummary("Post a news item")
            .WithDescription("A title and a text (Markdown) in Swedish and English (at least one language whole; each language that has one has both), "
                + "published now unless `publishedAt` says otherwise (a later time keeps it from the network until then). The office (admins) only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<NewsResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateNewsRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(Insert, NewsSql.Arguments(req, id, 1, now, req.PublishedAt ?? now, User.PersonId()), ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.news-create", "network-news", id.ToString()), ct);
        var news = await NewsSql.GetAsync(session, id, now, office: true, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, news.Version);
        await Send.ResponseAsync(news, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateNewsRequest>
    {
        public Validator() => this.AddNewsRules();
    }
}
