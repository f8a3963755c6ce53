using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity;

/// <summary>The Identity slice's service to other slices: fresh-code confirmation and erasure of a person.</summary>
public sealed class Accounts(Database db, SignInCodes codes, IdentitySecrets secrets, IAuditLog audit, TimeProvider time,
    IOptions<IdentityOptions> options) : IAccounts
{
    /// <summary>The domain an erased person's address is replaced with (<c>erased-{id}@erased.invalid</c>).</summary>
    public const string ErasedDomain = "@erased.invalid";

    /// <summary>True for the address an erased person's account is left with.</summary>
    public static bool IsErased(string email) => email.EndsWith(ErasedDomain, StringComparison.Ordinal);

    private static readonly Sql Anonymise = Sql.Portable("""
        UPDATE users
        SET email = @ErasedEmail, display_name = NULL, is_admin = 0, updated_at = @Now
        WHERE id = @Id
        """);

    private static readonly Sql DropDepartments = Sql.Portable("""
        DELETE FROM user_departments WHERE user_id = @Id
        """);

    private static readonly Sql DropCodes = Sql.Portable("""
        DELETE FROM sign_in_codes WHERE email = (SELECT email FROM users WHERE id = @Id)
        """);

    // The audit log is append-only except here: erasure keeps what happened and when, but takes the person's address
    // out of it. Each statement finds its rows through an index (ix_audit_log_entity, ix_audit_log_actor), so that it
    // never scans the whole log inside the erasure's transaction.

    /// <summary>Sign-ins and code requests for the address before it was known to be this account: the subject becomes the id.</summary>
    private static readonly Sql ForgetAddressAsSubject = Sql.Portable("""
        UPDATE audit_log
        SET entity_id = @IdText,
            actor_name = CASE WHEN actor_id IS NULL AND actor_name = @Email THEN NULL ELSE actor_name END
        WHERE entity_type = 'user' AND entity_id = @Email
        """);

    /// <summary>Entries about the account that name the address: a claimed sign-in's actor, the account's creation.</summary>
    private static readonly Sql ForgetAddressAboutAccount = Sql.Portable("""
        UPDATE audit_log
        SET actor_name = CASE WHEN actor_id IS NULL AND actor_name = @Email THEN NULL ELSE actor_name END,
            detail = CASE WHEN detail = @Email THEN NULL ELSE detail END
        WHERE entity_type = 'user' AND entity_id = @IdText AND ((actor_id IS NULL AND actor_name = @Email) OR detail = @Email)
        """);

    /// <summary>What the person did: their address as the actor's name.</summary>
    private static readonly Sql ForgetActorName = Sql.Portable("""
        UPDATE audit_log SET actor_name = NULL WHERE actor_type = 'user' AND actor_id = @IdText AND actor_name IS NOT NULL
        """);

    /// <summary>Sign-ins and code requests for an address that never had an account: the address goes, the entry stays.</summary>
    private static readonly Sql ForgetUnknownAddress = Sql.Portable("""
        UPDATE audit_log
        SET entity_id = NULL,
            actor_name = CASE WHEN actor_id IS NULL AND actor_name = @Email THEN NULL ELSE actor_name END
        WHERE entity_type = 'user' AND entity_id = @Email
        """);

    private static readonly Sql EmailOf = Sql.Portable("SELECT email FROM users WHERE id = @Id");

    public async Task<bool> ConsumeCodeAsync(string email, string code, CancellationToken ct)
    {
        var presented = await codes.HashAsync(email, code, ct);
        await using var session = await db.BeginAsync(ct);
        var check = await codes.CheckAsync(session, email, presented, ct);
        await session.CommitAsync(ct);
        return check == CodeCheck.Accepted;
    }

    public async Task<IssuedCode?> IssueCodeAsync(HttpContext http, string email, CancellationToken ct)
    {
        var settings = options.Value;
        var code = await Auth.RequestCode.IssueAsync(db, secrets, audit, http, settings, time.GetUtcNow(), TextRules.NormaliseEmail(email), ct);
        return code is null ? null : new IssuedCode(code, settings.CodeLifetimeMinutes);
    }

    public async Task EraseUserAsync(DbSession session, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        await SessionRevocation.RevokeAllAsync(session, userId, now, ct);
        await session.ExecuteAsync(DropCodes, new { Id = userId }, ct);
        await session.ExecuteAsync(DropDepartments, new { Id = userId }, ct);
        var email = await session.ExecuteScalarAsync<string>(EmailOf, new { Id = userId }, ct);
        var forget = new { IdText = userId.ToString(), Email = email };
        await session.ExecuteAsync(ForgetAddressAsSubject, forget, ct);
        await session.ExecuteAsync(ForgetAddressAboutAccount, forget, ct);
        await session.ExecuteAsync(ForgetActorName, forget, ct);
        await session.ExecuteAsync(Anonymise, new { Id = userId, ErasedEmail = $"erased-{userId:N}{ErasedDomain}", Now = now }, ct);
    }

    public Task ForgetAddressAsync(DbSession session, string email, CancellationToken ct) =>
        session.ExecuteAsync(ForgetUnknownAddress, new { Email = email }, ct);
}
