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

    /// <summary>The files sent with the message (attachments and inline images), in order; empty when none.</summary>
    [Required] public IReadOnlyList<DevMailboxAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// The message's header fields, in the order written (<c>From</c>, <c>List-Unsubscribe</c>,
    /// <c>List-Unsubscribe-Post</c>, <c>List-Id</c>, <c>DKIM-Signature</c>, …), so a developer can see what a mail
    /// client sees.
    /// </summary>
    [Required] public IReadOnlyList<DevMailboxHeader> Headers { get; init; } = [];
}

/// <summary>A header field of a message in the development mailbox.</summary>
public sealed record DevMailboxHeader
{
    /// <summary>The field's name as written (<c>List-Unsubscribe</c>).</summary>
    [Required] public string Name { get; init; } = "";

    /// <summary>Its value, unfolded to one line.</summary>
    [Required(AllowEmptyStrings = true)] public string Value { get; init; } = "";
}

/// <summary>A file sent with a message in the development mailbox.</summary>
public sealed record DevMailboxAttachment
{
    /// <summary>Its position among the message's files, from 0: the <c>index</c> that downloads it.</summary>
    [Required] public int Index { get; init; }

    /// <summary>Its file name.</summary>
    [Required] public string FileName { get; init; } = "";

    /// <summary>Its media type without parameters (<c>text/calendar</c>, <c>image/png</c>).</summary>
    [Required] public string MediaType { get; init; } = "";

    /// <summary>Its size in bytes.</summary>
    [Required] public long Size { get; init; }

    /// <summary>For an image the HTML body shows inline: its content id; null for an attachment.</summary>
    public string? ContentId { get; init; }
}

/// <summary>One file of a message in the development mailbox.</summary>
public sealed record DevMailboxAttachmentRequest
{
    /// <summary>The message's identifier (<see cref="DevMailboxMessage.Id"/>).</summary>
    [Required] public string Id { get; init; } = "";

    /// <summary>The file's <see cref="DevMailboxAttachment.Index"/>.</summary>
    [Required] public int Index { get; init; }
}
