using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Dev;

/// <summary>Query of the development mailbox.</summary>
public sealed record DevMailboxRequest
{
    /// <summary>How many messages to return, 1–200 (default 50).</summary>
    public int? Limit { get; init; }
}

/// <summary>A message the API wrote into its mail folder because no SMTP relay is configured (Development only).</summary>
public sealed record DevMailboxMessage
{
    /// <summary>Identifier of the message in the mail folder: its file name without <c>.eml</c>.</summary>
    [Required] public string Id { get; init; } = "";

    /// <summary>The recipient's address.</summary>
    [Required] public string To { get; init; } = "";

    /// <summary>The subject line (empty when the message has none).</summary>
    [Required(AllowEmptyStrings = true)] public string Subject { get; init; } = "";

    /// <summary>When the message was sent (UTC).</summary>
    [Required] public DateTimeOffset SentAt { get; init; }

    /// <summary>The plain-text body (empty when the message has none).</summary>
    [Required(AllowEmptyStrings = true)] public string Text { get; init; } = "";
}
