using Alumni.Api.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Network.Files;

/// <summary>
/// The default store: the content in <c>toolkit_file_contents</c>, in a transaction of its own (written before the
/// file's row, deleted after it is marked removed). A file is held in memory while it is written or read, which the
/// configured size limit (<c>Network:Files:MaxBytes</c>) bounds; a larger library belongs in a folder or a bucket.
/// </summary>
public sealed class DatabaseFileStore(Database db, IOptions<ToolkitFileOptions> options) : IFileStore
{
    public const string StoreName = "database";

    private static readonly Sql Insert = Sql.Portable("INSERT INTO toolkit_file_contents (storage_key, content) VALUES (@Key, @Content)");

    private static readonly Sql Select = Sql.Portable("SELECT content FROM toolkit_file_contents WHERE storage_key = @Key");

    private static readonly Sql Remove = Sql.Portable("DELETE FROM toolkit_file_contents WHERE storage_key = @Key");

    public string Name => StoreName;

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        if (content.Length > options.Value.MaxBytes)
        {
            throw new InvalidOperationException("The content is larger than the configured limit; the endpoint checks it first.");
        }

        var bytes = new byte[content.Length];
        content.Position = 0;
        await content.ReadExactlyAsync(bytes, ct);
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(Insert, new { Key = key, Content = bytes }, ct);
        await session.CommitAsync(ct);
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var bytes = await session.QuerySingleOrDefaultAsync<byte[]>(Select, new { Key = key }, ct);
        return bytes is null ? null : new MemoryStream(bytes, writable: false);
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(Remove, new { Key = key }, ct);
        await session.CommitAsync(ct);
    }
}
