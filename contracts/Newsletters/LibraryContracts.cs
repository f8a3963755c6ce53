using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Newsletters;

/// <summary>
/// A ready-made message as admins write it: a title, subject, preheader and body (Markdown with personal fields) in
/// Swedish and English (at least one language whole), and tags coordinators find it by.
/// </summary>
public record MessageInput
{
    [Required] public string Title { get; init; } = "";

    public string? SubjectSv { get; init; }

    public string? SubjectEn { get; init; }

    public string? PreheaderSv { get; init; }

    public string? PreheaderEn { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? BodySv { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? BodyEn { get; init; }

    /// <summary>Tags, up to 10 (matched without regard to case; the first spelling is kept).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>A new ready-made message.</summary>
public sealed record CreateMessageRequest : MessageInput;

/// <summary>A change of a ready-made message (If-Match required).</summary>
public sealed record UpdateMessageRequest : MessageInput
{
    /// <summary>The message (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Addresses a ready-made message by its id.</summary>
public sealed record MessageByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>A page of the library, newest change first.</summary>
public sealed record ListMessagesRequest : IPageRequest
{
    /// <summary>Only messages with this tag (without regard to case).</summary>
    public string? Tag { get; init; }

    /// <summary>Words in the title or a subject.</summary>
    public string? Q { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <summary>A ready-made message as the library lists it (without its bodies).</summary>
public sealed record MessageSummary
{
    [Required] public Guid Id { get; init; }

    [Required] public string Title { get; init; } = "";

    public string? SubjectSv { get; init; }

    public string? SubjectEn { get; init; }

    [Required] public IReadOnlyList<string> Tags { get; init; } = [];

    [Required] public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A ready-made message, whole, with its version (also its ETag).</summary>
public sealed record MessageResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string Title { get; init; } = "";

    public string? SubjectSv { get; init; }

    public string? SubjectEn { get; init; }

    public string? PreheaderSv { get; init; }

    public string? PreheaderEn { get; init; }

    public string? BodySv { get; init; }

    public string? BodyEn { get; init; }

    [Required] public IReadOnlyList<string> Tags { get; init; } = [];

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    [Required] public int Version { get; init; }
}
