using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>Recruitment campaigns with their figures, within the caller's department scope.</summary>
internal static class RecruitmentSql
{
    public static readonly Sql Campaigns = Sql.Portable($"""
        SELECT c.id AS Id, d.code AS DepartmentCode, c.channel AS Channel, c.label AS Label, c.token AS Token,
               c.visits AS Visits, c.created_at AS CreatedAt,
               (SELECT COUNT(*) FROM members m WHERE m.campaign_id = c.id) AS SignUps,
               (SELECT COUNT(*) FROM members m WHERE m.campaign_id = c.id AND m.verified_at IS NOT NULL) AS Verified
        FROM recruitment_campaigns c
        JOIN department_directory d ON d.id = c.department_id
        WHERE (@Id IS NULL OR c.id = @Id)
          AND {StaffScope.Predicate("c.department_id")}
        ORDER BY c.created_at DESC
        """);
}
