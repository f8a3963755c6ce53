using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Events;

/// <summary>One event's calendar file (<c>.ics</c>).</summary>
public sealed record EventCalendarRequest
{
    /// <summary>The event (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>The language of the calendar's texts (<c>sv</c> or <c>en</c>); unset: the request's (<c>Accept-Language</c>).</summary>
    public string? Language { get; init; }
}

/// <summary>The public calendar feed of published upcoming events, with the public list's filters.</summary>
public sealed record PublicEventsCalendarRequest
{
    public EventKind? Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }

    /// <summary>Organised or co-hosted by this department (code).</summary>
    public string? Department { get; init; }

    /// <summary>The language of the calendar's texts (<c>sv</c> or <c>en</c>); unset: the request's (<c>Accept-Language</c>).</summary>
    public string? Language { get; init; }
}

/// <summary>A private calendar feed, addressed by its token (the token is the credential).</summary>
public sealed record CalendarFeedByTokenRequest
{
    /// <summary>The feed's token (from the route).</summary>
    [Required] public string Token { get; init; } = "";
}

/// <summary>Whether I have a private calendar feed. Its address is shown only once, when it is made.</summary>
public sealed record CalendarFeedResponse
{
    /// <summary>True when I have a feed (its token is never shown again).</summary>
    [Required] public bool Exists { get; init; }

    /// <summary>When the current feed was made; null without one.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>My new private calendar feed and, this once only, its address.</summary>
public sealed record CreatedCalendarFeedResponse
{
    /// <summary>
    /// The address to subscribe to in a calendar application (<c>https://…/api/calendar/{token}.ics</c>). Anyone who has
    /// it sees my events: it is not stored and cannot be shown again; making a new one revokes this one.
    /// </summary>
    [Required] public string FeedUrl { get; init; } = "";

    /// <summary>The same address with the <c>webcal:</c> scheme, which opens a calendar application to subscribe.</summary>
    [Required] public string WebcalUrl { get; init; } = "";

    /// <summary>When it was made.</summary>
    [Required] public DateTimeOffset CreatedAt { get; init; }
}
