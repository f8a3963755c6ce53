using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity;

/// <summary>The Identity slice's service to other slices: fresh-code confirmation and erasure of a person.</summary>
public sealed class Accounts(Database db, SignInCodes codes, IdentitySecrets secrets, IAuditLog audit, TimeProvider time,
    IOptions<IdentityOptions> options) : IAccounts
{
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
        await session.ExecuteAsync(Anonymise, new { Id = userId, ErasedEmail = $"erased-{userId:N}@erased.invalid", Now = now }, ct);
    }
}
