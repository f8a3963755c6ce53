using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Members.Recruitment;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Network;
using Alumni.Contracts.Problems;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>
/// The department a reader fills the toolkit for, and what its placeholders hold: a coordinator's own department (by
/// default their first by code), any for the office; its newest open recruitment link (Members'
/// <c>recruitment_campaign_links</c>, made into an address by <see cref="RecruitmentLinks"/>) and its active coordinators.
/// </summary>
internal static class ToolkitDepartments
{
    private static readonly Sql Mine = Sql.Portable($"""
        SELECT d.id AS Id, d.code AS Code, d.name_sv AS NameSv, d.name_en AS NameEn
        FROM department_directory d
        WHERE d.is_active = 1 AND {StaffScope.Predicate("d.id")}
        ORDER BY d.code
        """);

    private static readonly Sql Exists = Sql.Portable("SELECT COUNT(*) FROM department_directory d WHERE d.code = @Code AND d.is_active = 1");

    private static readonly Sql NewestOpenLink = Sql.Dialects($"""
        SELECT c.token FROM recruitment_campaign_links c
        WHERE c.department_id = @DepartmentId AND c.closed_at IS NULL AND {StaffScope.Predicate("c.department_id")}
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT 1
        """, $"""
        SELECT TOP (1) c.token FROM recruitment_campaign_links c
        WHERE c.department_id = @DepartmentId AND c.closed_at IS NULL AND {StaffScope.Predicate("c.department_id")}
        ORDER BY c.created_at DESC, c.id DESC
        """);

    private static readonly Sql Coordinators = Sql.Portable($"""
        SELECT n.name AS Name, a.contact_email AS Email, a.contact_phone AS Phone
        FROM coordinator_assignments a
        LEFT JOIN caller_names n ON n.id = a.user_id
        WHERE a.department_id = @DepartmentId AND a.ended_on IS NULL AND {StaffScope.Predicate("a.department_id")}
        ORDER BY a.started_on, a.id
        """);

    /// <summary>
    /// The caller's department with this code (or, without one, their first): an unknown code is a 400 on
    /// <paramref name="field"/>, a department outside the caller's scope a 403.
    /// </summary>
    public static async Task<ToolkitDepartment> ResolveAsync(DbSession session, DepartmentScope scope, string? code, string field, CancellationToken ct)
    {
        var mine = (await session.QueryAsync<ToolkitDepartment>(Mine, new { scope.ScopeAll, scope.ScopeUserId }, ct)).ToList();
        if (string.IsNullOrWhiteSpace(code))
        {
            return mine.FirstOrDefault() ?? throw ProblemException.Field(field, Texts.Get("network.toolkit.chooseADepartment"));
        }

        var wanted = code.Trim().ToUpperInvariant();
        if (mine.FirstOrDefault(d => d.Code == wanted) is { } department)
        {
            return department;
        }

        if (await session.ExecuteScalarAsync<long>(Exists, new { Code = wanted }, ct) == 0)
        {
            throw ProblemException.Field(field, Texts.Get("network.toolkit.noSuchDepartment"));
        }

        throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("network.toolkit.notOneOfYourDepartments"), ProblemTypes.Forbidden);
    }

    /// <summary>The department's newest open recruitment link at this origin, or null when it has none open.</summary>
    public static async Task<string?> RecruitmentLinkAsync(DbSession session, DepartmentScope scope, Guid departmentId, string origin, CancellationToken ct) =>
        await session.ExecuteScalarAsync<string?>(NewestOpenLink, new { DepartmentId = departmentId, scope.ScopeAll, scope.ScopeUserId }, ct) is { } token
            ? RecruitmentLinks.JoinUrl(origin, token)
            : null;

    /// <summary>The placeholders' values for the department, in Swedish and in English (a null value: none).</summary>
    public static async Task<(Dictionary<string, string?> Swedish, Dictionary<string, string?> English, string? Link, string? QrUrl)> ValuesAsync(
        DbSession session, DepartmentScope scope, ToolkitDepartment department, string origin, CancellationToken ct)
    {
        var link = await RecruitmentLinkAsync(session, scope, department.Id, origin, ct);
        var qr = link is null ? null : $"{origin.TrimEnd('/')}/api/network/toolkit/qr?department={Uri.EscapeDataString(department.Code)}";
        var coordinators = (await session.QueryAsync<CoordinatorRow>(Coordinators, new { DepartmentId = department.Id, scope.ScopeAll, scope.ScopeUserId }, ct)).ToList();
        var common = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ToolkitPlaceholders.DepartmentCode] = department.Code,
            [ToolkitPlaceholders.RecruitmentLink] = link,
            [ToolkitPlaceholders.RecruitmentQr] = qr,
            [ToolkitPlaceholders.CoordinatorName] = Join(coordinators.Select(c => c.Name)),
            [ToolkitPlaceholders.CoordinatorEmail] = Join(coordinators.Select(c => c.Email)),
            [ToolkitPlaceholders.CoordinatorPhone] = Join(coordinators.Select(c => c.Phone)),
        };
        var swedish = new Dictionary<string, string?>(common, StringComparer.Ordinal) { [ToolkitPlaceholders.DepartmentName] = department.NameSv };
        var english = new Dictionary<string, string?>(common, StringComparer.Ordinal) { [ToolkitPlaceholders.DepartmentName] = department.NameEn };
        return (swedish, english, link, qr);
    }

    /// <summary>The values there are, joined with commas (several coordinators share a department), or null when there is none.</summary>
    private static string? Join(IEnumerable<string?> values)
    {
        var present = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return present.Count == 0 ? null : string.Join(", ", present);
    }

    private sealed record CoordinatorRow
    {
        public string? Name { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }
    }
}
