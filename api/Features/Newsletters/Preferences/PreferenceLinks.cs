using System.Buffers.Binary;
using System.Security.Cryptography;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Preferences;

/// <summary>What a preference-page token says: whose page it opens, which campaign's mail carried it, until when.</summary>
public sealed record PreferenceToken(Guid MemberId, Guid? CampaignId, DateTimeOffset ExpiresAt);

/// <summary>
/// The links in every newsletter mail to the member's preference page, which work without signing in: a token per
/// recipient and campaign, signed with HMAC-SHA256 under a key of this instance's database (<see cref="AppSecrets"/>),
/// and expiring. Nothing is stored per token; a token cannot be made or changed without the key.
/// </summary>
public sealed class PreferenceLinks(AppSecrets secrets, IOptions<NewsletterOptions> options, TimeProvider time)
{
    private const string KeyName = "newsletter-preference-hmac";
    private const int PayloadLength = 16 + 16 + 8;
    private const int MacLength = 16;

    private byte[]? key;

    /// <summary>Loads the key (made and stored first on a new installation); call once before <see cref="Token"/> or <see cref="Read"/>, outside a transaction.</summary>
    public async Task EnsureKeyAsync(CancellationToken ct) => key ??= await secrets.KeyAsync(KeyName, null, ct);

    /// <summary>A token for this member and campaign (none for mail outside a campaign, such as the welcome series).</summary>
    public string Token(Guid memberId, Guid? campaignId)
    {
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength];
        memberId.TryWriteBytes(bytes[..16]);
        (campaignId ?? Guid.Empty).TryWriteBytes(bytes[16..32]);
        var expires = time.GetUtcNow().AddDays(options.Value.PreferenceLinkDays).ToUnixTimeSeconds();
        BinaryPrimitives.WriteInt64BigEndian(bytes[32..40], expires);
        Mac(bytes[..PayloadLength], bytes[PayloadLength..]);
        return SecretTokens.Base64Url(bytes);
    }

    /// <summary>What a token says, or null when it is malformed, forged or expired.</summary>
    public PreferenceToken? Read(string? token) => Check(token, out _);

    /// <summary>
    /// What a token says, or null when it is malformed, forged or expired; <paramref name="expired"/> tells a genuine
    /// token past its time (signed with this key, so nothing is told to a forger) from the rest.
    /// </summary>
    public PreferenceToken? Check(string? token, out bool expired)
    {
        expired = false;
        if (string.IsNullOrEmpty(token) || token.Length > 80)
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length != PayloadLength + MacLength)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Mac(bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadLength..(PayloadLength + MacLength)]))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes[32..40]));
        if (expires <= time.GetUtcNow())
        {
            expired = true;
            return null;
        }

        var campaign = new Guid(bytes[16..32]);
        return new PreferenceToken(new Guid(bytes[..16]), campaign == Guid.Empty ? null : campaign, expires);
    }

    /// <summary>The web app's preference page for a token (a GET shows it and changes nothing).</summary>
    public string PageUrl(string token) => $"{BaseUrl}/preferences/{token}";

    /// <summary>The RFC 8058 one-click unsubscribe address for a token (only a POST there unsubscribes).</summary>
    public string OneClickUrl(string token) => $"{BaseUrl}/api/newsletters/unsubscribe/{token}";

    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    private void Mac(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        var k = key ?? throw new InvalidOperationException("Call EnsureKeyAsync before making or reading a preference link.");
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(k, payload, full);
        full[..MacLength].CopyTo(mac);
    }
}
