using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Attendees;

/// <summary>
/// An event's figures for the staff who may see its attendees: registered (registrations and seats), waiting, checked
/// in, no-shows (once the event has ended), cancelled and left. Counted from the registrations, which anonymisation keeps.
/// </summary>
[Access(Caller.Staff)]
public sealed class GetFigures(Database db, TimeProvider time) : Endpoint<EventAttendanceRequest, EventFiguresResponse>
{
    [Unscoped("the counts of an event the caller's scope already allowed")]
    private static readonly Sql Counts = Sql.Portable("""
        SELECT COALESCE(SUM(CASE WHEN status = 'confirmed' THEN 1 ELSE 0 END), 0) AS Registrations,
               COALESCE(SUM(CASE WHEN status = 'confirmed' THEN seats ELSE 0 END), 0) AS Seats,
               COALESCE(SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END), 0) AS Waiting,
               COALESCE(SUM(CASE WHEN status = 'waiting' THEN seats ELSE 0 END), 0) AS WaitingSeats,
               COALESCE(SUM(CASE WHEN status = 'confirmed' AND checked_in_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS CheckedIn,
               COALESCE(SUM(CASE WHEN status = 'confirmed' AND checked_in_at IS NOT NULL THEN seats ELSE 0 END), 0) AS CheckedInSeats,
               COALESCE(SUM(CASE WHEN status = 'confirmed' AND checked_in_at IS NULL THEN 1 ELSE 0 END), 0) AS NotCheckedIn,
               COALESCE(SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END), 0) AS Cancelled,
               COALESCE(SUM(CASE WHEN status = 'left' THEN 1 ELSE 0 END), 0) AS LeftList
        FROM event_registrations
        WHERE event_id = @Id
        """);

    public override void Configure()
    {
        Get("/events/{id}/figures");
        Description(b => b
            .WithName("events_getFigures")
            .WithSummary("An event's attendance figures")
            .WithDescription("For the staff of the organiser and the co-hosts, and admins. No-shows are the confirmed registrations not checked in, counted once the event has ended.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(EventAttendanceRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var ev = await AttendanceSql.AttendedAsync(session, req.Id, DepartmentScope.Of(User), ct);
        var counts = (await session.QuerySingleOrDefaultAsync<CountsRow>(Counts, new { req.Id }, ct))!;
        var ended = ev.EndedBy(time.GetUtcNow());
        await Send.OkAsync(new EventFiguresResponse
        {
            EventId = ev.Id,
            Capacity = ev.Capacity,
            Registrations = counts.Registrations,
            Seats = counts.Seats,
            Waiting = counts.Waiting,
            WaitingSeats = counts.WaitingSeats,
            CheckedIn = counts.CheckedIn,
            CheckedInSeats = counts.CheckedInSeats,
            NoShows = ended ? counts.NotCheckedIn : 0,
            Cancelled = counts.Cancelled,
            Left = counts.LeftList,
            Ended = ended,
        }, ct);
    }

    private sealed record CountsRow
    {
        public int Registrations { get; init; }
        public int Seats { get; init; }
        public int Waiting { get; init; }
        public int WaitingSeats { get; init; }
        public int CheckedIn { get; init; }
        public int CheckedInSeats { get; init; }
        public int NotCheckedIn { get; init; }
        public int Cancelled { get; init; }
        public int LeftList { get; init; }
    }
}
