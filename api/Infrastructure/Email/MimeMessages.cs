using MimeKit;
using MimeKit.Utils;

namespace Alumni.Api.Infrastructure.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into the MIME message every sender delivers.</summary>
internal static class MimeMessages
{
    /// <summary>
    /// A message with From, To, Subject, Date and a fresh Message-ID (in the From address's domain), and a
    /// multipart/alternative body of a text/plain and a text/html part; with that Message-ID.
    /// </summary>
    public static (MimeMessage Mime, string MessageId) Create(EmailMessage message, MailboxAddress from, DateTimeOffset date)
    {
        var messageId = MimeUtils.GenerateMessageId(from.Domain);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            MessageId = messageId,
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        return (mime, messageId);
    }
}
