using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Newsletters;

/// <summary>
/// The Newsletters slice: topics members subscribe to over their consents, saved segments, the office's layouts and
/// library of ready-made messages, bilingual campaigns (newsletters and event invitations) with their fixed recipient
/// lists sent in batches by the jobs worker, the preference page and one-click unsubscribe, bounces, the welcome
/// series and the figures.
/// </summary>
public sealed class NewslettersModule : ISliceModule
{
    /// <inheritdoc />
    public IReadOnlyList<string> OwnedTables { get; } =
    [
        "newsletter_topics", "newsletter_topic_choices", "newsletter_unsubscribes", "newsletter_segments",
        "newsletter_layouts", "newsletter_messages", "newsletter_message_tags", "newsletter_campaigns",
        "newsletter_recipients", "newsletter_send_batches", "newsletter_bounces", "newsletter_suppressions",
        "newsletter_welcome_steps", "newsletter_welcome_mail", "newsletter_campaign_facts",
    ];

    /// <inheritdoc />
    public IReadOnlyList<Published> Published { get; } = [Infrastructure.Hosting.Published.View("newsletter_campaign_facts")];

    public void Add(WebApplicationBuilder builder)
    {
        builder.Services.Configure<NewsletterOptions>(builder.Configuration.GetSection(NewsletterOptions.Section));
        builder.Services.AddSingleton<Preferences.PreferenceLinks>();
        builder.Services.AddSingleton<Rendering.NewsletterRenderer>();
        builder.Services.AddSingleton<Rendering.CampaignMailFactory>();
        builder.Services.AddSingleton<Sending.ICampaignMailFactory>(services => services.GetRequiredService<Rendering.CampaignMailFactory>());
        builder.Services.AddSingleton<Campaigns.CampaignSending>();
        builder.Services.AddHostedService<Campaigns.CampaignSchedule>();
        builder.Services.AddSingleton<Welcome.WelcomeSeries>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Welcome.WelcomeSeries>());
        Sending.SendingServices.Add(builder.Services);
        AddPreferencesAndBounces(builder);
    }

    /// <summary>The preference page, the one-click unsubscribe, bounces and the bounce mailbox (nl-prefs).</summary>
    private static void AddPreferencesAndBounces(WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(NewsletterOptions.Section).Get<NewsletterOptions>() ?? new NewsletterOptions();
        builder.Services.AddSingleton<Preferences.PreferenceSql>();
        builder.Services.AddRateLimiter(o => o.AddPerClientLimit(
            Preferences.PreferenceRules.AnonymousLimit, options.PreferenceRequestsPerClientPerHour, TimeSpan.FromHours(1)));
        builder.Services.AddSingleton<Infrastructure.Security.IErasureObserver, Preferences.NewsletterErasure>();
        builder.Services.AddSingleton<Bounces.BounceRecorder>();
        builder.Services.AddHostedService<Bounces.BounceMailbox>();
    }
}
