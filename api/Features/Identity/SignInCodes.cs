using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity;

/// <summary>The outcome of presenting a code.</summary>
public enum CodeCheck
{
    /// <summary>Right: the code is now used up.</summary>
    Accepted,

    /// <summary>No live code for the address (never sent, expired, used, retired by newer ones or dead of wrong tries).</summary>
    NoLiveCode,

    /// <summary>Wrong; the address's codes still work for the tries that are left.</summary>
    Wrong,

    /// <summary>Wrong, and that was the last try: none of the address's codes works any longer.</summary>
    TooManyTries,
}

/// <summary>
/// Checking an e-mailed code against the address's live codes (each single use). A wrong try counts against the address:
/// against every live code it has, so however many codes are live, the address's wrong tries stay bounded.
/// </summary>
public sealed class SignInCodes(IdentitySecrets secrets, TimeProvider time, IOptions<IdentityOptions> options)
{
    private static readonly Sql LiveCodes = Sql.Portable("""
        SELECT id AS Id, code_hash AS CodeHash
        FROM sign_in_codes
        WHERE email = @Email AND consumed_at IS NULL AND expires_at > @Now
        """);

    private static readonly Sql CountFailure = Sql.Portable("""
        UPDATE sign_in_codes
        SET failed_attempts = failed_attempts + 1,
            consumed_at = CASE WHEN failed_attempts + 1 >= @MaxAttempts THEN @Now ELSE NULL END
        WHERE email = @Email AND consumed_at IS NULL AND expires_at > @Now
        """);

    private static readonly Sql CountLive = Sql.Portable("""
        SELECT COUNT(*) FROM sign_in_codes WHERE email = @Email AND consumed_at IS NULL AND expires_at > @Now
        """);

    private static readonly Sql Consume = Sql.Portable("""
        UPDATE sign_in_codes SET consumed_at = @Now WHERE id = @Id AND consumed_at IS NULL
        """);

    /// <summary>The keyed hash of a typed code; compute it before opening the transaction <see cref="CheckAsync"/> runs in.</summary>
    public Task<string> HashAsync(string email, string typed, CancellationToken ct) =>
        secrets.HashCodeAsync(email, IdentitySecrets.NormaliseCode(typed), ct);

    /// <summary>Checks a presented code (by its hash) in the caller's transaction, recording a wrong try or the use.</summary>
    public async Task<CodeCheck> CheckAsync(DbSession session, string email, string presentedHash, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var live = await session.QueryAsync<CodeRow>(LiveCodes, new { Email = email, Now = now }, ct);
        if (live.Count == 0)
        {
            return CodeCheck.NoLiveCode;
        }

        // Compared with every live code, without stopping at a match: the time taken tells nothing.
        CodeRow? match = null;
        foreach (var code in live)
        {
            if (SecretTokens.Same(code.CodeHash, presentedHash))
            {
                match = code;
            }
        }

        if (match is null)
        {
            await session.ExecuteAsync(CountFailure, new { Email = email, MaxAttempts = options.Value.MaxCodeAttempts, Now = now }, ct);
            return await session.ExecuteScalarAsync<long>(CountLive, new { Email = email, Now = now }, ct) == 0 ? CodeCheck.TooManyTries : CodeCheck.Wrong;
        }

        return await session.ExecuteAsync(Consume, new { match.Id, Now = now }, ct) == 1 ? CodeCheck.Accepted : CodeCheck.NoLiveCode;
    }

    private sealed record CodeRow
    {
        public Guid Id { get; init; }
        public string CodeHash { get; init; } = "";
    }
}
