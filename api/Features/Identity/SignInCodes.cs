using Alumni.Api.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity;

/// <summary>The outcome of presenting a code.</summary>
public enum CodeCheck
{
    /// <summary>Right: the code is now used up.</summary>
    Accepted,

    /// <summary>No live code for the address (never sent, expired, used or superseded).</summary>
    NoLiveCode,

    /// <summary>Wrong; the code still works for the tries that are left.</summary>
    Wrong,

    /// <summary>Wrong, and that was the last try: the code no longer works.</summary>
    TooManyTries,
}

/// <summary>Checking an e-mailed code: the newest live code of the address, wrong tries counted, single use.</summary>
public sealed class SignInCodes(IdentitySecrets secrets, TimeProvider time, IOptions<IdentityOptions> options)
{
    private static readonly Sql LiveCode = Sql.Dialects(
        """
        SELECT id AS Id, code_hash AS CodeHash, failed_attempts AS FailedAttempts
        FROM sign_in_codes
        WHERE email = @Email AND consumed_at IS NULL AND expires_at > @Now
        ORDER BY created_at DESC
        LIMIT 1
        """,
        """
        SELECT TOP (1) id AS Id, code_hash AS CodeHash, failed_attempts AS FailedAttempts
        FROM sign_in_codes
        WHERE email = @Email AND consumed_at IS NULL AND expires_at > @Now
        ORDER BY created_at DESC
        """);

    private static readonly Sql CountFailure = Sql.Portable("""
        UPDATE sign_in_codes
        SET failed_attempts = @Attempts,
            consumed_at = CASE WHEN @Attempts >= @MaxAttempts THEN @Now ELSE NULL END
        WHERE id = @Id
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
        var code = await session.QuerySingleOrDefaultAsync<CodeRow>(LiveCode, new { Email = email, Now = now }, ct);
        if (code is null)
        {
            return CodeCheck.NoLiveCode;
        }

        if (!IdentitySecrets.Same(code.CodeHash, presentedHash))
        {
            var attempts = code.FailedAttempts + 1;
            await session.ExecuteAsync(CountFailure, new { code.Id, Attempts = attempts, MaxAttempts = options.Value.MaxCodeAttempts, Now = now }, ct);
            return attempts >= options.Value.MaxCodeAttempts ? CodeCheck.TooManyTries : CodeCheck.Wrong;
        }

        return await session.ExecuteAsync(Consume, new { code.Id, Now = now }, ct) == 1 ? CodeCheck.Accepted : CodeCheck.NoLiveCode;
    }

    private sealed record CodeRow
    {
        public Guid Id { get; init; }
        public string CodeHash { get; init; } = "";
        public int FailedAttempts { get; init; }
    }
}
