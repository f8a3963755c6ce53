using System.ComponentModel.DataAnnotations;
using Alumni.Contracts.Members;

namespace Alumni.Contracts.Newsletters;

/// <summary>The preference page's link: the token from a newsletter mail (in the route).</summary>
public sealed record PreferenceTokenRequest
{
    [Required] public string Token { get; init; } = "";
}

/// <summary>One topic on a member's preference page, and whether the member is on it.</summary>
public sealed record PreferenceTopic
{
    [Required] public Guid Id { get; init; }

    /// <summary>A stable key: <c>central</c>, <c>events</c>, <c>department-dsv</c>, or one the office chose.</summary>
    [Required] public string Key { get; init; } = "";

    [Required] public TopicKind Kind { get; init; }

    [Required] public string NameSv { get; init; } = "";

    [Required] public string NameEn { get; init; } = "";

    public string? DescriptionSv { get; init; }

    public string? DescriptionEn { get; init; }

    /// <summary>The member gets this topic's mail: the consent of its channel is given and the topic is not turned off.</summary>
    [Required] public bool Subscribed { get; init; }

    /// <summary>The consent the topic rests on: turning the topic on gives it (as the member's own act).</summary>
    [Required] public ConsentChannel ConsentChannel { get; init; }
}

/// <summary>A member's newsletter preferences: the topics they may be on, their language, and whether all mail is off.</summary>
public sealed record PreferencesResponse
{
    [Required] public string FirstName { get; init; } = "";

    /// <summary>The language mail is sent in: <c>sv</c> or <c>en</c>.</summary>
    [Required] public string Language { get; init; } = "sv";

    /// <summary>The central newsletter, event invitations, the member's departments' mailings and the office's other lists.</summary>
    [Required] public IReadOnlyList<PreferenceTopic> Topics { get; init; } = [];

    /// <summary>No consent for any newsletter channel is given: nothing is mailed.</summary>
    [Required] public bool UnsubscribedFromAll { get; init; }
}

/// <summary>One topic turned on or off.</summary>
public sealed record TopicPreferenceInput
{
    [Required] public Guid Id { get; init; }

    [Required] public bool Subscribed { get; init; }
}

/// <summary>
/// Changes to a member's newsletter preferences; what is not named stays. Turning a topic on gives its channel's consent
/// when it is not given; turning the central newsletter or event invitations off withdraws that consent; turning off a
/// department's or another list leaves the consent for the rest. <c>unsubscribeAll</c> withdraws the consents of all three
/// newsletter channels (and then the topics named are not turned on).
/// </summary>
public record PreferencesChange
{
    public IReadOnlyList<TopicPreferenceInput> Topics { get; init; } = [];

    /// <summary><c>sv</c> or <c>en</c>.</summary>
    public string? Language { get; init; }

    public bool? UnsubscribeAll { get; init; }
}

/// <summary>Changes made on the preference page reached from a mail's link (the token in the route).</summary>
public sealed record UpdatePreferencesRequest : PreferencesChange
{
    [Required] public string Token { get; init; } = "";
}

/// <summary>What a one-click unsubscribe (RFC 8058) did.</summary>
public sealed record OneClickUnsubscribeResponse
{
    /// <summary>The topic turned off (the campaign's); null when everything was.</summary>
    public Guid? TopicId { get; init; }

    /// <summary>True when every newsletter consent was withdrawn (a link from mail outside a campaign).</summary>
    [Required] public bool Everything { get; init; }
}

/// <summary>The form body a mail client POSTs to a one-click unsubscribe address (RFC 8058); the token is in the route.</summary>
public sealed record OneClickUnsubscribeForm
{
    /// <summary>Always <c>One-Click</c>.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("List-Unsubscribe")]
    public string? ListUnsubscribe { get; init; }
}
