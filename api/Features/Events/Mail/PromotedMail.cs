using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>A promotion from the waiting list: the registration is now confirmed, with everything a confirmation has.</summary>
public sealed class PromotedMail : IEventMailComposer
{
    public string Kind => EventMailKinds.Promoted;

    public Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct)
    {
        var title = mail.Event.Title(mail.Language);
        return Task.FromResult(ConfirmationMail.Confirmed(mail, Texts.Get("events.mailPromotedSubject", title), Texts.Get("events.mailPromotedIntro", title)));
    }
}
