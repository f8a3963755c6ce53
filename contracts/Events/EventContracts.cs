using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Events;

/// <summary>One choice of a choice question, in both languages (at least one).</summary>
public sealed record EventChoice
{
    public string? Sv { get; init; }

    public string? En { get; init; }
}

/// <summary>A question as staff write it. Give the id of an existing question to keep it (and its answers); a question left out is removed with its answers.</summary>
public sealed record EventQuestionInput
{
    /// <summary>An existing question of the event to keep; null for a new one.</summary>
    public Guid? Id { get; init; }

    [Required] public QuestionKind Kind { get; init; }

    public string? LabelSv { get; init; }

    public string? LabelEn { get; init; }

    /// <summary>For a choice question: two or more choices; otherwise empty.</summary>
    public IReadOnlyList<EventChoice> Choices { get; init; } = [];

    [Required] public bool Required { get; init; }
}

/// <summary>A question of an event, in its order.</summary>
public sealed record EventQuestion
{
    [Required] public Guid Id { get; init; }

    [Required] public int Position { get; init; }

    [Required] public QuestionKind Kind { get; init; }

    public string? LabelSv { get; init; }

    public string? LabelEn { get; init; }

    /// <summary>The choices of a choice question; empty for the other kinds.</summary>
    [Required] public IReadOnlyList<EventChoice> Choices { get; init; } = [];

    [Required] public bool Required { get; init; }
}

/// <summary>
/// An event as staff write it (create, or update with If-Match). Either language of each text may be missing (at least
/// one title). On site needs a city and a country (ISO 3166-1 alpha-2); online needs an https link; both make a hybrid.
/// Descriptions and the no-show follow-up are Markdown.
/// </summary>
public record EventInput
{
    [Required] public EventKind Kind { get; init; }

    /// <summary>The organising department's code; null for the central office (only admins manage those).</summary>
    public string? OrganiserDepartmentCode { get; init; }

    /// <summary>Co-hosting departments (their staff see the event and its attendees).</summary>
    public IReadOnlyList<string> CohostDepartmentCodes { get; init; } = [];

