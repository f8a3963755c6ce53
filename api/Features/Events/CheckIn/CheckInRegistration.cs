using System.Globalization;
using Alumni.Api.Features.Events.Attendees;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Events.CheckIn;

/// <summary>
/// Checks a confirmed registration in, found by its id or by the short code of the member's QR code (scanned or typed,
/// in any case): for the staff of the organiser and the co-hosts, and admins. The change is conditional on the
/// registration not being checked in yet, so of two staff checking the same person in at once one gets 200 and the
/// other 409, which says when it happened.
/// </summary>
[Access(Caller.Staff)]
public sealed class CheckInRegistration(Database db, TimeProvider time) : Endpoint<CheckInRequest, CheckInResponse>
{
    [Unscoped("a registration of an event the caller's scope already allowed")]
    private static readonly Sql ById = Sql.Portable("""
        SELECT r.id AS Id, r.status AS State, r.seats AS Seats, r.checked_in_at AS CheckedInAt, c.first_name AS FirstName, c.last_name AS LastName
        FROM event_registrations r
        LEFT JOIN member_contacts c ON c.member_id = r.member_id
        WHERE r.id = @RegistrationId AND r.event_id = @Id
        """);

    [Unscoped("a registration of an event the caller's scope already allowed")]
    private static readonly Sql ByCode = Sql.Portable("""
        SELECT r.id AS Id, r.status AS State, r.seats AS Seats, r.checked_in_at AS CheckedInAt, c.first_name AS FirstName, c.last_name AS LastName
        FROM event_registrations r
        LEFT JOIN member_contacts c ON c.member_id = r.member_id
        WHERE r.check_in_code = @Code AND r.event_id = @Id
        """);

    [Unscoped("a registration of an event the caller's scope already allowed")]
    private static readonly Sql MarkCheckedIn = Sql.Portable("""
        UPDATE event_registrations
        SET checked_in_at = @Now, checked_in_by = @By
        WHERE id = @RegistrationId AND event_id = @Id AND status = 'confirmed' AND checked_in_at IS NULL
        """);

    [Unscoped("the guests of a registration of an event the caller's scope already allowed")]
    private static readonly Sql GuestNames = Sql.Portable("""
        SELECT name FROM event_registration_guests WHERE registration_id = @RegistrationId ORDER BY position
        """);

    public override void Configure()
    {
        Post("/events/{id}/check-ins");
        Description(b => b
            .WithName("events_checkIn")
            .WithSummary("Check a registration in")
            .WithDescription("By registrationId or by the check-in code of the member's QR code (case, spaces and hyphens do not matter); only confirmed "
                + "registrations. 409 when it is already checked in (the detail says when) or is waiting, cancelled or has left; 404 when the event is "
                + "outside the caller's scope or has no such registration.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CheckInRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var ev = await AttendanceSql.AttendedAsync(session, req.Id, DepartmentScope.Of(User), ct);
        if (ev.Status is "cancelled" or "draft")
        {
            throw ProblemException.Conflict(Texts.Get("events.checkIn.eventNotOpen"));
        }

        var registration = (req.RegistrationId is { } registrationId
                ? await session.QuerySingleOrDefaultAsync<RegistrationRow>(ById, new { req.Id, RegistrationId = registrationId }, ct)
                : await session.QuerySingleOrDefaultAsync<RegistrationRow>(ByCode, new { req.Id, Code = CheckInCodes.Normalise(req.Code) }, ct))
            ?? throw ProblemException.NotFound(Texts.Get("events.checkIn.noSuchRegistration"));
        var now = time.GetUtcNow();
        var rows = await session.ExecuteAsync(MarkCheckedIn, new { req.Id, RegistrationId = registration.Id, Now = now, By = User.PersonId() }, ct);
        if (rows == 0)
        {
            // Read again: another staff member may have checked the person in since the first read.
            var current = await session.QuerySingleOrDefaultAsync<RegistrationRow>(ById, new { req.Id, RegistrationId = registration.Id }, ct) ?? registration;
            throw current switch
            {
                { State: "confirmed", CheckedInAt: { } at } => ProblemException.Conflict(Texts.Get("events.checkIn.alreadyCheckedIn",
                    at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
                { State: "waiting" } => ProblemException.Conflict(Texts.Get("events.checkIn.waiting")),
                _ => ProblemException.Conflict(Texts.Get("events.checkIn.notConfirmed")),
            };
        }

        var guests = await session.QueryAsync<string?>(GuestNames, new { RegistrationId = registration.Id }, ct);
        await session.CommitAsync(ct);
        await Send.OkAsync(new CheckInResponse
        {
            RegistrationId = registration.Id,
            FirstName = registration.FirstName,
            LastName = registration.LastName,
            Seats = registration.Seats,
            Guests = guests,
            CheckedInAt = now,
        }, ct);
    }

    private sealed record RegistrationRow
    {
        public Guid Id { get; init; }
        public string State { get; init; } = "";
        public int Seats { get; init; }
        public DateTimeOffset? CheckedInAt { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
    }

    public sealed class Validator : Validator<CheckInRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Code).Must((r, code) => (r.RegistrationId is null) != string.IsNullOrWhiteSpace(code))
                .WithMessage(_ => Texts.Get("events.checkIn.idOrCode"));
            RuleFor(r => r.Code).Must(c => CheckInCodes.Normalise(c) is not null)
                .WithMessage(_ => Texts.Get("events.checkIn.notACode"))
                .When(r => !string.IsNullOrWhiteSpace(r.Code));
        }
    }
}
