using Alumni.Api.Features.Newsletters.Rendering;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Layouts;

/// <summary>The SQL and rules the layout use cases share.</summary>
internal static class LayoutSql
{
    /// <summary>The columns of <see cref="LayoutResponse"/>, from <c>newsletter_layouts l</c>.</summary>
    public const string Columns = """
        SELECT l.id AS Id, l.name AS Name, l.header_sv AS HeaderSv, l.header_en AS HeaderEn, l.footer_sv AS FooterSv,
               l.footer_en AS FooterEn, l.postal_address AS PostalAddress, l.is_default AS IsDefault,
               l.created_at AS CreatedAt, l.updated_at AS UpdatedAt, l.version AS Version
        """;

    public static readonly Sql ById = Sql.Portable(Columns + """

        FROM newsletter_layouts l
        WHERE l.id = @Id
        """);

    /// <summary>Another layout stops being the default when this one becomes it.</summary>
    public static readonly Sql ClearOtherDefaults = Sql.Portable("""
        UPDATE newsletter_layouts SET is_default = 0, updated_at = @Now, version = version + 1
        WHERE is_default = 1 AND id <> @Id
        """);

    public static async Task<LayoutResponse> GetAsync(DbSession session, Guid id, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<LayoutResponse>(ById, new { Id = id }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("newsletters.noLayoutWithThatId"));

    /// <summary>The fields as stored (trimmed, blanks none), with the id, the version expected and the time.</summary>
    public static object Arguments(LayoutInput input, Guid id, int version, DateTimeOffset now) => new
    {
        Id = id,
        Version = version,
        Now = now,
        Name = input.Name.Trim(),
        HeaderSv = TextRules.Clean(input.HeaderSv),
        HeaderEn = TextRules.Clean(input.HeaderEn),
        FooterSv = TextRules.Clean(input.FooterSv),
        FooterEn = TextRules.Clean(input.FooterEn),
        PostalAddress = input.PostalAddress.Trim(),
        input.IsDefault,
    };
}

/// <summary>The rules of a layout's fields.</summary>
internal static class LayoutRules
{
    public const int MarkdownMaxLength = 4000;
    public const int PostalAddressMaxLength = 500;

    public static void AddLayoutRules<T>(this Validator<T> validator) where T : LayoutInput
    {
        validator.RuleFor(r => r.Name).IsName();
        foreach (var field in new System.Linq.Expressions.Expression<Func<T, string?>>[] { r => r.HeaderSv, r => r.HeaderEn, r => r.FooterSv, r => r.FooterEn })
        {
            validator.RuleFor(field).Must(t => t is null || t.Trim().Length <= MarkdownMaxLength)
                .WithMessage(_ => Texts.Get("common.useAtMostCharacters", MarkdownMaxLength));
        }

        validator.RuleFor(r => r.PostalAddress).IsText(PostalAddressMaxLength).Must(a => !TextRules.HasMarkup(a))
            .WithMessage(_ => Texts.Get("common.cannotContainOr"));
        validator.RuleFor(r => r).Custom((r, context) =>
        {
            foreach (var (field, messages) in NewsletterRenderer.Problems(new MailLayout(r.HeaderSv, r.HeaderEn, r.FooterSv, r.FooterEn, r.PostalAddress)))
            {
                foreach (var message in messages)
                {
                    context.AddFailure(field, message);
                }
            }
        });
    }
}
