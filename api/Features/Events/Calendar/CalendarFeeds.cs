using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>
/// A member's private calendar feed: a long random token in the feed's address is the credential, so only its SHA-256
/// is stored (as Identity stores session tokens and API keys) and it is found by that hash. One feed per member:
/// making a new one replaces the old, revoking deletes it, and the member's erasure deletes it too.
/// </summary>
internal static class CalendarFeeds
{
    /// <summary>The length of a token (32 random bytes, base64url).</summary>
    public const int TokenLength = 43;

    /// <summary>The member's feed, if any (when it was made).</summary>
    public static readonly Sql Created = Sql.Portable("""
        SELECT created_at FROM event_calendar_feeds WHERE member_id = @MemberId
        """);

    /// <summary>A new token for a member; the old one, if any, goes.</summary>
    public static string NewToken() => SecretTokens.NewToken();

    /// <summary>The stored form of a token.</summary>
    public static string Hash(string token) => SecretTokens.Sha256(token);

    /// <summary>True when the text could be a token at all (anything else is not looked up).</summary>
    public static bool IsWellFormed(string token) =>
        token.Length == TokenLength && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Constant-time comparison of a stored hash with a presented token's.</summary>
    public static bool Same(string storedHash, string presentedHash) => SecretTokens.Same(storedHash, presentedHash);

    /// <summary>The feed's address, as the client reached the API.</summary>
    public static string Url(HttpRequest request, string token) => $"{CalendarRows.Origin(request)}/api/calendar/{token}.ics";
}

/// <summary>A member's erasure deletes their calendar feed, in the erasure's transaction.</summary>
public sealed class CalendarFeedErasure : IErasureObserver
{
    private static readonly Sql Delete = Sql.Portable("""
        DELETE FROM event_calendar_feeds WHERE member_id = @MemberId
        """);

    public Task OnMemberErasedAsync(DbSession session, Guid memberId, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(Delete, new { MemberId = memberId }, ct);
}
