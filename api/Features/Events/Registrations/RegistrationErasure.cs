using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Events.Registrations;

/// <summary>
/// A member's erasure ends their part in events, in the erasure's transaction: their registrations for events not yet
/// over are cancelled (freed seats promote the waiting list, as a cancellation does) or leave the waiting list, and what
/// the member wrote or gave of others (answers, guests' names, feedback comments) is removed from all their
/// registrations at once, not at the retention date; the counts stay. Mail not yet sent to them is dropped.
/// </summary>
public sealed class RegistrationErasure : IErasureObserver
{
    private static readonly Sql Active = Sql.Portable("""
        SELECT r.id AS Id, r.event_id AS EventId, r.status AS Status, r.seats AS Seats
        FROM event_registrations r
        JOIN events e ON e.id = r.event_id
        WHERE r.member_id = @MemberId AND r.status IN ('confirmed', 'waiting') AND e.ends_at > @Now
        ORDER BY r.event_id
        """);

    /// <summary>The personal data of the member's registrations, in the order it is removed.</summary>
    private static readonly Sql[] Anonymise =
    [
        Sql.Portable("""
            UPDATE event_answers SET answer = NULL
            WHERE answer IS NOT NULL AND registration_id IN (SELECT id FROM event_registrations WHERE member_id = @MemberId)
            """),
        Sql.Portable("""
            UPDATE event_registration_guests SET name = NULL
            WHERE name IS NOT NULL AND registration_id IN (SELECT id FROM event_registrations WHERE member_id = @MemberId)
            """),
        Sql.Portable("""
            UPDATE event_feedback SET comment = NULL
            WHERE comment IS NOT NULL AND registration_id IN (SELECT id FROM event_registrations WHERE member_id = @MemberId)
            """),
        Sql.Portable("""
            UPDATE event_registrations SET anonymised_at = @Now WHERE member_id = @MemberId AND anonymised_at IS NULL
            """),
        Sql.Portable("""
            DELETE FROM event_mail WHERE member_id = @MemberId AND sent_at IS NULL
            """),
    ];

    public async Task OnMemberErasedAsync(DbSession session, Guid memberId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var active in await session.QueryAsync<ActiveRegistration>(Active, new { MemberId = memberId, Now = now }, ct))
        {
            // The event's seat count changes under its lock, as every registration change does (in event id order, so two
            // erasures never wait for each other crosswise).
            var ev = await RegistrationSql.LockEventAsync(session, active.EventId, ct);
            await RegistrationSql.EndAsync(session, ev.Id, new RegistrationSql.ActiveRow { Id = active.Id, Status = active.Status, Seats = active.Seats }, now, ct);
        }

        foreach (var statement in Anonymise)
        {
            await session.ExecuteAsync(statement, new { MemberId = memberId, Now = now }, ct);
        }
    }

    private sealed record ActiveRegistration
    {
        public Guid Id { get; init; }
        public Guid EventId { get; init; }
        public string Status { get; init; } = "";
        public int Seats { get; init; }
    }
}
