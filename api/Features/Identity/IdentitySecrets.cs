using System.Security.Cryptography;
using System.Text;
using Alumni.Api.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity;

/// <summary>
/// Secrets of the Identity slice: random tokens and codes, and their hashes. Codes are short, so they are hashed
/// with a keyed HMAC; session tokens and API keys are long and random, so a plain SHA-256 suffices.
/// </summary>
public sealed class IdentitySecrets(AppSecrets secrets, IOptions<IdentityOptions> options) : Infrastructure.Hosting.IStartupTask
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const string KeyName = "identity-code-hmac";

    private byte[]? key;

    /// <summary>A sign-in code: six characters without look-alikes (no 0/O, 1/I).</summary>
    public static string NewCode() =>
        string.Create(6, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
            }
        });

    /// <summary>What a person typed, as a code: upper case, without spaces and hyphens.</summary>
    public static string NormaliseCode(string typed) =>
        new(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>
    /// The keyed hash of a code for an address. Call it outside a transaction: the first call may store the key
    /// (which <see cref="EnsureKeyAsync"/> does at start-up).
    /// </summary>
    public async Task<string> HashCodeAsync(string email, string code, CancellationToken ct)
    {
        key ??= await LoadKeyAsync(ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{email}\n{code}")));
    }

    /// <summary>Loads the key, generating and storing it first on a new installation.</summary>
    public async Task EnsureKeyAsync(CancellationToken ct) => key ??= await LoadKeyAsync(ct);

    private Task<byte[]> LoadKeyAsync(CancellationToken ct) => secrets.KeyAsync(KeyName, options.Value.SecretKey, ct);

    Task Infrastructure.Hosting.IStartupTask.RunAsync(CancellationToken ct) => EnsureKeyAsync(ct);
}
