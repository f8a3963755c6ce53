using Alumni.Api.Features.Events.Mail;
using Alumni.Api.Features.Events.Registrations;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using Alumni.Contracts.Problems;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Staff;

/// <summary>
/// Changes a draft or published event, guarded by its version (If-Match). A change of the time, the place or the
/// online link raises the iCalendar sequence and puts a <c>changed</c> mail in the outbox for everyone registered or
/// waiting; the capacity cannot go below the seats already taken, and seats it adds promote from the waiting list
/// (<see cref="Registrations.WaitingList"/>).
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.EventsWrite)]
public sealed class UpdateEvent(Database db, IAuditLog audit, TimeProvider time, EventMailSignal mail) : Endpoint<UpdateEventRequest, EventResponse>
{
    private static readonly Sql Update = Sql.Portable($"""
        UPDATE events
        SET occasion_id = @OccasionId,
            organiser_department_id = @OrganiserId,
            kind = @Kind,
            title_sv = @TitleSv, title_en = @TitleEn,
            summary_sv = @SummarySv, summary_en = @SummaryEn,
            description_sv = @DescriptionSv, description_en = @DescriptionEn,
            starts_at = @StartsAt, ends_at = @EndsAt, time_zone = @TimeZone,
            venue = @Venue, address = @Address, city = @City, country = @Country,
            online_url = @OnlineUrl,
            audience = @Audience,
            capacity = @Capacity,
            guests_allowed = @GuestsAllowed,
            registration_opens_at = @RegistrationOpensAt, registration_closes_at = @RegistrationClosesAt,
            follow_up_sv = @FollowUpSv, follow_up_en = @FollowUpEn,
            sequence = sequence + @SequenceStep,
            version = version + 1,
            updated_at = @Now
        WHERE id = @Id AND version = @Version
          AND status IN ('draft', 'published')
          AND (@Capacity IS NULL OR seats_taken <= @Capacity)
          AND EXISTS (SELECT 1 FROM events e WHERE e.id = @Id AND {EventRules.ManageScope})
        """);

    private static readonly Sql SeatsTaken = Sql.Portable("SELECT seats_taken FROM events WHERE id = @Id");

    public override void Configure()
    {
        Put("/events/{id}");
        Description(b => b
            .WithName("events_update")
            .WithSummary("Update an event")
            .WithDescription("Replaces the event's fields, co-hosts, audience and questions (a question sent with its id keeps its answers; one left out "
                + "is removed with them). Send the ETag in If-Match: a stale one gets 412, none gets 428. Changing the time, place or online link "
                + "raises the sequence and tells everyone registered or waiting by mail. Seats a raised capacity adds promote from the waiting list "
                + "(in queue order, whole groups that fit). A capacity below the seats taken, or a cancelled or completed event, is a 409. "
                + "Co-hosts may not change it (403).")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateEventRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var current = await EventSql.GetToChangeAsync(session, req.Id, scope, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (current.Status is not (EventStatus.Draft or EventStatus.Published))
        {
            throw ProblemException.Conflict(Texts.Get("events.cancelledOrCompletedStays"));
        }

        var departments = await EventSql.DepartmentsAsync(session, db, req, scope, ct);
        var values = new Dapper.DynamicParameters(EventValues.Of(req.Id, req, departments, now));
        values.Add("Version", version);
        values.Add("SequenceStep", MattersToAttendees(current, req) ? 1 : 0);
        values.Add("ScopeAll", scope.ScopeAll);
        values.Add("ScopeUserId", scope.ScopeUserId);
        if (await session.ExecuteAsync(Update, values, ct) == 0)
        {
            var seats = await session.ExecuteScalarAsync<int>(SeatsTaken, new { req.Id }, ct);
            if (req.Capacity is { } capacity && capacity < seats)
            {
                throw new ProblemException(StatusCodes.Status409Conflict, Texts.Get("events.capacityBelowSeatsTaken", seats), ProblemTypes.Conflict,
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { ["capacity"] = [Texts.Get("events.capacityBelowSeatsTaken", seats)] });
            }

            Preconditions.Changed(0);
        }

        await EventSql.WriteChildrenAsync(session, req.Id, req, departments, scope, now, ct);

        // Registration: those registered hear of a new time or place; seats a raised capacity adds go to the waiting list.
        var mails = MattersToAttendees(current, req) ? await EventMailOutbox.WriteToRegisteredAsync(session, req.Id, EventMailKinds.Changed, now, ct) : 0;
        mails += (await WaitingList.PromoteAsync(session, req.Id, now, ct)).Count;
        await audit.WriteAsync(session, HttpContext, new AuditEvent("event.update", "event", req.Id.ToString()), ct);
        var updated = await EventSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        if (mails > 0)
        {
            mail.Pulse();
        }

        await EventSql.SendAsync(HttpContext, updated, StatusCodes.Status200OK, ct);
    }

    /// <summary>A change attendees must hear of (and their calendars see): the time, the place or the online link.</summary>
    private static bool MattersToAttendees(EventResponse current, EventInput next) =>
        current.StartsAt != next.StartsAt || current.EndsAt != next.EndsAt || current.TimeZone != next.TimeZone
        || current.Venue != TextRules.Clean(next.Venue) || current.Address != TextRules.Clean(next.Address)
        || current.City != TextRules.Clean(next.City) || current.Country != Countries.Normalise(next.Country)
        || current.OnlineUrl != TextRules.Clean(next.OnlineUrl);

    public sealed class Validator : Validator<UpdateEventRequest>
    {
        public Validator() => this.AddEventRules();
    }
}
