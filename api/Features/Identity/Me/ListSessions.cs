using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.Me;

/// <summary>My live sessions (signed-in browsers), most recently used first.</summary>
[Access(Caller.SignedIn)]
public sealed class ListSessions(Database db, TimeProvider time) : EndpointWithoutRequest<IReadOnlyList<SessionResponse>>
{
    private static readonly Sql Live = Sql.Portable("""
        SELECT id              AS Id,
               created_at      AS CreatedAt,
               last_seen_at    AS LastSeenAt,
               idle_expires_at AS ExpiresAt,
               user_agent      AS UserAgent,
               client_ip       AS ClientIp
        FROM sessions
        WHERE user_id = @UserId AND revoked_at IS NULL AND idle_expires_at > @Now AND absolute_expires_at > @Now
        ORDER BY last_seen_at DESC
        """);

    public override void Configure()
    {
        Get("/me/sessions");
        Description(b => b
            .WithName("identity_listSessions")
            .WithSummary("List my sessions")
            .WithDescription("Every browser I am signed in on, with when it was last used and when it ends."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var current = Guid.Parse(User.FindFirst(AlumniClaims.SessionId)!.Value);
        await using var session = await db.OpenAsync(ct);
        var sessions = await session.QueryAsync<SessionResponse>(Live, new { UserId = User.PersonId(), Now = time.GetUtcNow() }, ct);
        await Send.OkAsync(sessions.Select(s => s with { IsCurrent = s.Id == current }).ToList(), ct);
    }
}
