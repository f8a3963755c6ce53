using MimeKit;
using MimeKit.Utils;

namespace Alumni.Api.Infrastructure.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message every sender delivers.</summary>
internal static class MimeMessages
{
    private static readonly HashSet<string> Reserved = new(["From", "To", "Subject", "Date", "Message-ID"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A message with From, To, Subject, Date and a fresh Message-ID (in the From address's domain), and a
    /// multipart/alternative body of a text/plain and a text/html part; with that Message-ID. Inline images put the
    /// HTML part in a multipart/related with them; attachments put the whole in a multipart/mixed after the body.
    /// Files travel base64-encoded, byte for byte. A message without files has the same shape as ever.
    /// </summary>
    public static (MimeMessage Mime, string MessageId) Create(EmailMessage message, MailboxAddress from, DateTimeOffset date)
    {
        var messageId = MimeUtils.GenerateMessageId(from.Domain);
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var file in message.Attachments ?? [])
        {
            var type = ContentType.Parse(file.MediaType);
            var part = (MimePart)(file.IsInline
                ? body.LinkedResources.Add(file.FileName, file.Content, type)
                : body.Attachments.Add(file.FileName, file.Content, type));
            if (file.IsInline)
            {
                part.ContentId = file.ContentId;
            }

            // Base64 keeps every byte as it is: a text part would have its line breaks rewritten on the way (an
            // .ics needs its CRLFs).
            part.ContentTransferEncoding = ContentEncoding.Base64;
        }

        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            MessageId = messageId,
            Body = body.ToMessageBody(),
        };
        // A copy: an address list subscribes to its addresses' changes, so adding the senders' one shared address
        // to every message would keep every message ever sent alive through that address's event.
        mime.From.Add(from.Clone());
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        foreach (var (name, value) in message.Headers ?? [])
        {
            if (Reserved.Contains(name))
            {
                throw new ArgumentException($"The header {name} is set by every message and cannot be given.", nameof(message));
            }

            mime.Headers.Add(name, value);
        }

        return (mime, messageId);
    }
}
