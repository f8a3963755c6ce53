using Alumni.Api.Features.Newsletters.Rendering;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Library;

/// <summary>The SQL and rules the library's use cases share.</summary>
internal static class MessageSql
{
    /// <summary>The columns of <see cref="MessageResponse"/> (without tags), from <c>newsletter_messages m</c>.</summary>
    public const string Columns = """
        SELECT m.id AS Id, m.title AS Title, m.subject_sv AS SubjectSv, m.subject_en AS SubjectEn,
               m.preheader_sv AS PreheaderSv, m.preheader_en AS PreheaderEn, m.body_sv AS BodySv, m.body_en AS BodyEn,
               m.created_at AS CreatedAt, m.updated_at AS UpdatedAt, m.version AS Version
        """;

    public static readonly Sql ById = Sql.Portable(Columns + """

        FROM newsletter_messages m
        WHERE m.id = @Id
        """);

    public static readonly Sql TagsOf = Sql.Portable("""
        SELECT t.message_id AS MessageId, t.tag AS Tag FROM newsletter_message_tags t WHERE t.message_id IN @Ids ORDER BY t.tag_key
        """);

    public static readonly Sql DeleteTags = Sql.Portable("DELETE FROM newsletter_message_tags WHERE message_id = @Id");

    public static readonly Sql InsertTag = Sql.Portable("INSERT INTO newsletter_message_tags (message_id, tag, tag_key) VALUES (@Id, @Tag, @TagKey)");

    /// <summary>The message with its tags; 404 when there is none.</summary>
    public static async Task<MessageResponse> GetAsync(Database db, DbSession session, Guid id, CancellationToken ct)
    {
        var message = await session.QuerySingleOrDefaultAsync<MessageResponse>(ById, new { Id = id }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.noMessageWithThatId"));
        return message with { Tags = (await TagsAsync(db, session, [id], ct))[id].ToList() };
    }

    /// <summary>The tags of these messages, in their order.</summary>
    public static async Task<ILookup<Guid, string>> TagsAsync(Database db, DbSession session, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0
            ? Array.Empty<TagRow>().ToLookup(t => t.MessageId, t => t.Tag)
            : (await session.QueryAsync<TagRow>(TagsOf, new { Ids = db.Ids(ids) }, ct)).ToLookup(t => t.MessageId, t => t.Tag);

    /// <summary>Replaces the message's tags (matched without regard to case; the first spelling kept).</summary>
    public static async Task SetTagsAsync(DbSession session, Guid id, IEnumerable<string> tags, CancellationToken ct)
    {
        await session.ExecuteAsync(DeleteTags, new { Id = id }, ct);
        foreach (var tag in tags.Select(t => t.Trim()).DistinctBy(TagKey, StringComparer.Ordinal))
        {
            await session.ExecuteAsync(InsertTag, new { Id = id, Tag = tag, TagKey = TagKey(tag) }, ct);
        }
    }

    /// <summary>What a tag is matched by, as member interests are: its lower-cased form.</summary>
    public static string TagKey(string tag) => tag.Trim().ToLowerInvariant();

    /// <summary>The fields as stored (trimmed, blanks none), with the id, the version expected, the time and the writer.</summary>
    public static object Arguments(MessageInput input, Guid id, int version, DateTimeOffset now, Guid? by) => new
    {
        Id = id,
        Version = version,
        Now = now,
        By = by,
        Title = input.Title.Trim(),
        SubjectSv = TextRules.Clean(input.SubjectSv),
        SubjectEn = TextRules.Clean(input.SubjectEn),
        PreheaderSv = TextRules.Clean(input.PreheaderSv),
        PreheaderEn = TextRules.Clean(input.PreheaderEn),
        BodySv = TextRules.Clean(input.BodySv),
        BodyEn = TextRules.Clean(input.BodyEn),
    };

    private sealed record TagRow(Guid MessageId, string Tag);
}

/// <summary>The rules of a ready-made message's fields.</summary>
internal static class MessageRules
{
    public const int SubjectMaxLength = 200;
    public const int PreheaderMaxLength = 250;
    public const int BodyMaxLength = 50_000;
    public const int MaxTags = 10;
    public const int TagMaxLength = 50;

    public static void AddMessageRules<T>(this Validator<T> validator) where T : MessageInput
    {
        validator.RuleFor(r => r.Title).IsName();
        validator.RuleFor(r => r.SubjectSv).IsOptionalText(SubjectMaxLength);
        validator.RuleFor(r => r.SubjectEn).IsOptionalText(SubjectMaxLength);
        validator.RuleFor(r => r.PreheaderSv).IsOptionalText(PreheaderMaxLength);
        validator.RuleFor(r => r.PreheaderEn).IsOptionalText(PreheaderMaxLength);
        validator.RuleFor(r => r.BodySv).Must(t => t is null || t.Length <= BodyMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", BodyMaxLength));
        validator.RuleFor(r => r.BodyEn).Must(t => t is null || t.Length <= BodyMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", BodyMaxLength));
        validator.RuleFor(r => r.Tags).Must(t => t.Count <= MaxTags).WithMessage(_ => Texts.Get("newsletters.atMostTags", MaxTags));
        validator.RuleForEach(r => r.Tags).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= TagMaxLength && !TextRules.HasMarkup(t))
            .WithMessage(_ => Texts.Get("newsletters.eachTag150Characters", TagMaxLength));
        // Ready-made messages are copied into newsletters and invitations alike: the event fields are allowed here.
        validator.RuleFor(r => r).Custom((r, context) =>
        {
            var content = new MailContent(r.SubjectSv, r.SubjectEn, r.PreheaderSv, r.PreheaderEn, r.BodySv, r.BodyEn);
            foreach (var (field, messages) in NewsletterRenderer.Problems(content, invitation: true))
            {
                foreach (var message in messages)
                {
                    context.AddFailure(field, message);
                }
            }
        });
    }
}
