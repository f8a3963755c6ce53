using System.Net;
using System.Security.Cryptography;
using System.Text;
using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>
/// Tells visitors of invitation links apart without keeping their addresses: a keyed hash (HMAC-SHA256, the key made
/// once and kept in app_secrets) of the client's address and the day, so that the same client on the same day gives
/// the same hash, and nothing links one day's visitors to another's.
/// </summary>
public sealed class CampaignVisitors(AppSecrets secrets)
{
    private const string KeyName = "recruitment-visitor-hmac";

    private byte[]? key;

    /// <summary>The visitor's hash for a day (<see cref="DateOnly.DayNumber"/>). Call it outside a transaction: the first call may store the key.</summary>
    public async Task<string> HashAsync(IPAddress? client, int dayNumber, CancellationToken ct)
    {
        key ??= await secrets.KeyAsync(KeyName, null, ct);
        var text = $"{dayNumber}\n{client?.ToString() ?? "unknown"}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }
}
