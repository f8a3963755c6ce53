using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Staff;

/// <summary>Publishes a draft: its audience sees it, and unless coordinators-only it is on the public list.</summary>
[Access(Caller.Staff, Scope = ApiScopes.EventsWrite)]
public sealed class PublishEvent(Database db, IAuditLog audit, TimeProvider time) : Endpoint<EventByIdRequest, EventResponse>
{
    private static readonly Sql Publish = Sql.Portable($"""
        UPDATE events
        SET status = 'published', published_at = @Now, updated_at = @Now, sequence = sequence + 1, version = version + 1
        WHERE id = @Id AND version = @Version AND status = 'draft'
          AND EXISTS (SELECT 1 FROM events e WHERE e.id = @Id AND {EventRules.ManageScope})
        """);

    public override void Configure()
    {
        Post("/events/{id}/publish");
        Description(b => b
            .WithName("events_publish")
            .WithSummary("Publish a draft event")
            .WithDescription("Only a draft can be published (409 otherwise). If-Match is optional: a stale ETag gets 412.")
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed));
    }

    public override async Task HandleAsync(EventByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.BeginAsync(ct);
        var current = await EventSql.GetToChangeAsync(session, req.Id, scope, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (current.Status != EventStatus.Draft)
        {
            throw ProblemException.Conflict(Texts.Get("events.onlyADraftIsPublished"));
        }

        Preconditions.Changed(await session.ExecuteAsync(Publish, new { req.Id, Version = version, Now = time.GetUtcNow(), scope.ScopeAll, scope.ScopeUserId }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("event.publish", "event", req.Id.ToString()), ct);
        var published = await EventSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await EventSql.SendAsync(HttpContext, published, StatusCodes.Status200OK, ct);
    }
}
