using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Network;

/// <summary>A toolkit item created or given a new version in the last 30 days.</summary>
public sealed record HomeToolkitChange
{
    [Required] public Guid ItemId { get; init; }

    /// <summary>message, template, guide or checklist.</summary>
    [Required] public string Kind { get; init; } = "";

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    /// <summary>The item's current version.</summary>
    [Required] public int VersionNumber { get; init; }

    /// <summary>What the current version changed.</summary>
    public string? ChangeNote { get; init; }

    /// <summary>When the current version was made.</summary>
    [Required] public DateTimeOffset ChangedAt { get; init; }

    /// <summary>The item itself was created in the last 30 days.</summary>
    [Required] public bool IsNew { get; init; }
}

/// <summary>An initiative that is new (created in the last 30 days) or open to join.</summary>
public sealed record HomeInitiative
{
    [Required] public Guid Id { get; init; }

    /// <summary>initiative, platform or meeting-place.</summary>
    [Required] public string Kind { get; init; } = "";

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    [Required] public DateOnly StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    /// <summary>open or closed.</summary>
    [Required] public string Status { get; init; } = "";

    [Required] public bool IsNew { get; init; }
}

/// <summary>An open support request (submitted or approved).</summary>
public sealed record HomeSupportRequest
{
    [Required] public Guid Id { get; init; }

    /// <summary>The asking department.</summary>
    [Required] public string DepartmentCode { get; init; } = "";

    [Required] public string Title { get; init; } = "";

    [Required] public DateOnly StartsOn { get; init; }

    [Required] public DateOnly EndsOn { get; init; }

    /// <summary>submitted or approved.</summary>
    [Required] public string Status { get; init; } = "";

    [Required] public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An upcoming network meeting (a published event for the coordinators).</summary>
public sealed record HomeMeeting
{
    [Required] public Guid EventId { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public DateTimeOffset EndsAt { get; init; }

    [Required] public string TimeZone { get; init; } = "";

    public string? Venue { get; init; }

    public string? City { get; init; }

    [Required] public bool Online { get; init; }
}

/// <summary>A news item for the network.</summary>
public sealed record HomeNews
{
    [Required] public Guid Id { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? BodySv { get; init; }

    public string? BodyEn { get; init; }

    [Required] public DateTimeOffset PublishedAt { get; init; }
}

/// <summary>
/// The network's start page for the caller. A coordinator: their departments with member figures and the open support
/// requests of those departments. The office (an admin or a key): the university's member totals instead, and every
/// request awaiting a decision (submitted). Both: what is new in the toolkit (items created or given a new version in
/// the last 30 days, newest first, at most 10), initiatives that are new or open (at most 10), the next network
/// meetings (at most 5) and the latest news (at most 5).
/// </summary>
public sealed record NetworkHomeResponse
{
    /// <summary>True for the office's view (an admin or a key): <c>university</c> is set, <c>departments</c> empty.</summary>
    [Required] public bool Office { get; init; }

    /// <summary>A coordinator's departments with their member figures, by code.</summary>
    [Required] public IReadOnlyList<DepartmentMemberFigures> Departments { get; init; } = [];

    /// <summary>The university's member totals (the office's view only).</summary>
    public MemberFiguresTotals? University { get; init; }

    [Required] public IReadOnlyList<HomeToolkitChange> Toolkit { get; init; } = [];

    [Required] public IReadOnlyList<HomeInitiative> Initiatives { get; init; } = [];

    [Required] public IReadOnlyList<HomeSupportRequest> SupportRequests { get; init; } = [];

    [Required] public IReadOnlyList<HomeMeeting> Meetings { get; init; } = [];

    [Required] public IReadOnlyList<HomeNews> News { get; init; } = [];
}
