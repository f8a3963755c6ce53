using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.Auth;

/// <summary>Signs out: revokes this session on the server and clears its cookies.</summary>
[Access(Caller.SignedIn)]
public sealed class SignOut(Database db, IAuditLog audit, TimeProvider time) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("/auth/session");
        Description(b => b
            .WithName("identity_signOut")
            .WithSummary("Sign out")
            .WithDescription("Revokes the current session; the cookies are cleared.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var sessionId = Guid.Parse(User.FindFirst(AlumniClaims.SessionId)!.Value);
        await using var session = await db.BeginAsync(ct);
        await SessionRevocation.RevokeAsync(session, sessionId, null, time.GetUtcNow(), ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("auth.sign-out", "session", sessionId.ToString()), ct);
        await session.CommitAsync(ct);
        SessionCookies.Clear(HttpContext);
        await Send.NoContentAsync(ct);
    }
}
