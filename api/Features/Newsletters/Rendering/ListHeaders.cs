using MimeKit;

namespace Alumni.Api.Features.Newsletters.Rendering;

/// <summary>
/// The list header fields of a newsletter mail: <c>List-Unsubscribe</c> with the HTTPS one-click address first and the
/// mailto address second (when a mailbox is configured), <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>
/// (RFC 8058) and <c>List-Id</c> (RFC 2919) of the topic under the sender's domain.
/// </summary>
public static class ListHeaders
{
    /// <summary>The header fields, in order, for <see cref="Infrastructure.Email.EmailMessage.Headers"/>.</summary>
    /// <param name="oneClickUrl">The one-click unsubscribe address (<c>PreferenceLinks.OneClickUrl</c>).</param>
    /// <param name="token">The recipient's token, named in the mailto subject.</param>
    /// <param name="unsubscribeMailbox">The mailbox of the mailto unsubscribe; none: the HTTPS address only.</param>
    /// <param name="topicName">The topic's name, shown by mail clients.</param>
    /// <param name="topicKey">The topic's key (<c>central</c>, <c>department-dsv</c>), the list's id under the domain.</param>
    /// <param name="from">The From address whose domain the list id is under.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> For(string oneClickUrl, string token, string? unsubscribeMailbox,
        string topicName, string topicKey, string from)
    {
        var unsubscribe = $"<{oneClickUrl}>";
        if (!string.IsNullOrWhiteSpace(unsubscribeMailbox))
        {
            unsubscribe += $", <mailto:{unsubscribeMailbox.Trim()}?subject=unsubscribe-{token}>";
        }

        var domain = MailboxAddress.TryParse(from, out var address) && address.Domain is { Length: > 0 } d ? d : "localhost";
        // The name as a phrase without the characters a phrase cannot hold, the key as a DNS label (as the batch sender writes it).
        var name = string.Join(' ', new string(topicName.Select(c => "()<>@,;:\\\".[]".Contains(c) || char.IsControl(c) ? ' ' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var label = new string(topicKey.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-').ToArray()).Trim('-');
        return
        [
            new("List-Unsubscribe", unsubscribe),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            new("List-Id", name.Length == 0 ? $"<{label}.{domain}>" : $"{name} <{label}.{domain}>"),
        ];
    }
}
