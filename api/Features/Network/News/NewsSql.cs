using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.News;

/// <summary>The SQL the news' use cases share.</summary>
internal static class NewsSql
{
    /// <summary>The columns of <see cref="NewsResponse"/> (without the HTML), from <c>network_news n</c> and <c>caller_names c</c>.</summary>
    public const string Columns = """
        SELECT n.id AS Id, n.title_sv AS TitleSv, n.title_en AS TitleEn, n.body_sv AS BodySv, n.body_en AS BodyEn,
               n.published_at AS PublishedAt, c.name AS AuthorName, n.created_at AS CreatedAt, n.updated_at AS UpdatedAt,
               n.archived_at AS ArchivedAt, n.version AS Version
        """;

    public const string From = "network_news n LEFT JOIN caller_names c ON c.id = n.created_by";

    public static readonly Sql ById = Sql.Portable(Columns + $"""

        FROM {From}
        WHERE n.id = @Id
        """);

    /// <summary>
    /// The item with its bodies as safe HTML; 404 when there is none, and for a reader who is not of the office when it
    /// is archived or still scheduled (the network does not see it yet).
    /// </summary>
    public static async Task<NewsResponse> GetAsync(DbSession session, Guid id, DateTimeOffset now, bool office, CancellationToken ct)
    {
        var news = await session.QuerySingleOrDefaultAsync<NewsResponse>(ById, new { Id = id }, ct);
        if (news is null || (!office && (news.ArchivedAt is not null || news.PublishedAt > now)))
        {
            throw ProblemException.NotFound(Texts.Get("network.news.noNewsWithThatId"));
        }

        return Shown(news, now);
    }

    /// <summary>The item as answered: its bodies as safe HTML and whether it is still scheduled.</summary>
    public static NewsResponse Shown(NewsResponse news, DateTimeOffset now) => news with
    {
        BodySvHtml = Markdown.ToSafeHtml(news.BodySv),
        BodyEnHtml = Markdown.ToSafeHtml(news.BodyEn),
        Scheduled = news.PublishedAt > now,
    };

    /// <summary>The fields as stored (trimmed, blanks none).</summary>
    public static object Arguments(NewsInput input, Guid id, int version, DateTimeOffset now, DateTimeOffset publishedAt, Guid? by) => new
    {
        Id = id,
        Version = version,
        Now = now,
        By = by,
        PublishedAt = publishedAt,
        TitleSv = TextRules.Clean(input.TitleSv),
        TitleEn = TextRules.Clean(input.TitleEn),
        BodySv = Body(input.BodySv),
        BodyEn = Body(input.BodyEn),
    };

    /// <summary>Markdown keeps its inner line breaks and indentation; only blank ends go.</summary>
    private static string? Body(string? body) => string.IsNullOrWhiteSpace(body) ? null : body.Trim('\r', '\n').TrimEnd();
}

/// <summary>The rules of a news item's fields.</summary>
internal static class NewsRules
{
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10_000;

    public static void AddNewsRules<T>(this Validator<T> validator) where T : NewsInput
    {
        validator.RuleFor(r => r.TitleSv).IsOptionalText(TitleMaxLength);
        validator.RuleFor(r => r.TitleEn).IsOptionalText(TitleMaxLength);
        validator.RuleFor(r => r.BodySv).Must(t => t is null || t.Length <= BodyMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", BodyMaxLength));
        validator.RuleFor(r => r.BodyEn).Must(t => t is null || t.Length <= BodyMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", BodyMaxLength));
        validator.RuleFor(r => r).Custom((r, context) =>
        {
            var sv = (Title: !string.IsNullOrWhiteSpace(r.TitleSv), Body: !string.IsNullOrWhiteSpace(r.BodySv));
            var en = (Title: !string.IsNullOrWhiteSpace(r.TitleEn), Body: !string.IsNullOrWhiteSpace(r.BodyEn));
            if (!sv.Title && !sv.Body && !en.Title && !en.Body)
            {
                context.AddFailure("titleSv", Texts.Get("network.news.writeATitleAndText"));
                return;
            }

            Whole(context, sv, "titleSv", "bodySv");
            Whole(context, en, "titleEn", "bodyEn");
        });
    }

    /// <summary>A language with a title has a text, and one with a text has a title.</summary>
    private static void Whole<T>(FluentValidation.ValidationContext<T> context, (bool Title, bool Body) language, string title, string body)
    {
        if (language.Body && !language.Title)
        {
            context.AddFailure(title, Texts.Get("network.news.writeATitle"));
        }
        else if (language.Title && !language.Body)
        {
            context.AddFailure(body, Texts.Get("network.news.writeAText"));
        }
    }
}
