using Alumni.Api.Features.Events.Mail;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Text;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Events.Schedule;

/// <summary>The reminder before an event: when and where, the online link, the seats, and the check-in code with its QR image.</summary>
public sealed class ReminderMail : IEventMailComposer
{
    public string Kind => EventMailKinds.Reminder;

    public Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct)
    {
        var registration = mail.Registration ?? throw new InvalidOperationException("A reminder is about a registration.");
        var title = mail.Event.Title(mail.Language);
        return Task.FromResult(EventMailText.Message(mail, Texts.Get("events.mailReminderSubject", title),
            [
                Texts.Get("events.mailReminderIntro", title),
                EventMailText.When(mail.Event),
                EventMailText.Where(mail.Event),
                string.IsNullOrWhiteSpace(mail.Event.OnlineUrl) ? null : Texts.Get("events.mailOnline", mail.Event.OnlineUrl),
                Texts.Get("events.mailSeats", registration.Seats),
                Texts.Get("events.mailCheckInCode", registration.CheckInCode),
                Texts.Get("events.mailIfYouCannotCome"),
            ],
            [EventMailText.Qr(registration.CheckInCode)],
            registration.CheckInCode));
    }
}

/// <summary>After the event, to the checked-in: a request for a rating and a comment, with the link to the feedback page.</summary>
public sealed class FeedbackMail(IOptions<EventScheduleOptions> options) : IEventMailComposer
{
    public string Kind => EventMailKinds.Feedback;

    public Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct)
    {
        var title = mail.Event.Title(mail.Language);
        return Task.FromResult(EventMailText.Message(mail, Texts.Get("events.mailFeedbackSubject", title),
            [
                Texts.Get("events.mailFeedbackIntro", title),
                Texts.Get("events.mailFeedbackLink", options.Value.FeedbackPage(mail.Event.Id)),
            ]));
    }
}

/// <summary>After the event, to the no-shows: the organiser's follow-up, in the registration's language (else the other).</summary>
public sealed class FollowUpMail(Database db) : IEventMailComposer
{
    private static readonly Sql FollowUp = Sql.Portable("""
        SELECT follow_up_sv AS Sv, follow_up_en AS En FROM events WHERE id = @Id
        """);

    public string Kind => EventMailKinds.FollowUp;

    public async Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct)
    {
        FollowUpRow? text;
        await using (var session = await db.OpenAsync(ct))
        {
            text = await session.QuerySingleOrDefaultAsync<FollowUpRow>(FollowUp, new { mail.Event.Id }, ct);
        }

        var message = (mail.Language == "sv" ? TextRules.Clean(text?.Sv) ?? TextRules.Clean(text?.En) : TextRules.Clean(text?.En) ?? TextRules.Clean(text?.Sv)) ?? "";
        var title = mail.Event.Title(mail.Language);
        return EventMailText.Message(mail, Texts.Get("events.mailFollowUpSubject", title),
            new[] { Texts.Get("events.mailFollowUpIntro", title) }
                .Concat(message.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }

    private sealed record FollowUpRow
    {
        public string? Sv { get; init; }
        public string? En { get; init; }
    }
}
