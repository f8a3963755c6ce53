using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Staff;

/// <summary>Marks a published event that has started as completed (it took place).</summary>
[Access(Caller.Staff, Scope = ApiScopes.EventsWrite)]
public sealed class CompleteEvent(Database db, IAuditLog audit, TimeProvider time) : Endpoint<EventByIdRequest, EventResponse>
{
    private static readonly Sql Complete = Sql.Portable($"""
        UPDATE events
        SET status = 'completed', updated_at = @Now, sequence = sequence + 1, version = version + 1
        WHERE id = @Id AND version = @Version AND status = 'published' AND starts_at <= @Now
          AND EXISTS (SELECT 1 FROM events e WHERE e.id = @Id AND {EventRules.ManageScope})
        """);

    public override void Configure()
    {
        Post("/events/{id}/complete");
        Description(b => b
            .WithName("events_complete")
            .WithSummary("Mark an event as completed")
            .WithDescription("Only a published event that has started can be completed (409 otherwise). If-Match is optional: a stale ETag gets 412.")
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
        if (current.Status != EventStatus.Published)
        {
            throw ProblemException.Conflict(Texts.Get("events.onlyAPublishedIsCompleted"));
        }

        if (current.StartsAt > now)
        {
            throw ProblemException.Conflict(Texts.Get("events.notStartedYet"));
        }

        Preconditions.Changed(await session.ExecuteAsync(Complete, new { req.Id, Version = version, Now = now, scope.ScopeAll, scope.ScopeUserId }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("event.complete", "event", req.Id.ToString()), ct);
        var completed = await EventSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await EventSql.SendAsync(HttpContext, completed, StatusCodes.Status200OK, ct);
    }
}
