using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Infrastructure.Email;

/// <summary>Sends each message over its own connection to the configured SMTP relay (MailKit).</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly EmailOptions settings = options.Value;
    private readonly MailboxAddress from = MailboxAddress.Parse(options.Value.From);

    public async Task<string> SendAsync(EmailMessage message, CancellationToken ct)
    {
        var (mime, messageId) = MimeMessages.Create(message, from, time.GetUtcNow());
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, SocketOptions(settings.Security), ct);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
        logger.LogInformation("Sent message {MessageId} through {Host}:{Port}", messageId, settings.Host, settings.Port);
        return messageId;
    }

    /// <summary>MailKit's name for each <see cref="SmtpSecurity"/>.</summary>
    public static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Not an SMTP security setting."),
    };
}
