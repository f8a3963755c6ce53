using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Newsletters;

/// <summary>
/// A campaign as staff write it: a newsletter, or an invitation when <see cref="EventId"/> is given, sent by a
/// department (or, for admins, the central office when <see cref="DepartmentId"/> is null) to a topic, narrowed by a
/// segment when one is given. Subjects, preheaders and bodies in Swedish and English (Markdown with personal fields);
/// each recipient gets their language, else the other. A draft may leave texts out; sending needs them.
/// </summary>
public record NewsletterCampaignInput
{
    /// <summary>The staff's own name for it (not shown to recipients).</summary>
    [Required] public string Name { get; init; } = "";

    /// <summary>The sender: one of the caller's departments; null for the central office (admins only).</summary>
    public Guid? DepartmentId { get; init; }

    /// <summary>The topic it goes to. A department sends to its own department's topic or to event invitations.</summary>
    [Required] public Guid TopicId { get; init; }

    /// <summary>A saved segment the audience is narrowed to (the sender's own).</summary>
    public Guid? SegmentId { get; init; }

    /// <summary>The event invited to (makes the campaign an invitation); an event the caller sees, published.</summary>
    public Guid? EventId { get; init; }

    /// <summary>The layout; null: the default one.</summary>
    public Guid? LayoutId { get; init; }

    public string? SubjectSv { get; init; }

    public string? SubjectEn { get; init; }

    /// <summary>The line mail clients show after the subject.</summary>
    public string? PreheaderSv { get; init; }

    public string? PreheaderEn { get; init; }

    /// <summary>Markdown, with personal fields such as <c>{{ member.first_name }}</c>.</summary>
    [MultiLine] public string? BodySv { get; init; }

    /// <summary>Markdown, with personal fields such as <c>{{ member.first_name }}</c>.</summary>
    [MultiLine] public string? BodyEn { get; init; }
}

/// <summary>A new campaign (a draft). With <see cref="SourceMessageId"/>, the texts not given are copied from that ready-made message.</summary>
public sealed record CreateNewsletterCampaignRequest : NewsletterCampaignInput
{
    /// <summary>A ready-made message of the library to start from.</summary>
    public Guid? SourceMessageId { get; init; }
}

/// <summary>A change of a draft or scheduled campaign (If-Match required).</summary>
public sealed record UpdateNewsletterCampaignRequest : NewsletterCampaignInput
{
    /// <summary>The campaign (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Addresses a campaign by its id.</summary>
public sealed record NewsletterCampaignByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>Sends a draft (or re-times a scheduled campaign) at a later instant.</summary>
public sealed record ScheduleNewsletterCampaignRequest
{
    /// <summary>The campaign (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>When sending starts; in the future.</summary>
    [Required] public DateTimeOffset ScheduledAt { get; init; }
}

/// <summary>The campaigns the caller sees, newest first.</summary>
public sealed record ListNewsletterCampaignsRequest : IPageRequest
{
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;

    public CampaignStatus? Status { get; init; }

    /// <summary>Sent by this department (id).</summary>
    public Guid? DepartmentId { get; init; }

    /// <summary>Only the central office's (no department).</summary>
    public bool? Central { get; init; }
}

/// <summary>A campaign as staff see it.</summary>
public sealed record NewsletterCampaignResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public CampaignKind Kind { get; init; }

    [Required] public string Name { get; init; } = "";

    public Guid? DepartmentId { get; init; }

    /// <summary>The sending department's code; null for the central office.</summary>
    public string? DepartmentCode { get; init; }

    [Required] public Guid TopicId { get; init; }

    [Required] public string TopicKey { get; init; } = "";

    public Guid? SegmentId { get; init; }

    public Guid? EventId { get; init; }

    public Guid? LayoutId { get; init; }

    /// <summary>The ready-made message it was made from.</summary>
    public Guid? SourceMessageId { get; init; }

    public string? SubjectSv { get; init; }

    public string? SubjectEn { get; init; }

    public string? PreheaderSv { get; init; }

    public string? PreheaderEn { get; init; }

    public string? BodySv { get; init; }

    public string? BodyEn { get; init; }

    [Required] public CampaignStatus Status { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Recipients fixed when sending started (0 before).</summary>
    [Required] public int RecipientCount { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    [Required] public int Version { get; init; }
}

/// <summary>A campaign in a list.</summary>
public sealed record NewsletterCampaignSummary
{
    [Required] public Guid Id { get; init; }

    [Required] public CampaignKind Kind { get; init; }

    [Required] public string Name { get; init; } = "";

    public Guid? DepartmentId { get; init; }

    public string? DepartmentCode { get; init; }

    [Required] public Guid TopicId { get; init; }

    [Required] public string TopicKey { get; init; } = "";

    public Guid? EventId { get; init; }

    public string? SubjectSv { get; init; }

    public string? SubjectEn { get; init; }

    [Required] public CampaignStatus Status { get; init; }

    public DateTimeOffset? ScheduledAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    [Required] public int RecipientCount { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    [Required] public int Version { get; init; }
}

/// <summary>How many would receive a campaign now: the topic's subscribers, in the segment, within the sender's departments.</summary>
public sealed record AudienceRequest
{
    [Required] public Guid TopicId { get; init; }

    public Guid? SegmentId { get; init; }

    /// <summary>The sending department; none: the central office (admins), or all the coordinator's departments.</summary>
    public Guid? DepartmentId { get; init; }
}

public sealed record AudienceResponse
{
    [Required] public int Count { get; init; }
}

/// <summary>What an action on the uncertain recipients did.</summary>
public sealed record UncertainResponse
{
    /// <summary>The recipients it moved (back to the queue, or recorded as not resent).</summary>
    [Required] public int Recipients { get; init; }

    [Required] public CampaignStatus Status { get; init; }
}
