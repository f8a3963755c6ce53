using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Events;

/// <summary>
/// Where a registration stands as the organiser sees it: confirmed (and not yet checked in, or the event has not ended),
/// waiting, cancelled, left (the waiting list), checked in, or a no-show (confirmed, not checked in, the event over).
/// </summary>
public enum AttendeeStatus
{
    Confirmed,
    Waiting,
    Cancelled,
    Left,
    CheckedIn,
    NoShow,
}

/// <summary>The registrations of an event (staff of the organiser or a co-host): filtered, searched, paged.</summary>
public sealed record ListRegistrationsRequest : IPageRequest
{
    /// <summary>The event (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>Only registrations in this state.</summary>
    public AttendeeStatus? Status { get; init; }

    /// <summary>Words that must each occur in the first name, last name or e-mail address.</summary>
    public string? Q { get; init; }

    /// <summary>From 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>The registrations of an event as CSV, with the same filters as the list.</summary>
public sealed record ExportRegistrationsRequest
{
    /// <summary>The event (from the route).</summary>
    [Required] public Guid Id { get; init; }

    public AttendeeStatus? Status { get; init; }

    public string? Q { get; init; }
}

/// <summary>One registration, for the organiser.</summary>
public sealed record AttendeeResponse
{
    /// <summary>The registration.</summary>
    [Required] public Guid Id { get; init; }

    [Required] public Guid MemberId { get; init; }

    /// <summary>Null once the member erased their data.</summary>
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    [Required] public AttendeeStatus Status { get; init; }

    /// <summary>The member and their guests.</summary>
    [Required] public int Seats { get; init; }

    /// <summary>The guests' names in order (a name is null once the registration is anonymised).</summary>
    [Required] public IReadOnlyList<string?> Guests { get; init; } = [];

    /// <summary>The place on the waiting list, from 1, while waiting.</summary>
    public int? Position { get; init; }

    /// <summary>The short code of the registration's QR code (for check-in by typing it).</summary>
    [Required] public string CheckInCode { get; init; } = "";

    public DateTimeOffset? CheckedInAt { get; init; }

    [Required] public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>The language mail to this registration is written in: <c>sv</c> or <c>en</c>.</summary>
    [Required] public string Language { get; init; } = "sv";

    /// <summary>The answers to the event's questions (an answer is null once the registration is anonymised).</summary>
    [Required] public IReadOnlyList<AttendeeAnswer> Answers { get; init; } = [];

    /// <summary>When its personal data (answers, guests' names, feedback comment) was removed, if it was.</summary>
    public DateTimeOffset? AnonymisedAt { get; init; }
}

/// <summary>The answer to one question.</summary>
public sealed record AttendeeAnswer
{
    [Required] public Guid QuestionId { get; init; }

    public string? Answer { get; init; }
}

/// <summary>Checks a registration in, by its id or by the short code of the member's QR code (either, not both).</summary>
public sealed record CheckInRequest
{
    /// <summary>The event (from the route).</summary>
    [Required] public Guid Id { get; init; }

    public Guid? RegistrationId { get; init; }

    /// <summary>The check-in code, scanned or typed (case and spaces do not matter).</summary>
    public string? Code { get; init; }
}

/// <summary>Undoes a check-in.</summary>
public sealed record UndoCheckInRequest
{
    /// <summary>The event (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>The registration (from the route).</summary>
    [Required] public Guid RegistrationId { get; init; }
}

/// <summary>Who was checked in.</summary>
public sealed record CheckInResponse
{
    [Required] public Guid RegistrationId { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>The member and their guests.</summary>
    [Required] public int Seats { get; init; }

    [Required] public IReadOnlyList<string?> Guests { get; init; } = [];

    [Required] public DateTimeOffset CheckedInAt { get; init; }
}

/// <summary>Addresses one event's attendance (figures, feedback summary).</summary>
public sealed record EventAttendanceRequest
{
    /// <summary>The event (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>An event's figures. Counts stay when personal data is anonymised.</summary>
public sealed record EventFiguresResponse
{
    [Required] public Guid EventId { get; init; }

    /// <summary>Null: unlimited.</summary>
    public int? Capacity { get; init; }

    /// <summary>Confirmed registrations.</summary>
    [Required] public int Registrations { get; init; }

    /// <summary>Seats they take (members and guests).</summary>
    [Required] public int Seats { get; init; }

    /// <summary>Registrations on the waiting list.</summary>
    [Required] public int Waiting { get; init; }

    [Required] public int WaitingSeats { get; init; }

    /// <summary>Confirmed registrations checked in.</summary>
    [Required] public int CheckedIn { get; init; }

    [Required] public int CheckedInSeats { get; init; }

    /// <summary>Confirmed registrations not checked in once the event has ended (0 before).</summary>
    [Required] public int NoShows { get; init; }

    /// <summary>Registrations cancelled.</summary>
    [Required] public int Cancelled { get; init; }

    /// <summary>Registrations that left the waiting list.</summary>
    [Required] public int Left { get; init; }

    /// <summary>True once the event has ended.</summary>
    [Required] public bool Ended { get; init; }
}

/// <summary>A member's feedback on an event they attended (checked in): once, after the event started.</summary>
public sealed record SubmitFeedbackRequest
{
    /// <summary>The event (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>1 (poor) to 5 (excellent).</summary>
    [Required] public int Rating { get; init; }

    /// <summary>At most 2000 characters; line breaks allowed.</summary>
    [MultiLine] public string? Comment { get; init; }
}

/// <summary>The feedback as given.</summary>
public sealed record FeedbackResponse
{
    [Required] public Guid EventId { get; init; }

    [Required] public int Rating { get; init; }

    public string? Comment { get; init; }

    [Required] public DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>The feedback on an event for its organiser: figures and the comments, without names.</summary>
public sealed record FeedbackSummaryResponse
{
    [Required] public Guid EventId { get; init; }

    /// <summary>Feedback given.</summary>
    [Required] public int Count { get; init; }

    /// <summary>The mean rating, null without feedback.</summary>
    public double? Average { get; init; }

    /// <summary>How many gave each rating, 1 to 5 (always five entries).</summary>
    [Required] public IReadOnlyList<RatingCount> Distribution { get; init; } = [];

    /// <summary>The comments, newest first, without who wrote them (gone once the registrations are anonymised).</summary>
    [Required] public IReadOnlyList<FeedbackComment> Comments { get; init; } = [];
}

/// <summary>How many gave a rating.</summary>
public sealed record RatingCount
{
    [Required] public int Rating { get; init; }

    [Required] public int Count { get; init; }
}

/// <summary>One comment, with its rating.</summary>
public sealed record FeedbackComment
{
    [Required] public int Rating { get; init; }

    [Required] public string Comment { get; init; } = "";
}
