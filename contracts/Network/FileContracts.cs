using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Network;

/// <summary>Addresses the files of a toolkit item (from the route).</summary>
public sealed record ToolkitItemFilesRequest
{
    /// <summary>The toolkit item.</summary>
    [Required] public Guid ItemId { get; init; }
}

/// <summary>Addresses one file of a toolkit item (from the route).</summary>
public sealed record ToolkitFileRequest
{
    /// <summary>The toolkit item.</summary>
    [Required] public Guid ItemId { get; init; }

    /// <summary>The file.</summary>
    [Required] public Guid FileId { get; init; }
}

/// <summary>
/// A file of a toolkit item. <c>contentType</c> is what the content was found to be, never what its name said; the
/// name's extension is corrected to match it (<c>slides.pdf</c> holding a PNG is kept as <c>slides.png</c>).
/// </summary>
public sealed record ToolkitFileResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public Guid ItemId { get; init; }

    /// <summary>The name it downloads as.</summary>
    [Required] public string FileName { get; init; } = "";

    /// <summary>The type found in the content, e.g. <c>application/pdf</c>, <c>image/png</c>.</summary>
    [Required] public string ContentType { get; init; } = "";

    /// <summary>The size in bytes.</summary>
    [Required] public long ByteSize { get; init; }

    /// <summary>The content's SHA-256, in lower-case hex.</summary>
    [Required] public string Sha256 { get; init; } = "";

    [Required] public DateTimeOffset AddedAt { get; init; }

    /// <summary>Who added it (a person or an API key), when known.</summary>
    public Guid? AddedBy { get; init; }

    /// <summary>Their name (a person's display name or e-mail address, a key's name), when known.</summary>
    public string? AddedByName { get; init; }
}
