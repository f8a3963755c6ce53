using System.Text.Json;

namespace Alumni.Api.Features.Newsletters.Bounces;

/// <summary>What the bounce use cases share: the columns of a bounce as the API answers it, and stored values.</summary>
internal static class BounceSql
{
    /// <summary>A bounce (aliased b) as <see cref="Contracts.Newsletters.BounceResponse"/>.</summary>
    public const string Columns = """
        SELECT b.id AS Id, b.email AS Email, b.kind AS Kind, b.reason AS Reason, b.source AS Source, b.campaign_id AS CampaignId,
               b.created_at AS CreatedAt,
               CASE WHEN EXISTS (SELECT 1 FROM newsletter_suppressions s WHERE s.email = b.email) THEN 1 ELSE 0 END AS Suppressed
        """;

    /// <summary>An enum value as the slice stores it (camel case).</summary>
    public static string Stored<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
