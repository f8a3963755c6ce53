using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>The event was cancelled: a calendar file that marks it cancelled in the calendar.</summary>
public sealed class CancelledMail : IEventMailComposer
{
    public string Kind => EventMailKinds.Cancelled;

    public Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct)
    {
        var title = mail.Event.Title(mail.Language);
        return Task.FromResult(EventMailText.Message(mail, Texts.Get("events.mailCancelledSubject", title),
            [
                Texts.Get("events.mailCancelledIntro", title),
                EventMailText.When(mail.Event),
                Texts.Get("events.mailCancelledCalendar"),
            ],
            [EventMailText.Calendar(mail.Event, mail.Language)]));
    }
}
