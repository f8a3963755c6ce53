using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Network;

namespace Alumni.Api.Features.Network.Coverage;

/// <summary>
/// Member figures per department and for the whole university, from Members' published views (member_departments,
/// member_figure_facts: counts only, no names). One statement for the departments serves both the office's coverage
/// (an admin: every active department) and the coordinator's start page (their own departments, by the staff scope).
/// </summary>
public static class MemberFigures
{
    /// <summary>Each active department in the caller's scope with its active members, new ones since @YearStart and reachable ones.</summary>
    private static readonly Sql Departments = Sql.Portable($"""
        SELECT d.id AS DepartmentId, d.code AS DepartmentCode, d.name_sv AS NameSv, d.name_en AS NameEn, d.faculty_code AS FacultyCode,
               COUNT(f.member_id) AS Members,
               COALESCE(SUM(CASE WHEN f.joined_at >= @YearStart THEN 1 ELSE 0 END), 0) AS NewMembersThisYear,
               COALESCE(SUM(CASE WHEN f.reachable = 1 THEN 1 ELSE 0 END), 0) AS Reachable
        FROM department_directory d
        LEFT JOIN member_departments md ON md.department_id = d.id
        LEFT JOIN member_figure_facts f ON f.member_id = md.member_id AND f.status = 'Active'
        WHERE d.is_active = 1 AND {StaffScope.Predicate("d.id")}
        GROUP BY d.id, d.code, d.name_sv, d.name_en, d.faculty_code
        ORDER BY d.code
        """);

    /// <summary>Every active member once, affiliated or not (the office's totals; no department is named).</summary>
    private static readonly Sql University = Sql.Portable("""
        SELECT COUNT(*) AS Members,
               COALESCE(SUM(CASE WHEN f.joined_at >= @YearStart THEN 1 ELSE 0 END), 0) AS NewMembersThisYear,
               COALESCE(SUM(CASE WHEN f.reachable = 1 THEN 1 ELSE 0 END), 0) AS Reachable
        FROM member_figure_facts f
        WHERE f.status = 'Active'
        """);

    /// <summary>The first moment (UTC) of the calendar year of <paramref name="now"/>.</summary>
    public static DateTimeOffset YearStart(DateTimeOffset now) => new(now.UtcDateTime.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The active departments in the caller's scope with their figures, by code.</summary>
    public static async Task<IReadOnlyList<DepartmentMemberFigures>> ForDepartmentsAsync(DbSession session, DepartmentScope scope, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await session.QueryAsync<DepartmentMemberFigures>(Departments, new { YearStart = YearStart(now), scope.ScopeAll, scope.ScopeUserId }, ct);
        return rows.Select(r => r with { ReachableShare = Share(r.Reachable, r.Members) }).ToList();
    }

    /// <summary>The university's totals; only for the office (the caller must see every department).</summary>
    public static async Task<MemberFiguresTotals> ForUniversityAsync(DbSession session, DateTimeOffset now, CancellationToken ct)
    {
        var totals = await session.QuerySingleOrDefaultAsync<MemberFiguresTotals>(University, new { YearStart = YearStart(now) }, ct) ?? new MemberFiguresTotals();
        return totals with { ReachableShare = Share(totals.Reachable, totals.Members) };
    }

    /// <summary>Part of whole, 0–1 to three decimals; null of nothing.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 3, MidpointRounding.AwayFromZero);
}
