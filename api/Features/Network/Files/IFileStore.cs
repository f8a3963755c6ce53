namespace Alumni.Api.Features.Network.Files;

/// <summary>
/// Where the toolkit's file contents are kept, by a key the network makes (<see cref="FileKeys"/>): the database (the
/// default), a folder or an S3-compatible bucket, chosen by <c>Network:Files:Store</c>. A store only keeps bytes; the
/// file's row in <c>toolkit_files</c> (name, found type, size, who added it, which store holds it) is written by the
/// endpoints, after the content and in their own transaction, so a row never points at content that is not there.
/// </summary>
public interface IFileStore
{
    /// <summary>The store's name as <c>toolkit_files.storage</c> records it: <c>database</c>, <c>folder</c>, <c>s3</c>.</summary>
    string Name { get; }

    /// <summary>Keeps the content under the key (a seekable stream, read from its start; the store does not close it).</summary>
    Task PutAsync(string key, Stream content, CancellationToken ct);

    /// <summary>The content kept under the key, or null when there is none. The caller disposes it.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken ct);

    /// <summary>Deletes the content under the key; a key with no content is no error.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

/// <summary>The keys files are kept under: the item's and the file's ids, nothing a user typed.</summary>
public static class FileKeys
{
    public static string For(Guid itemId, Guid fileId) => $"toolkit/{itemId:N}/{fileId:N}";

    /// <summary>True for keys <see cref="For"/> makes: lower-case letters and digits, in segments between single slashes.</summary>
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 200
        && key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '/')
        && key.Split('/').All(segment => segment.Length > 0);
}

/// <summary>
/// The configured stores: <see cref="Current"/> takes new files; a file is read and deleted through the store its row
/// names, so files kept before a change of configuration stay readable while that store is still configured.
/// </summary>
public sealed class FileStores(IEnumerable<IFileStore> stores, Microsoft.Extensions.Options.IOptions<ToolkitFileOptions> options)
{
    private readonly Dictionary<string, IFileStore> byName = stores.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The store new files go to (<c>Network:Files:Store</c>).</summary>
    public IFileStore Current => For(options.Value.Store.Trim().ToLowerInvariant());

    /// <summary>The store of this name; a store that is not configured here is a fault of the configuration.</summary>
    public IFileStore For(string name) => byName.TryGetValue(name, out var store)
        ? store
        : throw new InvalidOperationException($"The toolkit's file store '{name}' is not configured (Network:Files).");
}
