using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Infrastructure.Email;

/// <summary>One message in the mail folder.</summary>
/// <param name="Id">The file name without its extension.</param>
/// <param name="To">The first recipient's address.</param>
/// <param name="Subject">The subject line (empty when it has none).</param>
/// <param name="SentAt">The message's Date, in UTC.</param>
/// <param name="Text">The plain-text body (empty when it has none).</param>
public sealed record MailboxEntry(string Id, string To, string Subject, DateTimeOffset SentAt, string Text);

/// <summary>
/// Reads the mail <see cref="FileEmailSender"/> wrote into <see cref="EmailOptions.MailDirectory"/>, for developers
/// who run without an SMTP relay. Files are taken newest first by name (which starts with the time they were
/// written); hidden files are left out, and a file that is no message with a recipient and a date is skipped.
/// </summary>
public sealed class DevMailbox(IOptions<EmailOptions> options, ILogger<DevMailbox> logger)
{
    /// <summary>How many messages a listing returns unless asked otherwise.</summary>
    public const int DefaultLimit = 50;

    private readonly string directory = options.Value.MailDirectory;

    /// <summary>At most <paramref name="limit"/> messages, newest first; none when the folder does not exist.</summary>
    public async Task<IReadOnlyList<MailboxEntry>> ListAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var entries = new List<MailboxEntry>();
        if (!Directory.Exists(directory))
        {
            return entries;
        }

        var files = Directory.EnumerateFiles(directory, "*" + FileEmailSender.Extension)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Reverse();
        foreach (var file in files)
        {
            if (entries.Count >= limit)
            {
                break;
            }

            if (await ReadAsync(file, ct) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private async Task<MailboxEntry?> ReadAsync(string file, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            await using var stream = File.OpenRead(file);
            message = await MimeMessage.LoadAsync(stream, ct);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            logger.LogWarning("Skipped {File} in the mail folder: {Reason}", Path.GetFileName(file), e.Message);
            return null;
        }

        var to = message.To.Mailboxes.FirstOrDefault()?.Address;
        if (string.IsNullOrEmpty(to) || !message.Headers.Contains(HeaderId.Date))
        {
            logger.LogWarning("Skipped {File} in the mail folder: it has no recipient or no date", Path.GetFileName(file));
            return null;
        }

        return new MailboxEntry(
            Path.GetFileNameWithoutExtension(file),
            to,
            message.Subject ?? "",
            message.Date.ToUniversalTime(),
            message.TextBody ?? "");
    }
}
