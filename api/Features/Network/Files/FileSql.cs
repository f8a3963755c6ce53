using Alumni.Api.Infrastructure.Data;
using Alumni.Contracts.Network;

namespace Alumni.Api.Features.Network.Files;

/// <summary>The toolkit files' statements the endpoints share.</summary>
internal static class FileSql
{
    /// <summary>1 when the toolkit item exists (archived items keep their files).</summary>
    public static readonly Sql ItemExists = Sql.Portable("SELECT COUNT(*) FROM toolkit_items WHERE id = @ItemId");

    private const string Columns = """
        SELECT f.id AS Id, f.item_id AS ItemId, f.file_name AS FileName, f.content_type AS ContentType, f.byte_size AS ByteSize,
               f.sha256 AS Sha256, f.created_at AS AddedAt, f.created_by AS AddedBy, n.name AS AddedByName
        FROM toolkit_files f
        LEFT JOIN caller_names n ON n.id = f.created_by
        """;

    /// <summary>An item's files that are not removed, oldest first.</summary>
    public static readonly Sql OfItem = Sql.Portable($"""
        {Columns}
        WHERE f.item_id = @ItemId AND f.removed_at IS NULL
        ORDER BY f.created_at, f.id
        """);

    /// <summary>One file of an item that is not removed.</summary>
    public static readonly Sql One = Sql.Portable($"""
        {Columns}
        WHERE f.id = @FileId AND f.item_id = @ItemId AND f.removed_at IS NULL
        """);

    /// <summary>Where one file's content is kept (a file not removed).</summary>
    public static readonly Sql Storage = Sql.Portable("""
        SELECT storage AS Storage, storage_key AS StorageKey, file_name AS FileName, content_type AS ContentType, byte_size AS ByteSize
        FROM toolkit_files
        WHERE id = @FileId AND item_id = @ItemId AND removed_at IS NULL
        """);

    public static async Task<bool> ItemExistsAsync(DbSession session, Guid itemId, CancellationToken ct) =>
        await session.ExecuteScalarAsync<long>(ItemExists, new { ItemId = itemId }, ct) > 0;

    public static async Task<ToolkitFileResponse> OneAsync(DbSession session, Guid itemId, Guid fileId, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<ToolkitFileResponse>(One, new { ItemId = itemId, FileId = fileId }, ct)
        ?? throw ProblemException.NotFound(Infrastructure.Text.Texts.Get("network.files.noSuchFile"));

    /// <summary>Where a file's content is, and what it is.</summary>
    public sealed record Stored
    {
        public string Storage { get; init; } = "";
        public string StorageKey { get; init; } = "";
        public string FileName { get; init; } = "";
        public string ContentType { get; init; } = "";
        public long ByteSize { get; init; }
    }
}
