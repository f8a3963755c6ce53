using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>A place on the waiting list: the position, and what happens when seats free up.</summary>
public sealed class WaitingMail : IEventMailComposer
{
    public string Kind => EventMailKinds.Waiting;

    public Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct)
    {
        var title = mail.Event.Title(mail.Language);
        return Task.FromResult(EventMailText.Message(mail, Texts.Get("events.mailWaitingSubject", title),
            [
                Texts.Get("events.mailWaitingIntro", title),
                mail.Registration?.Position is { } position ? Texts.Get("events.mailWaitingPosition", position) : null,
                EventMailText.When(mail.Event),
                EventMailText.Where(mail.Event),
                Texts.Get("events.mailWaitingWhatHappens"),
            ]));
    }
}
