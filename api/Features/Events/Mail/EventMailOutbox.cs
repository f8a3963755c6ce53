using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>The kinds of the Events slice's mail (<c>event_mail.kind</c>); each is composed by one <see cref="IEventMailComposer"/>.</summary>
public static class EventMailKinds
{
    public const string Confirmation = "confirmation";
    public const string Waiting = "waiting";
    public const string Promoted = "promoted";
    public const string Reminder = "reminder";
    public const string Changed = "changed";
    public const string Cancelled = "cancelled";
    public const string Feedback = "feedback";
    public const string FollowUp = "followUp";
}

/// <summary>
/// Writes the slice's outbox, <c>event_mail</c>: always in the transaction of the change the mail reports, so a mail
/// exists exactly when its change does. <see cref="EventMailSender"/> sends it after commit.
/// </summary>
public static class EventMailOutbox
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO event_mail (id, registration_id, event_id, member_id, kind, created_at, attempts)
        VALUES (@Id, @RegistrationId, @EventId, @MemberId, @Kind, @Now, 0)
        """);

    private static readonly Sql Registered = Sql.Portable("""
        SELECT id AS RegistrationId, member_id AS MemberId
        FROM event_registrations
        WHERE event_id = @EventId AND status IN ('confirmed', 'waiting')
        ORDER BY registered_at, id
        """);

    /// <summary>One mail of a kind to one member (about their registration, when there is one).</summary>
    public static Task WriteAsync(DbSession session, Guid eventId, Guid memberId, Guid? registrationId, string kind, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(Insert, new
        {
            Id = Guid.CreateVersion7(now),
            RegistrationId = registrationId,
            EventId = eventId,
            MemberId = memberId,
            Kind = kind,
            Now = now,
        }, ct);

    /// <summary>
    /// One mail of a kind to everyone registered for the event (confirmed or waiting): a change of time or place
    /// (<see cref="EventMailKinds.Changed"/>) or the event's cancellation (<see cref="EventMailKinds.Cancelled"/>).
    /// Returns how many were written.
    /// </summary>
    public static async Task<int> WriteToRegisteredAsync(DbSession session, Guid eventId, string kind, DateTimeOffset now, CancellationToken ct)
    {
        var registered = await session.QueryAsync<RegisteredRow>(Registered, new { EventId = eventId }, ct);
        foreach (var row in registered)
        {
            await WriteAsync(session, eventId, row.MemberId, row.RegistrationId, kind, now, ct);
        }

        return registered.Count;
    }

    private sealed record RegisteredRow
    {
        public Guid RegistrationId { get; init; }
        public Guid MemberId { get; init; }
    }
}
