using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Sending;

/// <summary>The sending part of the slice: the batch job, its transport (pooled SMTP, or the mail folder without a relay), the headers.</summary>
internal static class SendingServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<NewsletterMessages>();
        services.AddSingleton<SendThrottle>();
        services.AddSingleton<SmtpPool>();
        services.AddSingleton<MailboxTransport>();
        services.AddSingleton<INewsletterTransport>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.HasRelay
            ? sp.GetRequiredService<SmtpPool>()
            : sp.GetRequiredService<MailboxTransport>());
        services.AddSingleton<NewsletterBatchJob>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<NewsletterBatchJob>());
    }
}
