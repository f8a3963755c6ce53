using System.ComponentModel.DataAnnotations;
using Alumni.Contracts.Members;

namespace Alumni.Contracts.Newsletters;

/// <summary>
/// A dynamic filter over members in the member search's vocabulary, evaluated when it is previewed and when a send
/// starts. Every filter is optional and they combine with AND; a list matches any of its values. The studies filters
/// (departments, faculty, graduation years) hold for one and the same study, as in the member search. Only active
/// members are ever counted or sent to.
/// </summary>
public sealed record SegmentFilter
{
    /// <summary>Studied at any of these departments (codes).</summary>
    public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>Studied at a department of this faculty (code).</summary>
    public string? Faculty { get; init; }

    /// <summary>Graduated (a study's end year) this year or later.</summary>
    public int? GraduatedFrom { get; init; }

    /// <summary>Graduated this year or earlier.</summary>
    public int? GraduatedTo { get; init; }

    /// <summary>Lives in this country (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; init; }

    /// <summary>Lives in this city (any case).</summary>
    public string? City { get; init; }

    /// <summary>Prefers this language: <c>sv</c> or <c>en</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Offers any of these.</summary>
    public IReadOnlyList<MemberOffer> Offers { get; init; } = [];

    /// <summary>Works in this industry (any case).</summary>
    public string? Industry { get; init; }

    /// <summary>Has any of these interest tags (any case).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Checked in at any of these events.</summary>
    public IReadOnlyList<Guid> AttendedEventIds { get; init; } = [];

    /// <summary>Registered for any of these events (a seat or a place on the waiting list).</summary>
    public IReadOnlyList<Guid> RegisteredEventIds { get; init; } = [];
}

/// <summary>A segment's fields, as created and changed.</summary>
public abstract record SegmentInput
{
    [Required] public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>
    /// The department the segment belongs to: its members are the only ones it can ever match. Required for
    /// coordinators (one of theirs); none is the central office's segment over all members (admins only).
    /// </summary>
    public Guid? DepartmentId { get; init; }

    [Required] public SegmentFilter Filter { get; init; } = new();
}

/// <summary>Saves a new segment.</summary>
public sealed record CreateSegmentRequest : SegmentInput;

/// <summary>Changes a segment (If-Match: its version).</summary>
public sealed record UpdateSegmentRequest : SegmentInput
{
    /// <summary>The segment (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>One segment, by id (from the route).</summary>
public sealed record SegmentRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>Lists the segments the caller may use, by name.</summary>
public sealed record ListSegmentsRequest : IPageRequest
{
    /// <summary>Only this department's segments.</summary>
    public Guid? DepartmentId { get; init; }

    /// <summary>Only the central office's segments (those without a department).</summary>
    public bool? Central { get; init; }

    /// <summary>From 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>A saved segment.</summary>
public sealed record SegmentResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>The department it belongs to; none for the central office's.</summary>
    public Guid? DepartmentId { get; init; }

    /// <summary>That department's code.</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>The filter as stored (codes upper-cased, text trimmed, lists without repeats).</summary>
    [Required] public SegmentFilter Filter { get; init; } = new();

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The version for If-Match (also the ETag).</summary>
    [Required] public int Version { get; init; }
}

/// <summary>Counts a filter that is not saved yet, with a sample of names (the segment builder's live count).</summary>
public sealed record PreviewSegmentRequest
{
    [Required] public SegmentFilter Filter { get; init; } = new();

    /// <summary>The department the segment would belong to (required for coordinators, as when saving).</summary>
    public Guid? DepartmentId { get; init; }
}

/// <summary>How many active members a segment matches now, and a few of them.</summary>
public sealed record SegmentPreview
{
    [Required] public int Count { get; init; }

    /// <summary>Up to 10 of the members, by name.</summary>
    [Required] public IReadOnlyList<SegmentSampleMember> Sample { get; init; } = [];
}

/// <summary>A member in a segment's sample.</summary>
public sealed record SegmentSampleMember
{
    [Required] public Guid MemberId { get; init; }

    /// <summary>First and last name.</summary>
    [Required] public string Name { get; init; } = "";
}
