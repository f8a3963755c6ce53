using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;

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
    public static readonly Sql FacultyIdByCode = Sql.Portable("""
        SELECT id FROM faculties WHERE code = @FacultyCode
        """);

    /// <summary>Reads one department, active or not.</summary>
    public static Task<Contracts.Departments.DepartmentResponse?> GetAsync(DbSession session, string code, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<Contracts.Departments.DepartmentResponse>(
            Find, new { Code = code, FacultyCode = (string?)null, IncludeInactive = true }, ct);

    /// <summary>Ends the request with the 404 problem for an unknown department code.</summary>
    public static Task NotFoundAsync(HttpContext context, string code) =>
        context.SendProblemAsync(StatusCodes.Status404NotFound, $"No department has the code {code}.");
}
