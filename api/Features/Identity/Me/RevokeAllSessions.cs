using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.Me;

/// <summary>Signs me out everywhere, this browser included.</summary>
[Access(Caller.SignedIn)]
public sealed class RevokeAllSessions(Database db, IAuditLog audit, TimeProvider time) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/me/sessions");
        Description(b => b
            .WithName("identity_revokeAllSessions")
            .WithSummary("Revoke all my sessions")
            .WithDescription("Ends every session of mine, this one included (sign out everywhere).")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var userId = User.PersonId()!.Value;
        await using var session = await db.BeginAsync(ct);
        var count = await SessionRevocation.RevokeAllAsync(session, userId, time.GetUtcNow(), ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("session.revoke-all", "user", userId.ToString(), Detail: $"{count} sessions"), ct);
        await session.CommitAsync(ct);
        SessionCookies.Clear(HttpContext);
        await Send.NoContentAsync(ct);
    }
}
