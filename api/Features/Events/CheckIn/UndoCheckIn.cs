using Alumni.Api.Features.Events.Attendees;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.CheckIn;

/// <summary>
/// Undoes a check-in (a mistaken tap): the registration is confirmed and not checked in again. Idempotent: undoing a
/// check-in that is not there answers 204 too. For the staff who may check in.
/// </summary>
[Access(Caller.Staff)]
public sealed class UndoCheckIn(Database db) : Endpoint<UndoCheckInRequest>
{
    [Unscoped("a registration of an event the caller's scope already allowed")]
    private static readonly Sql Exists = Sql.Portable("""
        SELECT COUNT(*) FROM event_registrations WHERE id = @RegistrationId AND event_id = @Id
        """);

    [Unscoped("a registration of an event the caller's scope already allowed")]
    private static readonly Sql Undo = Sql.Portable("""
        UPDATE event_registrations
        SET checked_in_at = NULL, checked_in_by = NULL
        WHERE id = @RegistrationId AND event_id = @Id AND checked_in_at IS NOT NULL
        """);

    public override void Configure()
    {
        Delete("/events/{id}/check-ins/{registrationId}");
        Description(b => b
            .WithName("events_undoCheckIn")
            .WithSummary("Undo a check-in")
            .WithDescription("The registration is no longer checked in (204, also when it was not). 404 when the event is outside the caller's scope or has no such registration.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(UndoCheckInRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        await AttendanceSql.AttendedAsync(session, req.Id, DepartmentScope.Of(User), ct);
        if (await session.ExecuteScalarAsync<long>(Exists, new { req.Id, req.RegistrationId }, ct) == 0)
        {
            throw ProblemException.NotFound(Texts.Get("events.checkIn.noSuchRegistration"));
        }

        await session.ExecuteAsync(Undo, new { req.Id, req.RegistrationId }, ct);
        await session.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
