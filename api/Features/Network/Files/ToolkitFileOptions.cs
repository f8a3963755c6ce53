namespace Alumni.Api.Features.Network.Files;

/// <summary>Configuration section <c>Network:Files</c>: where the toolkit's files are kept and what is accepted.</summary>
public sealed class ToolkitFileOptions
{
    public const string Section = "Network:Files";

    /// <summary>The store new files go to: <c>database</c> (the default), <c>folder</c> or <c>s3</c>.</summary>
    public string Store { get; set; } = DatabaseFileStore.StoreName;

    /// <summary>The largest file accepted, in bytes (20 MB unless configured).</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most files an item holds at once (removed ones not counted): the list of an item stays short.</summary>
    public int MaxFilesPerItem { get; set; } = 50;

    /// <summary>
    /// The content types accepted (as found in the content, <see cref="FileTypes"/>); none configured: all of them
    /// (PDF, PNG, JPEG, GIF, WebP, Word, Excel and PowerPoint documents).
    /// </summary>
    public string[]? AllowedTypes { get; set; }

    /// <summary>The folder store's directory (<c>Store = folder</c>).</summary>
    public string? Folder { get; set; }

    /// <summary>The S3-compatible store (<c>Store = s3</c>).</summary>
    public S3FileStoreOptions S3 { get; set; } = new();

    /// <summary>The types accepted: those configured, else all that <see cref="FileTypes"/> knows.</summary>
    public IReadOnlySet<string> Allowed =>
        AllowedTypes is { Length: > 0 } types
            ? types.Select(t => t.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
            : FileTypes.All.Select(t => t.ContentType).ToHashSet(StringComparer.Ordinal);
}

/// <summary>Configuration section <c>Network:Files:S3</c>: an S3-compatible bucket (AWS, MinIO, Garage, Ceph).</summary>
public sealed class S3FileStoreOptions
{
    /// <summary>The service's address, e.g. <c>https://s3.eu-north-1.amazonaws.com</c> or <c>http://minio:9000</c>.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>The region the requests are signed for (MinIO-like stores take any; <c>us-east-1</c> unless set).</summary>
    public string Region { get; set; } = "us-east-1";

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Addresses objects as <c>/bucket/key</c> (what MinIO-like stores need) rather than <c>bucket.host/key</c>.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>A prefix put before every key in the bucket (e.g. <c>alumni/</c>), none unless set.</summary>
    public string? KeyPrefix { get; set; }
}
