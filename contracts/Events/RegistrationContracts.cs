using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Events;

/// <summary>
/// Registers me for an event, with my guests and my answers to its questions. Send an <c>Idempotency-Key</c> header to
/// make a retry safe.
/// </summary>
public sealed record RegisterForEventRequest
{
    /// <summary>The event (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>The guests I bring, by name: at most the event's <c>guestsAllowed</c>. Each takes a seat.</summary>
    public IReadOnlyList<RegistrationGuestInput> Guests { get; init; } = [];

    /// <summary>My answers, one per question at most; every required question needs one.</summary>
    public IReadOnlyList<RegistrationAnswerInput> Answers { get; init; } = [];
}

/// <summary>A guest of a registration.</summary>
public sealed record RegistrationGuestInput
{
    /// <summary>The guest's name, as it should be on the attendee list.</summary>
    [Required] public string Name { get; init; } = "";
}

/// <summary>
/// An answer to one of the event's questions: for a text question the text; for a choice question one of its choices
/// (its Swedish or its English text); for a yes/no question <c>yes</c> or <c>no</c>.
/// </summary>
public sealed record RegistrationAnswerInput
{
    [Required] public Guid QuestionId { get; init; }

    [Required] public string Answer { get; init; } = "";
}

/// <summary>Addresses my registration for an event.</summary>
public sealed record MyRegistrationRequest
{
    /// <summary>The event.</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>My registration for an event.</summary>
public sealed record RegistrationResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public Guid EventId { get; init; }

    [Required] public RegistrationStatus Status { get; init; }

    /// <summary>The seats it takes or waits for: me and my guests.</summary>
    [Required] public int Seats { get; init; }

    /// <summary>While waiting: the place on the waiting list (1 is next); null otherwise.</summary>
    public int? Position { get; init; }

    /// <summary>The code to show at the door (also as a QR code in the confirmation mail).</summary>
    [Required] public string CheckInCode { get; init; } = "";

    /// <summary>My guests' names, in the order given (null once anonymised).</summary>
    [Required] public IReadOnlyList<string?> Guests { get; init; } = [];

    /// <summary>My answers (an answer is null once anonymised).</summary>
    [Required] public IReadOnlyList<RegistrationAnswer> Answers { get; init; } = [];

    [Required] public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>When it got its seats (at once, or when promoted from the waiting list).</summary>
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>When it was cancelled or left the waiting list.</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    public DateTimeOffset? CheckedInAt { get; init; }
}

/// <summary>An answer given with a registration.</summary>
public sealed record RegistrationAnswer
{
    [Required] public Guid QuestionId { get; init; }

    /// <summary>The answer; null once anonymised.</summary>
    public string? Answer { get; init; }
}

/// <summary>Which of my registrations to list.</summary>
public enum RegistrationPeriod
{
    /// <summary>Events that have not ended, soonest first.</summary>
    Upcoming,

    /// <summary>Events that have ended, latest first.</summary>
    Past,
}

/// <summary>Pages my registrations.</summary>
public sealed record ListMyRegistrationsRequest : IPageRequest
{
    /// <summary>Upcoming (the default: soonest first) or past (latest first) events.</summary>
    public RegistrationPeriod When { get; init; } = RegistrationPeriod.Upcoming;

    /// <summary>Page number, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Registrations per page, 1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>One of my registrations with what I need to know of its event.</summary>
public sealed record MyRegistrationSummary
{
    [Required] public Guid Id { get; init; }

    [Required] public Guid EventId { get; init; }

    /// <summary>The event's title in the request's language, else in the other.</summary>
    [Required] public string Title { get; init; } = "";

    /// <summary><c>draft</c>, <c>published</c>, <c>cancelled</c> or <c>completed</c>.</summary>
    [Required] public string EventStatus { get; init; } = "";

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public DateTimeOffset EndsAt { get; init; }

    /// <summary>The event's IANA time zone.</summary>
    [Required] public string TimeZone { get; init; } = "";

    public string? City { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }

    [Required] public RegistrationStatus Status { get; init; }

    [Required] public int Seats { get; init; }

    /// <summary>While waiting: the place on the waiting list (1 is next).</summary>
    public int? Position { get; init; }

    [Required] public DateTimeOffset RegisteredAt { get; init; }
}
