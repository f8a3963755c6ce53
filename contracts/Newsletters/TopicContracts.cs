using System.ComponentModel.DataAnnotations;
using Alumni.Contracts.Members;

namespace Alumni.Contracts.Newsletters;

/// <summary>
/// A topic members can be on: the central newsletter, a department's mailings, event invitations, or one the office
/// added. A member is on it while the consent of its channel is in force and they have not turned it off.
/// </summary>
public sealed record TopicResponse
{
    [Required] public Guid Id { get; init; }

    /// <summary>Stable key (<c>central</c>, <c>events</c>, <c>department-dsv</c>, or a custom topic's own), also in the mail's <c>List-Id</c>.</summary>
    [Required] public string Key { get; init; } = "";

    [Required] public TopicKind Kind { get; init; }

    /// <summary>The department of a department's mailings; null for the others.</summary>
    public Guid? DepartmentId { get; init; }

    /// <summary>The consent a member must have given to be on the topic.</summary>
    [Required] public ConsentChannel ConsentChannel { get; init; }

    [Required] public string NameSv { get; init; } = "";

    [Required] public string NameEn { get; init; } = "";

    public string? DescriptionSv { get; init; }

    public string? DescriptionEn { get; init; }

    /// <summary>An inactive topic is not offered on the preference page and cannot be sent to.</summary>
    [Required] public bool Active { get; init; }

    /// <summary>Members on the topic now (consent in force, not turned off, address not stopped).</summary>
    [Required] public int Subscribers { get; init; }

    [Required] public int Version { get; init; }
}

/// <summary>The topics: every active one (admins may ask for the inactive ones too).</summary>
public sealed record ListTopicsRequest
{
    /// <summary>Admins: include inactive topics.</summary>
    public bool IncludeInactive { get; init; }
}

/// <summary>A new topic the office adds (kind custom), on one of the three mail consents.</summary>
public sealed record CreateTopicRequest
{
    /// <summary>2–40 characters: a lower-case letter first, then lower-case letters, digits or hyphens; not a seeded topic's key.</summary>
    [Required] public string Key { get; init; } = "";

    /// <summary>One of <c>centralNewsletter</c>, <c>departmentMailings</c>, <c>eventInvitations</c>.</summary>
    [Required] public ConsentChannel ConsentChannel { get; init; }

    [Required] public string NameSv { get; init; } = "";

    [Required] public string NameEn { get; init; } = "";

    [MultiLine] public string? DescriptionSv { get; init; }

    [MultiLine] public string? DescriptionEn { get; init; }
}

/// <summary>
/// A change of a topic (If-Match required). Descriptions of every topic may change; only a custom topic may be renamed,
/// deactivated or moved to another consent channel (the seeded topics' names follow their department, their channels are fixed).
/// </summary>
public sealed record UpdateTopicRequest
{
    /// <summary>The topic (from the route).</summary>
    [Required] public Guid Id { get; init; }

    [Required] public ConsentChannel ConsentChannel { get; init; }

    [Required] public string NameSv { get; init; } = "";

    [Required] public string NameEn { get; init; } = "";

    [MultiLine] public string? DescriptionSv { get; init; }

    [MultiLine] public string? DescriptionEn { get; init; }

    [Required] public bool Active { get; init; }
}
