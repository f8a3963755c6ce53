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
    // out of it: as the name of the actor of what they did, as the subject of sign-ins and code requests written
    // before the address was known to be theirs, and as the detail of their account's creation. The entries then name
    // the person by id only, which the log shows as an erased person.
    private static readonly Sql ForgetInAudit = Sql.Portable("""
        UPDATE audit_log
        SET actor_name = CASE WHEN actor_id = @IdText OR actor_name = @Email THEN NULL ELSE actor_name END,
            entity_id = CASE WHEN entity_type = 'user' AND entity_id = @Email THEN @IdText ELSE entity_id END,
            detail = CASE WHEN detail = @Email THEN NULL ELSE detail END
        WHERE actor_id = @IdText OR actor_name = @Email OR entity_id = @Email OR detail = @Email
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
        await session.ExecuteAsync(ForgetInAudit, new { IdText = userId.ToString(), Email = email }, ct);
        await session.ExecuteAsync(Anonymise, new { Id = userId, ErasedEmail = $"erased-{userId:N}{ErasedDomain}", Now = now }, ct);
    }
}
