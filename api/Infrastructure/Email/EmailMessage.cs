namespace Alumni.Api.Infrastructure.Email;

/// <summary>
/// One e-mail to one recipient. It is always sent with both bodies (multipart/alternative): <see cref="Text"/> for
/// readers that show plain text, <see cref="Html"/> for the rest; with <see cref="Attachments"/> when it has any.
/// </summary>
/// <param name="To">The recipient's address.</param>
/// <param name="ToName">The recipient's name as shown in the To header, if any.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
/// <param name="Attachments">Files sent with the message (none when null or empty).</param>
/// <param name="Headers">
/// More header fields, in order (<c>List-Unsubscribe</c>, <c>List-Id</c>, …); none when null. They may not replace the
/// fields every message has (From, To, Subject, Date, Message-ID).
/// </param>
public sealed record EmailMessage(string To, string? ToName, string Subject, string Text, string Html,
    IReadOnlyList<EmailAttachment>? Attachments = null, IReadOnlyList<KeyValuePair<string, string>>? Headers = null);

/// <summary>
/// A file sent with an <see cref="EmailMessage"/>: an attachment the reader saves or opens (an <c>.ics</c>), or, with
/// a <see cref="ContentId"/>, an image the HTML body shows inline (<c>&lt;img src="cid:qr"&gt;</c>).
/// </summary>
/// <param name="FileName">The file name the reader sees (<c>event.ics</c>).</param>
/// <param name="MediaType">The media type, with parameters if any (<c>text/calendar; method=PUBLISH</c>, <c>image/png</c>).</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentId">For an image shown in the HTML: its content id (without angle brackets); null for an attachment.</param>
public sealed record EmailAttachment(string FileName, string MediaType, byte[] Content, string? ContentId = null)
{
    /// <summary>True when the HTML body shows the file inline by its <see cref="ContentId"/>.</summary>
    public bool IsInline => !string.IsNullOrEmpty(ContentId);
}
