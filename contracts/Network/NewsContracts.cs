using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Network;

/// <summary>
/// A news item as the office writes it: a title and a body (Markdown) in Swedish and English (at least one language
/// whole, and each language that has one has both), and when it is published (now when left out; a later time
/// schedules it, hidden from the network until then).
/// </summary>
public record NewsInput
{
    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? BodySv { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? BodyEn { get; init; }

    /// <summary>When the network sees it: now when left out, a later time schedules it.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
}

/// <summary>A new news item.</summary>
public sealed record CreateNewsRequest : NewsInput;

/// <summary>A change of a news item (If-Match required).</summary>
public sealed record UpdateNewsRequest : NewsInput
{
    /// <summary>The item (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Addresses a news item by its id.</summary>
public sealed record NewsByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>A page of the network's news, newest first (archived ones left out).</summary>
public sealed record ListNewsRequest : IPageRequest
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>A news item with its version (also its ETag).</summary>
public sealed record NewsResponse
{
    [Required] public Guid Id { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    [MultiLine] public string? BodySv { get; init; }

    [MultiLine] public string? BodyEn { get; init; }

    /// <summary>The Swedish body as safe HTML.</summary>
    [MultiLine] public string? BodySvHtml { get; init; }

    /// <summary>The English body as safe HTML.</summary>
    [MultiLine] public string? BodyEnHtml { get; init; }

    /// <summary>When the network sees it (later than now: scheduled, shown to the office only).</summary>
    [Required] public DateTimeOffset PublishedAt { get; init; }

    /// <summary>Whether it is still waiting for its publishing time.</summary>
    [Required] public bool Scheduled { get; init; }

    /// <summary>Who wrote it (from Identity's <c>caller_names</c>); none once erased.</summary>
    public string? AuthorName { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the office archived it; archived items are not listed.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    [Required] public int Version { get; init; }
}
