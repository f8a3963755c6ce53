using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Events;

/// <summary>A new occasion abroad: a visit or delegation of the university that events belong to.</summary>
public record OccasionInput
{
    /// <summary>What the occasion is called (1–200 characters), e.g. "Rector's visit to Bogotá".</summary>
    [Required] public string Title { get; init; } = "";

    /// <summary>Why the university goes: several lines allowed, up to 2,000 characters; optional.</summary>
    [MultiLine] public string? Purpose { get; init; }

    /// <summary>The city visited (1–100 characters).</summary>
    [Required] public string City { get; init; } = "";

    /// <summary>The country visited: an ISO 3166-1 alpha-2 code (<c>CO</c>), in any case.</summary>
    [Required] public string Country { get; init; } = "";

    /// <summary>The first day.</summary>
    [Required] public DateOnly StartsOn { get; init; }

    /// <summary>The last day, on or after <see cref="StartsOn"/>.</summary>
    [Required] public DateOnly EndsOn { get; init; }
}

/// <summary>Creates an occasion abroad.</summary>
public sealed record CreateOccasionRequest : OccasionInput;

/// <summary>Changes an occasion abroad (If-Match: its version).</summary>
public sealed record UpdateOccasionRequest : OccasionInput
{
    /// <summary>The occasion (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Reads one occasion with its planning figures.</summary>
public sealed record GetOccasionRequest
{
    /// <summary>The occasion (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Lists occasions, soonest first; each filter narrows it.</summary>
public sealed record ListOccasionsRequest : IPageRequest
{
    /// <summary>Only occasions in this country (ISO 3166-1 alpha-2, any case).</summary>
    public string? Country { get; init; }

    /// <summary>Only occasions that have not ended before this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only occasions that start on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Page number, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Occasions per page, 1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>An occasion abroad.</summary>
public record OccasionResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string Title { get; init; } = "";

    /// <summary>Why the university goes, if said.</summary>
    public string? Purpose { get; init; }

    [Required] public string City { get; init; } = "";

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    [Required] public string Country { get; init; } = "";

    [Required] public DateOnly StartsOn { get; init; }

    [Required] public DateOnly EndsOn { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The version: the ETag, and what If-Match names to change it.</summary>
    [Required] public int Version { get; init; }
}

/// <summary>An occasion abroad with the figures the office plans it by.</summary>
public sealed record OccasionDetailResponse : OccasionResponse
{
    /// <summary>How many active members live where the occasion is; counts only, no names.</summary>
    [Required] public OccasionReach Reach { get; init; } = new();

    /// <summary>The occasion's events that the caller may see (a coordinator: their departments' and co-hosted ones), soonest first.</summary>
    [Required] public IReadOnlyList<OccasionEvent> Events { get; init; } = [];
}

/// <summary>An event of an occasion, in short.</summary>
public sealed record OccasionEvent
{
    [Required] public Guid Id { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public EventStatus Status { get; init; }
}

/// <summary>How many active members live in an occasion's country and city, and how many of them agreed to event invitations.</summary>
public sealed record OccasionReach
{
    /// <summary>Members living in the country.</summary>
    [Required] public int InCountry { get; init; }

    /// <summary>Of those, members who agreed to be invited to events.</summary>
    [Required] public int InCountryConsented { get; init; }

    /// <summary>Members living in the city (compared without regard to case).</summary>
    [Required] public int InCity { get; init; }

    /// <summary>Of those, members who agreed to be invited to events.</summary>
    [Required] public int InCityConsented { get; init; }
}
