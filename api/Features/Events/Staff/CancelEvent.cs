using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Staff;

/// <summary>
/// Cancels a draft or published event. In the same transaction, a <c>cancelled</c> mail is put in the outbox for every
/// confirmed or waiting registration; the mail sender tells them after commit.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.EventsWrite)]
public sealed class CancelEvent(Database db, IAuditLog audit, TimeProvider time, Mail.EventMailSignal mail) : Endpoint<EventByIdRequest, EventResponse>
{
    private static readonly Sql Cancel = Sql.Portable($"""
        UPDATE events
        SET status = 'cancelled', cancelled_at = @Now, updated_at = @Now, sequence = sequence + 1, version = version + 1
        WHERE id = @Id AND version = @Version AND status IN ('draft', 'published')
          AND EXISTS (SELECT 1 FROM events e WHERE e.id = @Id AND {EventRules.ManageScope})
        """);

    private static readonly Sql Registered = Sql.Portable("""
        SELECT id AS RegistrationId, member_id AS MemberId
        FROM event_registrations
        WHERE event_id = @Id AND status IN ('confirmed', 'waiting')
        ORDER BY registered_at, id
        """);

    private static readonly Sql QueueMail = Sql.Portable("""
        INSERT INTO event_mail (id, registration_id, event_id, member_id, kind, created_at, attempts)
        VALUES (@Id, @RegistrationId, @EventId, @MemberId, 'cancelled', @Now, 0)
        """);

    public override void Configure()
    {
        Post("/events/{id}/cancel");
        Description(b => b
            .WithName("events_cancel")
            .WithSummary("Cancel an event")
            .WithDescription("A draft or published event can be cancelled (409 otherwise); everyone registered or waiting is told by mail. "
                + "If-Match is optional: a stale ETag gets 412.")
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed));
    }

    public override async Task HandleAsync(EventByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var current = await EventSql.GetToChangeAsync(session, req.Id, scope, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (current.Status is not (EventStatus.Draft or EventStatus.Published))
        {
            throw ProblemException.Conflict(Texts.Get("events.onlyDraftOrPublishedIsCancelled"));
        }

        Preconditions.Changed(await session.ExecuteAsync(Cancel, new { req.Id, Version = version, Now = now, scope.ScopeAll, scope.ScopeUserId }, ct));
        foreach (var registration in await session.QueryAsync<RegisteredRow>(Registered, new { req.Id }, ct))
        {
            await session.ExecuteAsync(QueueMail, new
            {
                Id = Guid.CreateVersion7(now),
                registration.RegistrationId,
                EventId = req.Id,
                registration.MemberId,
                Now = now,
            }, ct);
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("event.cancel", "event", req.Id.ToString()), ct);
        var cancelled = await EventSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        mail.Pulse();
        await EventSql.SendAsync(HttpContext, cancelled, StatusCodes.Status200OK, ct);
    }

    private sealed record RegisteredRow
    {
        public Guid RegistrationId { get; init; }
        public Guid MemberId { get; init; }
    }
}
