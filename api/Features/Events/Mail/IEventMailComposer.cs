using Alumni.Api.Infrastructure.Email;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>
/// Writes the mail of one kind of <c>event_mail</c> row (<see cref="EventMailKinds"/>). One class per kind, registered
/// in DI as <see cref="IEventMailComposer"/>; <see cref="EventMailSender"/> sends the rows of every kind that has a
/// composer, so a new kind (a reminder, a feedback request) is a new composer and nothing else. A composer is called in
/// the recipient's language (<c>Texts.In</c>) and puts no more personal data in the mail than it needs.
/// </summary>
public interface IEventMailComposer
{
    /// <summary>The <c>event_mail.kind</c> this composer writes.</summary>
    string Kind { get; }

    /// <summary>The message for one row, addressed to <see cref="EventMailContext.Recipient"/>.</summary>
    Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct);
}

/// <summary>What a composer gets for one outbox row: the row, its event, its registration (when it has one) and its recipient.</summary>
public sealed record EventMailContext
{
    /// <summary>The <c>event_mail</c> row's id.</summary>
    public required Guid MailId { get; init; }

    public required string Kind { get; init; }

    /// <summary>The language to write in: the registration's, else the member's preferred one (sv or en).</summary>
    public required string Language { get; init; }

    public required EventMailRecipient Recipient { get; init; }

    public required EventMailEvent Event { get; init; }

    /// <summary>The registration the mail is about; null for a mail about the event alone.</summary>
    public EventMailRegistration? Registration { get; init; }

    /// <summary>When the sender composes it.</summary>
    public required DateTimeOffset Now { get; init; }
}

/// <summary>Whom the mail goes to (from Members' <c>member_contacts</c>).</summary>
public sealed record EventMailRecipient
{
    public required Guid MemberId { get; init; }

    public required string Email { get; init; }

    public string? FirstName { get; init; }
}

/// <summary>The event as mails show it.</summary>
public sealed record EventMailEvent
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public string? TitleSv { get; init; }
    public string? TitleEn { get; init; }
    public string? SummarySv { get; init; }
    public string? SummaryEn { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string TimeZone { get; init; } = "";
    public string? Venue { get; init; }
    public string? Address { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public string? OnlineUrl { get; init; }
    public int Sequence { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The title in a language, else in the other.</summary>
    public string Title(string language) => (language == "sv" ? TitleSv ?? TitleEn : TitleEn ?? TitleSv) ?? "";

    /// <summary>The summary in a language, else in the other.</summary>
    public string? Summary(string language) => language == "sv" ? SummarySv ?? SummaryEn : SummaryEn ?? SummarySv;
}

/// <summary>The registration as mails show it.</summary>
public sealed record EventMailRegistration
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public int Seats { get; init; }
    public string CheckInCode { get; init; } = "";
    public string Language { get; init; } = "sv";

    /// <summary>While waiting: the place on the waiting list (1 is next).</summary>
    public long? Position { get; init; }
}
