using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Support;

/// <summary>An approved request links its co-hosted event: one hosted by one of the departments taking part (If-Match).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkWrite)]
public sealed class LinkSupportRequestEvent(Database db, IAuditLog audit, TimeProvider time) : Endpoint<LinkSupportRequestEventRequest, SupportRequestResponse>
{
    private static readonly Sql Move = Sql.Portable($"""
        UPDATE network_support_requests
        SET status = @To, event_id = @EventId, event_linked_by = @By, event_linked_at = @Now, updated_at = @Now, version = version + 1
        WHERE {SupportSql.MoveCondition}
        """);

    public override void Configure()
    {
        Post("/network/support-requests/{id}/event");
        Description(b => b
            .WithName("network_linkSupportRequestEvent")
            .WithSummary("Link a support request's event")
            .WithDescription("Only an approved request (409 otherwise, saying from which state to which). The event is one that a department taking part organises or co-hosts (event_hosts), else a 400 on eventId; linking again replaces it. The asking department's coordinators and admins. Send the ETag in If-Match.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    [Unscoped("the event's hosts among the departments of a request the caller was let move by the read just before, in the same session")]
    private static readonly Sql HostedByTakingPart = Sql.Portable("""
        SELECT COUNT(*) FROM event_hosts h
        JOIN network_support_request_departments p ON p.department_id = h.department_id
        WHERE h.event_id = @EventId AND p.request_id = @Id
        """);

    public override async Task HandleAsync(LinkSupportRequestEventRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var values = new Dapper.DynamicParameters();
        values.Add("EventId", req.EventId);
        var moved = await SupportSql.MoveAsync(session, HttpContext, req.Id, SupportMove.LinkEvent, Move, values, audit,
            "network.support-request-link-event", time.GetUtcNow(), ct, async row =>
            {
                if (await session.ExecuteScalarAsync<long>(HostedByTakingPart, new { req.EventId, row.Id }, ct) == 0)
                {
                    throw ProblemException.Field("eventId", Texts.Get("network.support.noEventOfTheDepartmentsTakingPart"));
                }
            });
        await session.CommitAsync(ct);
        await SupportSql.SendAsync(HttpContext, moved, StatusCodes.Status200OK, ct);
    }
}
