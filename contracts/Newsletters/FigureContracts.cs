using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Newsletters;

/// <summary>
/// A campaign's figures: its recipients by state, the bounces recorded against it and the unsubscribes its mail caused.
/// Polled, these are the live progress of a send. No opens or clicks are tracked.
/// </summary>
public sealed record CampaignFiguresResponse
{
    [Required] public Guid CampaignId { get; init; }

    [Required] public CampaignStatus Status { get; init; }

    /// <summary>Recipients fixed when sending started.</summary>
    [Required] public int Recipients { get; init; }

    [Required] public int Queued { get; init; }

    [Required] public int Sending { get; init; }

    [Required] public int Sent { get; init; }

    [Required] public int Failed { get; init; }

    [Required] public int Skipped { get; init; }

    [Required] public int Uncertain { get; init; }

    /// <summary>Bounces recorded for the campaign's mail.</summary>
    [Required] public int Bounces { get; init; }

    /// <summary>Unsubscribes made through the campaign's links.</summary>
    [Required] public int Unsubscribes { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>A page of a campaign's recipients, optionally of one state.</summary>
public sealed record ListRecipientsRequest : IPageRequest
{
    /// <summary>The campaign (from the route).</summary>
    [Required] public Guid Id { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    public RecipientState? State { get; init; }
}

/// <summary>One recipient of a campaign and where their mail stands.</summary>
public sealed record RecipientResponse
{
    [Required] public Guid MemberId { get; init; }

    /// <summary>The member's name; null once erased.</summary>
    public string? Name { get; init; }

    /// <summary>The address the mail went to; null once erased.</summary>
    public string? Email { get; init; }

    /// <summary><c>sv</c> or <c>en</c>.</summary>
    [Required] public string Language { get; init; } = "";

    [Required] public int Batch { get; init; }

    [Required] public RecipientState State { get; init; }

    /// <summary>Why it failed or was skipped.</summary>
    public string? Reason { get; init; }

    [Required] public int Attempts { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>The topics' figures over the last months.</summary>
public sealed record TopicFiguresRequest
{
    /// <summary>How many months back, this one included (1–36, 12 when not given).</summary>
    public int Months { get; init; } = 12;
}

/// <summary>Each topic with its subscribers now and, per month, the mail sent to it and the unsubscribes from it.</summary>
public sealed record TopicFiguresResponse
{
    [Required] public IReadOnlyList<TopicFigures> Topics { get; init; } = [];
}

public sealed record TopicFigures
{
    [Required] public Guid TopicId { get; init; }

    [Required] public string Key { get; init; } = "";

    [Required] public string NameSv { get; init; } = "";

    [Required] public string NameEn { get; init; } = "";

    [Required] public int SubscribersNow { get; init; }

    /// <summary>The months with anything sent or any unsubscribe, oldest first.</summary>
    [Required] public IReadOnlyList<TopicMonth> Months { get; init; } = [];
}

public sealed record TopicMonth
{
    /// <summary>The month, <c>yyyy-MM</c> (UTC).</summary>
    [Required] public string Month { get; init; } = "";

    /// <summary>Mails accepted for sending to the topic in the month (campaigns the caller sees).</summary>
    [Required] public int Sent { get; init; }

    [Required] public int Unsubscribes { get; init; }
}
