using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>What the audit log records of one action; who and from where are taken from the request.</summary>
/// <param name="Action">What was done, e.g. <c>auth.sign-in</c>, <c>member.read</c>, <c>api-key.revoke</c>.</param>
/// <param name="EntityType">The kind of thing acted on, e.g. <c>user</c>, <c>member</c>.</param>
/// <param name="EntityId">Its id (or, for a sign-in, the address).</param>
/// <param name="Outcome"><c>success</c>, <c>failure</c> or <c>denied</c>.</param>
/// <param name="Detail">A short note without personal data beyond the entity id.</param>
/// <param name="Actor">Who acted, when the request's caller is not yet that person (a sign-in: the person signing in).</param>
public sealed record AuditEvent(
    string Action, string? EntityType, string? EntityId, string Outcome = AuditEvent.Success, string? Detail = null, AuditActor? Actor = null)
{
    public const string Success = "success";
    public const string Failure = "failure";
    public const string Denied = "denied";
}

/// <summary>
/// A person who acts before they are signed in: their user id, once a sign-in proved who they are, and the address.
/// </summary>
public sealed record AuditActor(Guid? UserId, string Address)
{
    /// <summary>
    /// Someone who gave an address without proving it is theirs (a wrong code, a refused code request): the log names
    /// the address typed, never the account it belongs to, which a stranger could otherwise put actions on.
    /// </summary>
    public static AuditActor Claimed(string address) => new(null, address);
}

/// <summary>
/// The append-only audit log (owned by the Identity slice). Write in the same transaction as the action it records,
/// so that an action and its audit row are saved together or not at all.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(DbSession session, HttpContext? context, AuditEvent entry, CancellationToken ct);
}
