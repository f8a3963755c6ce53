using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.Me;

/// <summary>Signs one of my sessions out (another browser, or this one).</summary>
[Access(Caller.SignedIn)]
public sealed class RevokeSession(Database db, IAuditLog audit, TimeProvider time) : Endpoint<SessionByIdRequest>
{
    public override void Configure()
    {
        Delete("/me/sessions/{id}");
        Description(b => b
            .WithName("identity_revokeSession")
            .WithSummary("Revoke one of my sessions")
            .WithDescription("Ends that session at once. Only my own sessions can be revoked here.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(SessionByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (await SessionRevocation.RevokeAsync(session, req.Id, User.PersonId(), time.GetUtcNow(), ct) == 0)
        {
            throw new ProblemException(StatusCodes.Status404NotFound, "You have no live session with that id.");
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("session.revoke", "session", req.Id.ToString()), ct);
        await session.CommitAsync(ct);
        if (User.FindFirst(AlumniClaims.SessionId)?.Value == req.Id.ToString())
        {
            SessionCookies.Clear(HttpContext);
        }

        await Send.NoContentAsync(ct);
    }
}
