using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Staff;

/// <summary>One event as staff see it: the organiser's staff, the co-hosts' and admins; 404 for anyone else.</summary>
[Access(Caller.Staff, Scope = ApiScopes.EventsRead)]
public sealed class GetEvent(Database db) : Endpoint<EventByIdRequest, EventResponse>
{
    public override void Configure()
    {
        Get("/events/{id}");
        Description(b => b
            .WithName("events_get")
            .WithSummary("Get an event (staff)")
            .WithDescription("Everything of the event, with its seat figures; the ETag is its version. An event neither organised nor co-hosted by "
                + "one of the caller's departments is a 404.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(EventByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var found = await EventSql.GetAsync(session, req.Id, DepartmentScope.Of(User), ct);
        await EventSql.SendAsync(HttpContext, found, StatusCodes.Status200OK, ct);
    }
}
