using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Network;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>The SQL the toolkit's use cases share: an item with its current version, its tags, its versions.</summary>
internal static class ToolkitSql
{
    /// <summary>The item with its current version's texts (archived ones too: the caller decides).</summary>
    public static readonly Sql ById = Sql.Portable("""
        SELECT i.id AS Id, i.kind AS Kind, v.title_sv AS TitleSv, v.title_en AS TitleEn, v.summary_sv AS SummarySv, v.summary_en AS SummaryEn,
               v.body_sv AS BodySv, v.body_en AS BodyEn, i.current_version AS CurrentVersion, v.change_note AS ChangeNote,
               i.created_at AS CreatedAt, v.created_at AS ChangedAt, n.name AS ChangedBy, i.archived_at AS ArchivedAt, i.version AS Version
        FROM toolkit_items i
        JOIN toolkit_item_versions v ON v.item_id = i.id AND v.number = i.current_version
        LEFT JOIN caller_names n ON n.id = v.created_by
        WHERE i.id = @Id
        """);

    public static readonly Sql InsertVersion = Sql.Portable("""
        INSERT INTO toolkit_item_versions (item_id, number, title_sv, title_en, summary_sv, summary_en, body_sv, body_en, change_note, created_by, created_at)
        VALUES (@Id, @Number, @TitleSv, @TitleEn, @SummarySv, @SummaryEn, @BodySv, @BodyEn, @ChangeNote, @By, @Now)
        """);

    public static readonly Sql TagsOf = Sql.Portable("""
        SELECT t.item_id AS ItemId, t.tag AS Tag FROM toolkit_item_tags t WHERE t.item_id IN @Ids ORDER BY t.tag_key
        """);

    public static readonly Sql DeleteTags = Sql.Portable("DELETE FROM toolkit_item_tags WHERE item_id = @Id");

    public static readonly Sql InsertTag = Sql.Portable("INSERT INTO toolkit_item_tags (item_id, tag, tag_key) VALUES (@Id, @Tag, @TagKey)");

    /// <summary>
    /// The item with its tags; 404 when there is none, or when it is archived and the caller may not see archived items
    /// (only the office does).
    /// </summary>
    public static async Task<ToolkitItemResponse> GetAsync(Database db, DbSession session, Guid id, bool archivedToo, CancellationToken ct)
    {
        var item = await session.QuerySingleOrDefaultAsync<ToolkitItemResponse>(ById, new { Id = id }, ct);
        if (item is null || item.ArchivedAt is not null && !archivedToo)
        {
            throw ProblemException.NotFound(Texts.Get("network.toolkit.noItemWithThatId"));
        }

        return item with { Tags = (await TagsAsync(db, session, [id], ct))[id].ToList() };
    }

    /// <summary>The tags of these items, in their order.</summary>
    public static async Task<ILookup<Guid, string>> TagsAsync(Database db, DbSession session, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0
            ? Array.Empty<TagRow>().ToLookup(t => t.ItemId, t => t.Tag)
            : (await session.QueryAsync<TagRow>(TagsOf, new { Ids = db.Ids(ids) }, ct)).ToLookup(t => t.ItemId, t => t.Tag);

    /// <summary>Replaces the item's tags (matched without regard to case; the first spelling kept), as the newsletters' library does.</summary>
    public static async Task SetTagsAsync(DbSession session, Guid id, IEnumerable<string> tags, CancellationToken ct)
    {
        await session.ExecuteAsync(DeleteTags, new { Id = id }, ct);
        foreach (var tag in tags.Select(t => t.Trim()).DistinctBy(TagKey, StringComparer.Ordinal))
        {
            await session.ExecuteAsync(InsertTag, new { Id = id, Tag = tag, TagKey = TagKey(tag) }, ct);
        }
    }

    /// <summary>What a tag is matched by: its lower-cased form.</summary>
    public static string TagKey(string tag) => tag.Trim().ToLowerInvariant();

    /// <summary>How a kind is stored.</summary>
    public static string Db(ToolkitItemKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A version's texts as stored (trimmed, blanks none), with its number, note, writer and time.</summary>
    public static object Version(ToolkitItemInput input, Guid id, int number, string? changeNote, Guid? by, DateTimeOffset now) => new
    {
        Id = id,
        Number = number,
        TitleSv = TextRules.Clean(input.TitleSv),
        TitleEn = TextRules.Clean(input.TitleEn),
        SummarySv = TextRules.Clean(input.SummarySv),
        SummaryEn = TextRules.Clean(input.SummaryEn),
        BodySv = TextRules.Clean(input.BodySv),
        BodyEn = TextRules.Clean(input.BodyEn),
        ChangeNote = TextRules.Clean(changeNote),
        By = by,
        Now = now,
    };

    private sealed record TagRow(Guid ItemId, string Tag);
}
