using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Identity;

/// <summary>The Identity slice's service to other slices: fresh-code confirmation and erasure of a person.</summary>
public sealed class Accounts(Database db, SignInCodes codes) : IAccounts
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

    public async Task<bool> ConsumeCodeAsync(string email, string code, CancellationToken ct)
    {
        var presented = await codes.HashAsync(email, code, ct);
        await using var session = await db.BeginAsync(ct);
        var check = await codes.CheckAsync(session, email, presented, ct);
        await session.CommitAsync(ct);
        return check == CodeCheck.Accepted;
    }

    public async Task EraseUserAsync(DbSession session, Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        await SessionRevocation.RevokeAllAsync(session, userId, now, ct);
        await session.ExecuteAsync(DropCodes, new { Id = userId }, ct);
        await session.ExecuteAsync(DropDepartments, new { Id = userId }, ct);
        await session.ExecuteAsync(Anonymise, new { Id = userId, ErasedEmail = $"erased-{userId:N}{ErasedDomain}", Now = now }, ct);
    }
}
