using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>The event's time or place changed: how it is now, with the updated calendar file.</summary>
public sealed class ChangedMail : IEventMailComposer
{
    public string Kind => EventMailKinds.Changed;

    public Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct)
    {
        var title = mail.Event.Title(mail.Language);
        var confirmed = mail.Registration?.Status == "confirmed";
        return Task.FromResult(EventMailText.Message(mail, Texts.Get("events.mailChangedSubject", title),
            [
                Texts.Get("events.mailChangedIntro", title),
                EventMailText.When(mail.Event),
                EventMailText.Where(mail.Event),
                confirmed && !string.IsNullOrWhiteSpace(mail.Event.OnlineUrl) ? Texts.Get("events.mailOnline", mail.Event.OnlineUrl) : null,
                Texts.Get("events.mailChangedCalendar"),
            ],
            [EventMailText.Calendar(mail.Event, mail.Language)]));
    }
}
