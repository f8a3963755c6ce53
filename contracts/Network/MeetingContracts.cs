using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Network;

/// <summary>What a line of a network meeting's record is (stored in <c>network_meeting_notes.kind</c> as the camel-case name).</summary>
public enum MeetingNoteKind
{
    /// <summary>A note: what was said or shown.</summary>
    Note,

    /// <summary>A decision the meeting took.</summary>
    Decision,
}

/// <summary>Which of the network's meetings a list shows.</summary>
public enum MeetingPeriod
{
    /// <summary>Those not yet over, soonest first.</summary>
    Upcoming,

    /// <summary>Those that are over, latest first.</summary>
    Past,
}

/// <summary>A page of the network's meetings (events for the coordinators, planned in Events).</summary>
public sealed record ListMeetingsRequest : IPageRequest
{
    /// <summary>Upcoming (the default) or past.</summary>
    public MeetingPeriod? When { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>A network meeting as the list shows it: the event's facts and how many notes and decisions it has.</summary>
public sealed record MeetingSummary
{
    [Required] public Guid EventId { get; init; }

    /// <summary>The organising department; none for the central office.</summary>
    public Guid? OrganiserDepartmentId { get; init; }

    /// <summary>The event's status (published, cancelled, …; drafts are never meetings).</summary>
    [Required] public string Status { get; init; } = "";

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public DateTimeOffset EndsAt { get; init; }

    /// <summary>The IANA time zone the meeting is held in.</summary>
    [Required] public string TimeZone { get; init; } = "";

    public string? Venue { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    /// <summary>Whether it is (also) held online.</summary>
    [Required] public bool Online { get; init; }

    [Required] public int NoteCount { get; init; }

    [Required] public int DecisionCount { get; init; }
}

/// <summary>Addresses a network meeting by its event's id.</summary>
public sealed record MeetingByIdRequest
{
    [Required] public Guid EventId { get; init; }
}

/// <summary>A network meeting with its notes and decisions, oldest first.</summary>
public sealed record MeetingResponse
{
    [Required] public MeetingSummary Meeting { get; init; } = new();

    [Required] public IReadOnlyList<MeetingNoteResponse> Notes { get; init; } = [];
}

/// <summary>A note or decision of a network meeting, with its version (also its ETag).</summary>
public sealed record MeetingNoteResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public Guid EventId { get; init; }

    [Required] public MeetingNoteKind Kind { get; init; }

    /// <summary>Markdown, as written.</summary>
    [Required, MultiLine] public string Body { get; init; } = "";

    /// <summary>The body as safe HTML (formatting, lists, quotes, links only).</summary>
    [MultiLine] public string? BodyHtml { get; init; }

    /// <summary>Who wrote it (from Identity's <c>caller_names</c>); none once erased.</summary>
    public string? AuthorName { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    [Required] public int Version { get; init; }
}

/// <summary>A note or decision as the office writes it.</summary>
public record MeetingNoteInput
{
    /// <summary>The meeting's event (from the route).</summary>
    [Required] public Guid EventId { get; init; }

    [Required] public MeetingNoteKind Kind { get; init; }

    /// <summary>Markdown, at most 10,000 characters.</summary>
    [Required, MultiLine] public string Body { get; init; } = "";
}

/// <summary>A new note or decision of a network meeting.</summary>
public sealed record CreateMeetingNoteRequest : MeetingNoteInput;

/// <summary>A change of a note or decision (If-Match required).</summary>
public sealed record UpdateMeetingNoteRequest : MeetingNoteInput
{
    /// <summary>The note (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Addresses a note or decision of a meeting.</summary>
public sealed record MeetingNoteByIdRequest
{
    [Required] public Guid EventId { get; init; }

    [Required] public Guid Id { get; init; }
}
