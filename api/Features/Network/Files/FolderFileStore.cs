using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Network.Files;

/// <summary>
/// The content as files under a configured directory (<c>Network:Files:Folder</c>), one per key. A key is checked
/// (<see cref="FileKeys.IsValid"/>) and its full path must lie inside the directory, so no key reaches a file outside
/// it. A file is written under a temporary name and moved into place, so a half-written one is never read.
/// </summary>
public sealed class FolderFileStore(IOptions<ToolkitFileOptions> options) : IFileStore
{
    public const string StoreName = "folder";

    public string Name => StoreName;

    private string Root => Path.GetFullPath(options.Value.Folder
        ?? throw new InvalidOperationException("Network:Files:Folder is not set: the folder store needs a directory."));

    /// <summary>The file a key names, inside the root; anything else is refused.</summary>
    internal string PathOf(string key)
    {
        if (!FileKeys.IsValid(key))
        {
            throw new ArgumentException("Not a file key the network makes.", nameof(key));
        }

        var root = Root;
        var path = Path.GetFullPath(Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("The key leads outside the store's folder.", nameof(key));
        }

        return path;
    }

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial-" + Guid.NewGuid().ToString("N");
        try
        {
            content.Position = 0;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, ct);
            }

            File.Move(partial, path, overwrite: false);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }
}
