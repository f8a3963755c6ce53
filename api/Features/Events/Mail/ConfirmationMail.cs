using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>
/// The confirmation of a registration: when and where, the online link (for a confirmed attendee only), the seats,
/// the check-in code with its QR image inline, and the event's <c>.ics</c>.
/// </summary>
public sealed class ConfirmationMail : IEventMailComposer
{
    public string Kind => EventMailKinds.Confirmation;

    public Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct)
    {
        var title = mail.Event.Title(mail.Language);
        return Task.FromResult(Confirmed(mail, Texts.Get("events.mailConfirmationSubject", title), Texts.Get("events.mailConfirmationIntro", title)));
    }

    /// <summary>A mail that says the registration is confirmed (after <paramref name="intro"/>), with the code, the QR and the calendar file.</summary>
    internal static EmailMessage Confirmed(EventMailContext mail, string subject, string intro)
    {
        var registration = mail.Registration ?? throw new InvalidOperationException("A confirmation is about a registration.");
        return EventMailText.Message(mail, subject,
            [
                intro,
                EventMailText.When(mail.Event),
                EventMailText.Where(mail.Event),
                string.IsNullOrWhiteSpace(mail.Event.OnlineUrl) ? null : Texts.Get("events.mailOnline", mail.Event.OnlineUrl),
                Texts.Get("events.mailSeats", registration.Seats),
                Texts.Get("events.mailCheckInCode", registration.CheckInCode),
                Texts.Get("events.mailCalendarAttached"),
                Texts.Get("events.mailIfYouCannotCome"),
            ],
            [EventMailText.Calendar(mail.Event, mail.Language), EventMailText.Qr(registration.CheckInCode)],
            registration.CheckInCode);
    }
}
