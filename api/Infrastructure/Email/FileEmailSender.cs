using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Infrastructure.Email;

/// <summary>
/// Delivers mail into <see cref="EmailOptions.MailDirectory"/> when no relay is configured: one .eml file per
/// message, named after the UTC time it was written (so names sort by time) and a GUID (so they never clash).
/// Each file is written under a temporary name and then moved into place, so a reader never sees half a message.
/// </summary>
public sealed class FileEmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<FileEmailSender> logger) : IEmailSender
{
    /// <summary>The extension of a delivered message.</summary>
    public const string Extension = ".eml";

    private readonly string directory = options.Value.MailDirectory;
    private readonly MailboxAddress from = MailboxAddress.Parse(options.Value.From);

    public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (mime, messageId) = MimeMessages.Create(message, from, now);
        var name = $"{now.UtcDateTime:yyyyMMdd'T'HHmmssfffffff}-{Guid.NewGuid():N}";
        var path = Path.Combine(directory, name + Extension);
        var temporary = Path.Combine(directory, "." + name + ".tmp");
        Directory.CreateDirectory(directory);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await mime.WriteToAsync(stream, ct);
            }

            File.Move(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        logger.LogInformation("No SMTP relay configured: wrote message {MessageId} to {Path}", messageId, path);
        return messageId;
    }
}
