using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Newsletters;

/// <summary>
/// A campaign's mail as one recipient would get it: as a chosen member (within the caller's departments) or, without
/// one, with sample values; in a language (the member's own, else Swedish), falling back to the other one when the
/// campaign is not written in it.
/// </summary>
public sealed record PreviewCampaignRequest
{
    /// <summary>The campaign (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>Fill the personal fields in as this member; null: sample values.</summary>
    public Guid? MemberId { get; init; }

    /// <summary><c>sv</c> or <c>en</c>; null: the member's language, else Swedish.</summary>
    public string? Language { get; init; }
}

/// <summary>The rendered mail.</summary>
public sealed record PreviewResponse
{
    [Required] public string Subject { get; init; } = "";

    /// <summary>The HTML part, CSS inlined, as it is sent (show it in a sandboxed frame).</summary>
    [Required] public string Html { get; init; } = "";

    /// <summary>The plain-text part.</summary>
    [Required] public string Text { get; init; } = "";

    /// <summary>The language it is in (the other one when the campaign is not written in the one asked for).</summary>
    [Required] public string Language { get; init; } = "sv";
}

/// <summary>Sends a campaign's mail with sample values to a few addresses, its subject marked "[Test]".</summary>
public sealed record TestSendCampaignRequest
{
    /// <summary>The campaign (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>1–10 e-mail addresses.</summary>
    [Required] public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary><c>sv</c> or <c>en</c>; null: Swedish (the other one when the campaign is not written in it).</summary>
    public string? Language { get; init; }
}

/// <summary>What a test send did.</summary>
public sealed record TestSendResponse
{
    /// <summary>How many mails were sent (one per address).</summary>
    [Required] public int Sent { get; init; }
}
