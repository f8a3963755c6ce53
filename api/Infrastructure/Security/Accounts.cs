using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>
/// Told of every successful sign-in, inside the sign-in's transaction (the Members slice uses it to verify a
/// pending member's address and link the member to the person).
/// </summary>
public interface ISignInObserver
{
    Task OnSignedInAsync(DbSession session, Guid userId, string email, DateTimeOffset now, CancellationToken ct);
}

/// <summary>What the Identity slice offers other slices about people who sign in.</summary>
public interface IAccounts
{
    /// <summary>
    /// Checks and uses up a fresh sign-in code for the address (for confirming a grave step such as erasure);
    /// false when it is wrong, expired or used. Call it outside a transaction.
    /// </summary>
    Task<bool> ConsumeCodeAsync(string email, string code, CancellationToken ct);

    /// <summary>
    /// Makes a fresh one-time code for the address, within the same limits as a sign-in code (429 past them), for the
    /// calling slice to send in its own words; null when the address's ceiling is reached and nothing may be sent.
    /// Call it outside a transaction.
    /// </summary>
    Task<IssuedCode?> IssueCodeAsync(HttpContext http, string email, CancellationToken ct);

    /// <summary>Erases a person who signs in: every session revoked, the address and name removed.</summary>
    Task EraseUserAsync(DbSession session, Guid userId, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Erases an address that never had an account (a member who never signed in) from the audit log's entries of codes
    /// asked for and sign-ins tried with it; the entries stay without it.
    /// </summary>
    Task ForgetAddressAsync(DbSession session, string email, CancellationToken ct);
}

/// <summary>A fresh one-time code and how many minutes it lasts.</summary>
public sealed record IssuedCode(string Code, int LifetimeMinutes);

/// <summary>
/// Adds claims to a signed-in person's identity at each request (the Members slice says whether they are an active
/// member), so that access rules can depend on other slices' facts without Identity knowing them.
/// </summary>
public interface IClaimsContributor
{
    Task<IEnumerable<System.Security.Claims.Claim>> ClaimsForAsync(DbSession session, Guid userId, CancellationToken ct);
}