    /// <summary>The occasion (a visit abroad) the event belongs to.</summary>
    public Guid? OccasionId { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? SummarySv { get; init; }

    public string? SummaryEn { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? DescriptionSv { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? DescriptionEn { get; init; }

    /// <summary>The start, an instant (shown in <see cref="TimeZone"/> and in the viewer's zone).</summary>
    [Required] public DateTimeOffset StartsAt { get; init; }

    /// <summary>The end, after the start.</summary>
    [Required] public DateTimeOffset EndsAt { get; init; }

    /// <summary>The event's IANA time zone, e.g. Europe/Stockholm.</summary>
    [Required] public string TimeZone { get; init; } = "";

    public string? Venue { get; init; }

    public string? Address { get; init; }

    public string? City { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }

    /// <summary>The https link of an online event, shown only to members with a confirmed registration.</summary>
    public string? OnlineUrl { get; init; }

    [Required] public EventAudience Audience { get; init; }

    /// <summary>The departments whose members are the audience (required, and only used, when the audience is departments).</summary>
    public IReadOnlyList<string> AudienceDepartmentCodes { get; init; } = [];

    /// <summary>Seats; null for unlimited.</summary>
    public int? Capacity { get; init; }

    /// <summary>Guests a member may bring, 0–10.</summary>
    public int GuestsAllowed { get; init; }

    /// <summary>When registration opens; null: once published.</summary>
    public DateTimeOffset? RegistrationOpensAt { get; init; }

    /// <summary>When registration closes; null: at the start.</summary>
    public DateTimeOffset? RegistrationClosesAt { get; init; }

    /// <summary>Markdown sent to no-shows after the event, if written.</summary>
    [MultiLine] public string? FollowUpSv { get; init; }

    /// <summary>Markdown sent to no-shows after the event, if written.</summary>
    [MultiLine] public string? FollowUpEn { get; init; }

    /// <summary>The questions asked at registration, in order.</summary>
    public IReadOnlyList<EventQuestionInput> Questions { get; init; } = [];
}

/// <summary>A new event; it starts as a draft.</summary>
public sealed record CreateEventRequest : EventInput;

/// <summary>A change of an event (If-Match required). Changing the time, place, online link or status raises its sequence.</summary>
public sealed record UpdateEventRequest : EventInput
{
    /// <summary>The event (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Addresses an event by its id.</summary>
public sealed record EventByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>An event as staff see it: everything, with its seat figures and version.</summary>
public sealed record EventResponse
{
    [Required] public Guid Id { get; init; }

    public Guid? OccasionId { get; init; }

    /// <summary>Null for the central office.</summary>
    public string? OrganiserDepartmentCode { get; init; }

    [Required] public IReadOnlyList<string> CohostDepartmentCodes { get; init; } = [];

    [Required] public EventKind Kind { get; init; }

    [Required] public EventStatus Status { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? SummarySv { get; init; }

    public string? SummaryEn { get; init; }

    [MultiLine] public string? DescriptionSv { get; init; }

    [MultiLine] public string? DescriptionEn { get; init; }

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public DateTimeOffset EndsAt { get; init; }

    [Required] public string TimeZone { get; init; } = "";

    public string? Venue { get; init; }

    public string? Address { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    public string? OnlineUrl { get; init; }

    [Required] public EventAudience Audience { get; init; }

    [Required] public IReadOnlyList<string> AudienceDepartmentCodes { get; init; } = [];

    /// <summary>Null for unlimited.</summary>
    public int? Capacity { get; init; }

    /// <summary>Confirmed seats (members and their guests).</summary>
    [Required] public int SeatsTaken { get; init; }

    /// <summary>Seats asked for on the waiting list.</summary>
    [Required] public int SeatsWaiting { get; init; }

    /// <summary>Registrations on the waiting list.</summary>
    [Required] public int WaitingRegistrations { get; init; }

    [Required] public int GuestsAllowed { get; init; }

    public DateTimeOffset? RegistrationOpensAt { get; init; }

    public DateTimeOffset? RegistrationClosesAt { get; init; }

    [MultiLine] public string? FollowUpSv { get; init; }

    [MultiLine] public string? FollowUpEn { get; init; }

    [Required] public IReadOnlyList<EventQuestion> Questions { get; init; } = [];

    /// <summary>
    /// When the registrations' personal data (answers, guests' names, feedback comments) is removed: the end of the
    /// event plus the retention time (<c>Events:RetentionMonths</c>, 12 by default); the counts stay.
    /// </summary>
    [Required] public DateTimeOffset PersonalDataDeletedOn { get; init; }

    /// <summary>The caller may change it (organiser's staff or admin); co-hosts only read it.</summary>
    [Required] public bool CanEdit { get; init; }

    /// <summary>The iCalendar SEQUENCE: raised by each change that matters to attendees.</summary>
    [Required] public int Sequence { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Concurrency version; the <c>ETag</c> header carries it quoted, and changes send it back in <c>If-Match</c>.</summary>
    [Required] public int Version { get; init; }
}

/// <summary>An event in staff's list.</summary>
public sealed record EventSummary
{
    [Required] public Guid Id { get; init; }

    public Guid? OccasionId { get; init; }

    public string? OrganiserDepartmentCode { get; init; }

    [Required] public EventKind Kind { get; init; }

    [Required] public EventStatus Status { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public DateTimeOffset EndsAt { get; init; }

    [Required] public string TimeZone { get; init; } = "";

    public string? City { get; init; }

    public string? Country { get; init; }

    [Required] public bool Online { get; init; }

    [Required] public EventAudience Audience { get; init; }

    public int? Capacity { get; init; }

    [Required] public int SeatsTaken { get; init; }

    [Required] public int SeatsWaiting { get; init; }

    [Required] public int Version { get; init; }
}

/// <summary>Staff's list of events, soonest first.</summary>
public sealed record ListEventsRequest : IPageRequest
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    public EventStatus? Status { get; init; }

    public EventKind? Kind { get; init; }

    /// <summary>Organised or co-hosted by this department (code).</summary>
    public string? Department { get; init; }

    /// <summary>Ending at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Starting before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    public Guid? OccasionId { get; init; }

    /// <summary>Words of the title, in either language.</summary>
    public string? Q { get; init; }
}

/// <summary>An event as a member sees it: both languages, the descriptions also as safe HTML.</summary>
public sealed record MemberEventResponse
{
    [Required] public Guid Id { get; init; }

    public Guid? OccasionId { get; init; }

    public string? OrganiserDepartmentCode { get; init; }

    [Required] public IReadOnlyList<string> CohostDepartmentCodes { get; init; } = [];

    [Required] public EventKind Kind { get; init; }

    [Required] public EventStatus Status { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? SummarySv { get; init; }

    public string? SummaryEn { get; init; }

    [MultiLine] public string? DescriptionSv { get; init; }

    [MultiLine] public string? DescriptionEn { get; init; }

    /// <summary>The Swedish description as sanitised HTML.</summary>
    [MultiLine] public string? DescriptionSvHtml { get; init; }

    /// <summary>The English description as sanitised HTML.</summary>
    [MultiLine] public string? DescriptionEnHtml { get; init; }

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public DateTimeOffset EndsAt { get; init; }

    [Required] public string TimeZone { get; init; } = "";

    public string? Venue { get; init; }

    public string? Address { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    /// <summary>The event is (also) online.</summary>
    [Required] public bool Online { get; init; }

    /// <summary>The online link: only for a caller with a confirmed registration, null otherwise.</summary>
    public string? OnlineUrl { get; init; }

    [Required] public EventAudience Audience { get; init; }

    public int? Capacity { get; init; }

    /// <summary>Seats left; null when unlimited.</summary>
    public int? SeatsLeft { get; init; }

    [Required] public int GuestsAllowed { get; init; }

    public DateTimeOffset? RegistrationOpensAt { get; init; }

    public DateTimeOffset? RegistrationClosesAt { get; init; }

    [Required] public IReadOnlyList<EventQuestion> Questions { get; init; } = [];

    /// <summary>The caller's current registration (confirmed or waiting); null when none.</summary>
    public RegistrationStatus? MyRegistrationStatus { get; init; }

    /// <summary>
    /// When the registrations' personal data (answers, guests' names, feedback comments) is removed: the end of the
    /// event plus the retention time (<c>Events:RetentionMonths</c>, 12 by default); the counts stay.
    /// </summary>
    [Required] public DateTimeOffset PersonalDataDeletedOn { get; init; }

    [Required] public int Sequence { get; init; }
}

/// <summary>An event in a member's or the public list.</summary>
public sealed record EventListItem
{
    [Required] public Guid Id { get; init; }

    public Guid? OccasionId { get; init; }

    public string? OrganiserDepartmentCode { get; init; }

    [Required] public EventKind Kind { get; init; }

    [Required] public EventStatus Status { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? SummarySv { get; init; }

    public string? SummaryEn { get; init; }

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public DateTimeOffset EndsAt { get; init; }

    [Required] public string TimeZone { get; init; } = "";

    public string? Venue { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    [Required] public bool Online { get; init; }

    [Required] public EventAudience Audience { get; init; }

    /// <summary>Seats left; null when unlimited.</summary>
    public int? SeatsLeft { get; init; }
}

/// <summary>A member's list of the published events of their audience: upcoming (not yet ended) by default, soonest first.</summary>
public sealed record ListMyEventsRequest : IPageRequest
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    public EventKind? Kind { get; init; }

    /// <summary>Ending at or after this instant; unset: now (upcoming events).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Starting before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only events the caller is registered for (confirmed or waiting).</summary>
    public bool Registered { get; init; }
}

/// <summary>An event on the public list: no online link, ever.</summary>
public sealed record PublicEventResponse
{
    [Required] public Guid Id { get; init; }

    public string? OrganiserDepartmentCode { get; init; }

    [Required] public IReadOnlyList<string> CohostDepartmentCodes { get; init; } = [];

    [Required] public EventKind Kind { get; init; }

    [Required] public EventStatus Status { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? SummarySv { get; init; }

    public string? SummaryEn { get; init; }

    /// <summary>The Swedish description as sanitised HTML.</summary>
    [MultiLine] public string? DescriptionSvHtml { get; init; }

    /// <summary>The English description as sanitised HTML.</summary>
    [MultiLine] public string? DescriptionEnHtml { get; init; }

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public DateTimeOffset EndsAt { get; init; }

    [Required] public string TimeZone { get; init; } = "";

    public string? Venue { get; init; }

    public string? Address { get; init; }

    public string? City { get; init; }

    public string? Country { get; init; }

    /// <summary>The event is (also) online; the link is given to registered members only.</summary>
    [Required] public bool Online { get; init; }

    [Required] public EventAudience Audience { get; init; }

    public DateTimeOffset? RegistrationOpensAt { get; init; }

    public DateTimeOffset? RegistrationClosesAt { get; init; }
}

/// <summary>The public list of published events (not coordinators-only ones): upcoming by default, soonest first.</summary>
public sealed record ListPublicEventsRequest : IPageRequest
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    public EventKind? Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }

    /// <summary>Organised or co-hosted by this department (code).</summary>
    public string? Department { get; init; }

    /// <summary>Ending at or after this instant; unset: now (upcoming events).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Starting before this instant.</summary>
    public DateTimeOffset? To { get; init; }
}
