using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Bounces;

/// <summary>
/// Records a bounce and stops mail to the address when it should: at once after a hard bounce, and after
/// <see cref="NewsletterOptions.SoftBouncesToStop"/> soft bounces within <see cref="NewsletterOptions.SoftBounceWindowDays"/>
/// (bounces before an admin lifted a suppression no longer count). A stopped address is in
/// <c>newsletter_suppressions</c>, which <c>TopicAudience.Subscribed</c> leaves out of every audience.
/// </summary>
public sealed class BounceRecorder(IOptions<NewsletterOptions> options)
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO newsletter_bounces (id, email, kind, reason, source, campaign_id, recorded_by, created_at)
        VALUES (@Id, @Email, @Kind, @Reason, @Source, @CampaignId, @RecordedBy, @Now)
        """);

    private static readonly Sql IsSuppressed = Sql.Portable("""
        SELECT COUNT(*) FROM newsletter_suppressions WHERE email = @Email
        """);

    private static readonly Sql SoftSince = Sql.Portable("""
        SELECT COUNT(*) FROM newsletter_bounces
        WHERE email = @Email AND kind = 'soft' AND cleared_at IS NULL AND created_at >= @Since
        """);

    private static readonly Sql Suppress = Sql.Portable("""
        INSERT INTO newsletter_suppressions (email, reason, bounce_id, created_at) VALUES (@Email, @Reason, @BounceId, @Now)
        """);

    /// <summary>The most characters of a reason kept.</summary>
    public const int MaxReason = 1000;

    /// <summary>Records the bounce in the caller's transaction; the bounce as the API answers it.</summary>
    public async Task<BounceResponse> RecordAsync(DbSession session, string email, BounceKind kind, string? reason, BounceSource source,
        Guid? campaignId, Guid? recordedBy, DateTimeOffset now, CancellationToken ct)
    {
        var address = TextRules.NormaliseEmail(email);
        var id = Guid.CreateVersion7(now);
        var cleanReason = TextRules.Clean(reason) is { } r ? r[..Math.Min(r.Length, MaxReason)] : null;
        await session.ExecuteAsync(Insert, new
        {
            Id = id,
            Email = address,
            Kind = BounceSql.Stored(kind),
            Reason = cleanReason,
            Source = BounceSql.Stored(source),
            CampaignId = campaignId,
            RecordedBy = recordedBy,
            Now = now,
        }, ct);

        var suppressed = await session.ExecuteScalarAsync<long>(IsSuppressed, new { Email = address }, ct) > 0;
        if (!suppressed)
        {
            var settings = options.Value;
            var stop = kind == BounceKind.Hard ? SuppressionReason.HardBounce
                : await session.ExecuteScalarAsync<long>(SoftSince, new { Email = address, Since = now.AddDays(-settings.SoftBounceWindowDays) }, ct)
                    >= Math.Max(1, settings.SoftBouncesToStop) ? SuppressionReason.SoftBounces
                : (SuppressionReason?)null;
            if (stop is { } why)
            {
                await session.ExecuteAsync(Suppress, new { Email = address, Reason = BounceSql.Stored(why), BounceId = id, Now = now }, ct);
                suppressed = true;
            }
        }

        return new BounceResponse
        {
            Id = id,
            Email = address,
            Kind = kind,
            Reason = cleanReason,
            Source = source,
            CampaignId = campaignId,
            CreatedAt = now,
            Suppressed = suppressed,
        };
    }
}
