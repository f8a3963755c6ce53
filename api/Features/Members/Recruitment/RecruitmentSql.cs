using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>Recruitment campaigns with their figures, within the caller's department scope.</summary>
internal static class RecruitmentSql
{
    public static readonly Sql Campaigns = Sql.Portable($"""
        SELECT c.id AS Id, d.code AS DepartmentCode, c.channel AS Channel, c.label AS Label, c.token AS Token,
               c.visits AS Visits, c.created_at AS CreatedAt, c.closed_at AS ClosedAt, c.version AS Version,
               (SELECT COUNT(*) FROM members m WHERE m.campaign_id = c.id) AS SignUps,
               (SELECT COUNT(*) FROM members m WHERE m.campaign_id = c.id AND m.verified_at IS NOT NULL) AS Verified
        FROM recruitment_campaigns c
        JOIN department_directory d ON d.id = c.department_id
        WHERE (@Id IS NULL OR c.id = @Id)
          AND {StaffScope.Predicate("c.department_id")}
        ORDER BY c.created_at DESC
        """);

    /// <summary>One campaign of the caller's departments; 404 for any other.</summary>
    public static async Task<CampaignResponse> GetAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<CampaignResponse>(Campaigns, new { Id = (Guid?)id, scope.ScopeAll, scope.ScopeUserId }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("members.noCampaignWithThatId"));

    /// <summary>Answers the campaign with its version as the ETag.</summary>
    public static async Task SendAsync(HttpContext context, CampaignResponse campaign, CancellationToken ct)
    {
        Preconditions.SetETag(context, campaign.Version);
        await context.Response.WriteAsJsonAsync(campaign, ct);
    }
}
