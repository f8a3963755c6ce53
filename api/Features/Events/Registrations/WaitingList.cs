using Alumni.Api.Features.Events.Mail;
using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Features.Events.Registrations;

/// <summary>
/// Promotion from the waiting list, the one rule for every change that frees seats or adds them (a cancellation, staff
/// raising the capacity or removing a registration): walk the waiting list in queue order and promote every
/// registration whose seats fit in the seats still free. A group that does not fit is never split and keeps its place;
/// a later, smaller registration that fits is promoted past it, so no seat is left empty while someone who fits waits.
/// Each promoted registration gets a <c>promoted</c> mail in the same transaction. Only a published event that has not
/// ended promotes. Call it in the transaction of the change, after the change.
/// </summary>
public static class WaitingList
{
    private static readonly Sql Capacity = Sql.Dialects(
        """
        SELECT status AS Status, capacity AS Capacity, seats_taken AS SeatsTaken, ends_at AS EndsAt
        FROM events WHERE id = @EventId
        """,
        """
        SELECT status AS Status, capacity AS Capacity, seats_taken AS SeatsTaken, ends_at AS EndsAt
        FROM dbo.events WITH (UPDLOCK, HOLDLOCK) WHERE id = @EventId
        """);

    private static readonly Sql EveryWaiting = Sql.Portable("""
        SELECT id AS Id, member_id AS MemberId, seats AS Seats
        FROM event_registrations
        WHERE event_id = @EventId AND status = 'waiting'
        ORDER BY queue_number
        """);

    private static readonly Sql WaitingThatFit = Sql.Portable("""
        SELECT id AS Id, member_id AS MemberId, seats AS Seats
        FROM event_registrations
        WHERE event_id = @EventId AND status = 'waiting' AND seats <= @Free
        ORDER BY queue_number
        """);

    private static readonly Sql Promote = Sql.Portable("""
        UPDATE event_registrations SET status = 'confirmed', confirmed_at = @Now
        WHERE id = @Id AND status = 'waiting'
        """);

    private static readonly Sql TakeSeats = Sql.Portable("""
        UPDATE events SET seats_taken = seats_taken + @Seats WHERE id = @EventId
        """);

    /// <summary>Promotes whoever fits now; the registrations promoted, in queue order.</summary>
    public static async Task<IReadOnlyList<Guid>> PromoteAsync(DbSession session, Guid eventId, DateTimeOffset now, CancellationToken ct)
    {
        var ev = await session.QuerySingleOrDefaultAsync<EventSeats>(Capacity, new { EventId = eventId }, ct);
        if (ev is null || ev.Status != "published" || ev.EndsAt <= now)
        {
            return [];
        }

        var free = ev.Capacity is { } capacity ? capacity - ev.SeatsTaken : (int?)null;
        if (free <= 0)
        {
            return [];
        }

        var candidates = free is null
            ? await session.QueryAsync<Waiter>(EveryWaiting, new { EventId = eventId }, ct)
            : await session.QueryAsync<Waiter>(WaitingThatFit, new { EventId = eventId, Free = free }, ct);
        var promoted = new List<Guid>();
        var seats = 0;
        foreach (var waiter in candidates)
        {
            if (free is not null && waiter.Seats > free - seats)
            {
                continue;
            }

            await session.ExecuteAsync(Promote, new { waiter.Id, Now = now }, ct);
            await EventMailOutbox.WriteAsync(session, eventId, waiter.MemberId, waiter.Id, EventMailKinds.Promoted, now, ct);
            promoted.Add(waiter.Id);
            seats += waiter.Seats;
            if (free is not null && seats == free)
            {
                break;
            }
        }

        if (seats > 0)
        {
            await session.ExecuteAsync(TakeSeats, new { EventId = eventId, Seats = seats }, ct);
        }

        return promoted;
    }

    private sealed record EventSeats
    {
        public string Status { get; init; } = "";
        public int? Capacity { get; init; }
        public int SeatsTaken { get; init; }
        public DateTimeOffset EndsAt { get; init; }
    }

    private sealed record Waiter
    {
        public Guid Id { get; init; }
        public Guid MemberId { get; init; }
        public int Seats { get; init; }
    }
}
