using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Contracts.Departments;

namespace Alumni.Api.Features.Departments;

/// <summary>The statements that several department use cases share.</summary>
internal static class DepartmentSql
{
    /// <summary>
    /// Departments shaped as <c>DepartmentResponse</c>, ordered by code. Parameters: <c>@Code</c> (one department, or null),
    /// <c>@FacultyCode</c> (one faculty's, or null), <c>@IncludeInactive</c>.
    /// </summary>
    public static readonly Sql Find = Sql.Portable("""
        SELECT d.id        AS Id,
               d.code      AS Code,
               d.name_sv   AS NameSv,
               d.name_en   AS NameEn,
               f.code      AS FacultyCode,
               d.is_active AS IsActive,
               d.version   AS Version
        FROM departments d
        JOIN faculties f ON f.id = d.faculty_id
        WHERE (@Code IS NULL OR d.code = @Code)
          AND (@FacultyCode IS NULL OR f.code = @FacultyCode)
          AND (d.is_active = 1 OR @IncludeInactive = 1)
        ORDER BY d.code
        """);

    /// <summary>A faculty's id by code, or nothing.</summary>
    private static readonly Sql FacultyIdByCode = Sql.Portable("""
        SELECT id FROM faculties WHERE code = @FacultyCode
        """);

    /// <summary>Reads one department, active or not; 404 when no department has the code.</summary>
    public static async Task<DepartmentResponse> GetAsync(DbSession session, string code, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<DepartmentResponse>(Find, new { Code = code, FacultyCode = (string?)null, IncludeInactive = true }, ct)
        ?? throw ProblemException.NotFound($"No department has the code {code}.");

    /// <summary>A faculty's id by code; a field error on <paramref name="field"/> when no faculty has it.</summary>
    public static async Task<Guid> FacultyIdAsync(DbSession session, string field, string facultyCode, CancellationToken ct) =>
        await session.ExecuteScalarAsync<Guid?>(FacultyIdByCode, new { FacultyCode = facultyCode }, ct)
        ?? throw ProblemException.Field(field, DepartmentRules.UnknownFaculty(facultyCode));

    /// <summary>Answers with a department and its version as the ETag.</summary>
    public static Task SendAsync(HttpContext context, DepartmentResponse department, int status, CancellationToken ct)
    {
        Preconditions.SetETag(context, department.Version);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(department, ct);
    }
}
