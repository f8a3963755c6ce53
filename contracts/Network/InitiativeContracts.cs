using System.ComponentModel.DataAnnotations;
using Alumni.Contracts.Events;
using Alumni.Contracts.Newsletters;

namespace Alumni.Contracts.Network;

/// <summary>What a central initiative is.</summary>
public enum InitiativeKind
{
    /// <summary>A central initiative departments take part in (an alumni day where each runs its own session).</summary>
    Initiative,

    /// <summary>A lasting platform departments join (a mentorship programme).</summary>
    Platform,

    /// <summary>A meeting place departments offer their alumni (a fair, a network evening).</summary>
    MeetingPlace,
}

/// <summary>Whether departments may still join.</summary>
public enum InitiativeStatus
{
    /// <summary>Departments may join, change what they offer and leave.</summary>
    Open,

    /// <summary>Closed by the office: who joined stays as it is.</summary>
    Closed,
}

/// <summary>
/// An initiative as the office writes it (create, or update with If-Match). Either language of each text may be
/// missing (at least one title). The descriptions are Markdown. The period is whole days: the end (if any) is on or
/// after the start.
/// </summary>
public record InitiativeInput
{
    [Required] public InitiativeKind Kind { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? DescriptionSv { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? DescriptionEn { get; init; }

    /// <summary>The first day.</summary>
    [Required] public DateOnly StartsOn { get; init; }

    /// <summary>The last day; null for an initiative without an end.</summary>
    public DateOnly? EndsOn { get; init; }
}

/// <summary>A new initiative; it starts open.</summary>
public sealed record CreateInitiativeRequest : InitiativeInput;

/// <summary>A change of an initiative's kind, texts and period (If-Match required).</summary>
public sealed record UpdateInitiativeRequest : InitiativeInput
{
    /// <summary>The initiative (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Addresses an initiative by its id.</summary>
public sealed record InitiativeByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>A page of initiatives: open ones first, then by their start.</summary>
public sealed record ListInitiativesRequest : IPageRequest
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    public InitiativeKind? Kind { get; init; }

    public InitiativeStatus? Status { get; init; }

    /// <summary>Words of the title in either language.</summary>
    public string? Q { get; init; }
}

/// <summary>An initiative in the list.</summary>
public sealed record InitiativeSummary
{
    [Required] public Guid Id { get; init; }

    [Required] public InitiativeKind Kind { get; init; }

    [Required] public InitiativeStatus Status { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    [Required] public DateOnly StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    /// <summary>How many departments joined.</summary>
    [Required] public int JoinedCount { get; init; }

    /// <summary>The departments of the caller's own (as a coordinator) that joined, by code; empty for the office.</summary>
    [Required] public IReadOnlyList<string> MyJoinedDepartmentCodes { get; init; } = [];

    [Required] public int Version { get; init; }
}

/// <summary>The department's own event linked to its join (from Events' <c>event_invitation_facts</c>).</summary>
public sealed record InitiativeJoinEvent
{
    [Required] public Guid Id { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    [Required] public DateTimeOffset StartsAt { get; init; }

    [Required] public string TimeZone { get; init; } = "";

    [Required] public EventStatus Status { get; init; }
}

/// <summary>The department's own campaign linked to its join (from Newsletters' <c>newsletter_campaign_facts</c>).</summary>
public sealed record InitiativeJoinCampaign
{
    [Required] public Guid Id { get; init; }

    [Required] public string Name { get; init; } = "";

    [Required] public CampaignStatus Status { get; init; }
}

/// <summary>A department that joined, with what it offers and its own event or campaign under the initiative.</summary>
public sealed record InitiativeJoinResponse
{
    [Required] public Guid InitiativeId { get; init; }

    [Required] public string DepartmentCode { get; init; } = "";

    [Required] public string DepartmentNameSv { get; init; } = "";

    [Required] public string DepartmentNameEn { get; init; } = "";

    /// <summary>What the department will offer.</summary>
    [MultiLine] public string? OfferNote { get; init; }

    [Required] public DateTimeOffset JoinedAt { get; init; }

    /// <summary>Who joined (a person's name or e-mail address, an API key's name); null once erased.</summary>
    public string? JoinedByName { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    public InitiativeJoinEvent? Event { get; init; }

    public InitiativeJoinCampaign? Campaign { get; init; }

    /// <summary>The caller may change the join or leave (a coordinator of the department, or an admin).</summary>
    [Required] public bool CanChange { get; init; }

    /// <summary>The join's version: the ETag to send in If-Match when changing it.</summary>
    [Required] public int Version { get; init; }
}

/// <summary>An initiative with everything: its texts (the descriptions also as safe HTML) and who joined.</summary>
public sealed record InitiativeResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public InitiativeKind Kind { get; init; }

    [Required] public InitiativeStatus Status { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    [MultiLine] public string? DescriptionSv { get; init; }

    [MultiLine] public string? DescriptionEn { get; init; }

    /// <summary>The Swedish description as HTML that is safe to show.</summary>
    [MultiLine] public string? DescriptionSvHtml { get; init; }

    /// <summary>The English description as HTML that is safe to show.</summary>
    [MultiLine] public string? DescriptionEnHtml { get; init; }

    [Required] public DateOnly StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The departments that joined, by code.</summary>
    [Required] public IReadOnlyList<InitiativeJoinResponse> Joins { get; init; } = [];

    [Required] public int Version { get; init; }
}

/// <summary>
/// A department joins ("haka på") an initiative, or changes what it offers and its linked event or campaign. The first
/// join needs no If-Match; changing an existing join needs its ETag in If-Match.
/// </summary>
public sealed record JoinInitiativeRequest
{
    /// <summary>The initiative (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>The joining department's code (from the route).</summary>
    [Required] public string DepartmentCode { get; init; } = "";

    /// <summary>What the department will offer (plain text, line breaks allowed).</summary>
    [MultiLine] public string? OfferNote { get; init; }

    /// <summary>The department's own event under the initiative: organised or co-hosted by the department.</summary>
    public Guid? EventId { get; init; }

    /// <summary>The department's own campaign under the initiative: sent by the department.</summary>
    public Guid? CampaignId { get; init; }
}

/// <summary>Addresses a department's join of an initiative.</summary>
public sealed record InitiativeJoinByIdRequest
{
    /// <summary>The initiative (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>The department's code (from the route).</summary>
    [Required] public string DepartmentCode { get; init; } = "";
}
