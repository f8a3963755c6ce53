namespace Alumni.Api.Infrastructure.Email;

/// <summary>Delivers e-mail: to the SMTP relay when one is configured, otherwise into the mail folder.</summary>
public interface IEmailSender
{
    /// <summary>Sends the message and returns its Message-ID (without angle brackets).</summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken ct);
}
