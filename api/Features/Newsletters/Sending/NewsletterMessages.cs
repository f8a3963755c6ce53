using System.Text;
using Alumni.Api.Infrastructure.Email;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;

namespace Alumni.Api.Features.Newsletters.Sending;

/// <summary>One campaign mail to one recipient, as the batch job hands it to the transport.</summary>
/// <param name="CampaignId">The campaign.</param>
/// <param name="MemberId">The recipient.</param>
/// <param name="To">The address it goes to.</param>
/// <param name="ToName">The recipient's name in the To header, if known.</param>
/// <param name="Content">The rendered subject and bodies.</param>
/// <param name="Headers">The list headers (<see cref="NewsletterMessages.ListHeaders"/>), in order.</param>
public sealed record NewsletterMail(Guid CampaignId, Guid MemberId, string To, string? ToName, RenderedMail Content,
    IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>
/// The MIME message of a campaign mail: From (the configured sender), To, Subject, Date, a Message-ID of its own per
/// campaign and recipient (the same when an uncertain mail is sent again, so that a receiver can tell it is the same
/// mail), both bodies, the list headers of RFC 2369, 2919 and 8058, and a DKIM signature over those when a key is
/// configured (<see cref="NewsletterOptions.DkimDomain"/>, <see cref="NewsletterOptions.DkimSelector"/>,
/// <see cref="NewsletterOptions.DkimPrivateKeyPath"/>).
/// </summary>
public sealed class NewsletterMessages
{
    /// <summary>The header fields the DKIM signature covers.</summary>
    public static readonly string[] SignedHeaders =
        ["From", "To", "Subject", "Date", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"];

    private readonly NewsletterOptions settings;
    private readonly Lazy<DkimSigner?> signer;

    public NewsletterMessages(IOptions<EmailOptions> email, IOptions<NewsletterOptions> options)
    {
        settings = options.Value;
        From = MailboxAddress.Parse(email.Value.From);
        signer = new Lazy<DkimSigner?>(CreateSigner, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The sender of every campaign mail (<see cref="EmailOptions.From"/>).</summary>
    public MailboxAddress From { get; }

    /// <summary>True when mail is signed with DKIM.</summary>
    public bool Signs => settings is { DkimDomain.Length: > 0, DkimSelector.Length: > 0, DkimPrivateKeyPath.Length: > 0 };

    /// <summary>
    /// The list headers of a mail: <c>List-Unsubscribe</c> with the HTTPS one-click address first and then, when an
    /// unsubscribe mailbox is configured, a mailto with the token in the subject; <c>List-Unsubscribe-Post</c>
    /// (RFC 8058); <c>List-Id</c> with the topic's name and its key under the sender's domain.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ListHeaders(string token, string oneClickUrl, string topicKey, string topicName)
    {
        var unsubscribe = $"<{oneClickUrl}>";
        if (!string.IsNullOrWhiteSpace(settings.UnsubscribeMailbox))
        {
            unsubscribe += $", <mailto:{settings.UnsubscribeMailbox.Trim()}?subject=unsubscribe-{token}>";
        }

        return
        [
            new("List-Unsubscribe", unsubscribe),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
            new("List-Id", ListId(topicKey, topicName)),
        ];
    }

    /// <summary><c>Name &lt;topic-key.domain&gt;</c>: the key made a DNS label, the name without the characters a phrase cannot hold.</summary>
    public string ListId(string topicKey, string topicName)
    {
        var label = new StringBuilder();
        foreach (var c in topicKey.ToLowerInvariant())
        {
            label.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        }

        var name = new StringBuilder();
        foreach (var c in topicName)
        {
            name.Append("()<>@,;:\\\".[]".Contains(c) || char.IsControl(c) ? ' ' : c);
        }

        var phrase = string.Join(' ', name.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var id = $"{label.ToString().Trim('-')}.{From.Domain}";
        return phrase.Length == 0 ? $"<{id}>" : $"{phrase} <{id}>";
    }

    /// <summary>The Message-ID (without angle brackets) of a campaign's mail to a member.</summary>
    public string MessageId(Guid campaignId, Guid memberId) => $"{campaignId:N}.{memberId:N}@{From.Domain}";

    /// <summary>The message as it goes to the SMTP relay, signed when DKIM is configured.</summary>
    public MimeMessage Create(NewsletterMail mail, DateTimeOffset date)
    {
        var email = new EmailMessage(mail.To, mail.ToName, mail.Content.Subject, mail.Content.Text, mail.Content.Html, Headers: mail.Headers);
        var (mime, _) = MimeMessages.Create(email, From, date);
        mime.MessageId = MessageId(mail.CampaignId, mail.MemberId);
        if (signer.Value is { } dkim)
        {
            // Signed as it will travel: 7-bit transfer encodings chosen first, so no relay re-encodes the body after.
            mime.Prepare(EncodingConstraint.SevenBit);
            dkim.Sign(mime, SignedHeaders);
        }

        return mime;
    }

    private DkimSigner? CreateSigner()
    {
        if (!Signs)
        {
            return null;
        }

        if (!File.Exists(settings.DkimPrivateKeyPath))
        {
            throw new InvalidOperationException($"{NewsletterOptions.Section}:DkimPrivateKeyPath names no file ({settings.DkimPrivateKeyPath}).");
        }

        return new DkimSigner(settings.DkimPrivateKeyPath!, settings.DkimDomain!, settings.DkimSelector!)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
    }
}
