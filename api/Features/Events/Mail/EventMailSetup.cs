namespace Alumni.Api.Features.Events.Mail;

/// <summary>Adds the slice's mail outbox sender and the composers of the registration mails.</summary>
public static class EventMailSetup
{
    /// <summary>Binds <see cref="EventMailOptions"/> (section <c>EventMail</c>) and registers the sender, its signal and the composers.</summary>
    public static void AddEventMail(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<EventMailOptions>(builder.Configuration.GetSection(EventMailOptions.Section));
        builder.Services.AddSingleton<EventMailSignal>();
        builder.Services.AddSingleton<IEventMailComposer, ConfirmationMail>();
        builder.Services.AddSingleton<IEventMailComposer, WaitingMail>();
        builder.Services.AddSingleton<IEventMailComposer, PromotedMail>();
        builder.Services.AddSingleton<IEventMailComposer, CancelledMail>();
        builder.Services.AddSingleton<IEventMailComposer, ChangedMail>();
        builder.Services.AddSingleton<EventMailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventMailSender>());
    }
}
