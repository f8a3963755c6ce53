using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Infrastructure.Email;

/// <summary>Registers e-mail delivery.</summary>
public static class EmailExtensions
{
    /// <summary>
    /// Binds <see cref="EmailOptions"/> (section <c>Smtp</c>, checked at start) and registers <see cref="IEmailSender"/>:
    /// <see cref="SmtpEmailSender"/> when a relay host is set, otherwise <see cref="FileEmailSender"/>; and
    /// <see cref="DevMailbox"/> over the mail folder. A relative mail folder is resolved against the content root.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure<IHostEnvironment>((o, environment) =>
            {
                if (!string.IsNullOrWhiteSpace(o.MailDirectory))
                {
                    o.MailDirectory = Path.GetFullPath(o.MailDirectory, environment.ContentRootPath);
                }
            })
            .Validate(o => MailboxAddress.TryParse(o.From, out _), $"{EmailOptions.Section}:From is not an e-mail address (e.g. Alumni <alumni@example.org>).")
            .Validate(o => o.Port is > 0 and <= 65535, $"{EmailOptions.Section}:Port must be between 1 and 65535.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.MailDirectory), $"{EmailOptions.Section}:MailDirectory must not be empty.")
            .ValidateOnStart();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<FileEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.HasRelay
            ? sp.GetRequiredService<SmtpEmailSender>()
            : sp.GetRequiredService<FileEmailSender>());
        services.AddSingleton<DevMailbox>();
        return services;
    }
}
