using System.Security.Cryptography;
using System.Text;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>
/// Long random secrets handed out as bearer values (session tokens, API keys, private calendar feed links) and their
/// stored form: only the SHA-256 is kept, and a presented value is compared with it in constant time.
/// </summary>
public static class SecretTokens
{
    /// <summary>An unguessable token, base64url.</summary>
    public static string NewToken(int bytes = 32) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>The SHA-256 of a long random value, hex.</summary>
    public static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Constant-time comparison of two hashes.</summary>
    public static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>Bytes as base64url without padding.</summary>
    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
