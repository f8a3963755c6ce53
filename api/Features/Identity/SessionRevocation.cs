using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Features.Identity;

/// <summary>Ending sessions: one, or every session of a user.</summary>
internal static class SessionRevocation
{
    private static readonly Sql RevokeOne = Sql.Portable("""
        UPDATE sessions SET revoked_at = @Now
        WHERE id = @Id AND (@UserId IS NULL OR user_id = @UserId) AND revoked_at IS NULL
        """);

    private static readonly Sql RevokeAll = Sql.Portable("""
        UPDATE sessions SET revoked_at = @Now WHERE user_id = @UserId AND revoked_at IS NULL
        """);

    /// <summary>Revokes a session (only the user's own when a user is given); the number revoked (0 or 1).</summary>
    public static Task<int> RevokeAsync(DbSession session, Guid id, Guid? userId, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(RevokeOne, new { Id = id, UserId = userId, Now = now }, ct);

    /// <summary>Revokes every live session of a user.</summary>
    public static Task<int> RevokeAllAsync(DbSession session, Guid userId, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(RevokeAll, new { UserId = userId, Now = now }, ct);
}
