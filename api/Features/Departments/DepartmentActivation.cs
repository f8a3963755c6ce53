using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Contracts.Departments;

namespace Alumni.Api.Features.Departments;

/// <summary>
/// Deactivating and reactivating a department: the same change in two directions. Idempotent; an
/// If-Match header is optional, and when sent it must name the current version.
/// </summary>
internal static class DepartmentActivation
{
    private static readonly Sql SetActive = Sql.Portable("""
        UPDATE departments
        SET is_active = @IsActive,
            version = version + 1,
            updated_at = @Now
        WHERE code = @Code AND version = @Version
        """);

    /// <summary>Sets the flag and answers with the department.</summary>
    public static async Task HandleAsync(HttpContext context, Database db, TimeProvider time, string routeCode, bool active, CancellationToken ct)
    {
        var code = DepartmentRules.NormaliseCode(routeCode);
        await using var session = await db.BeginAsync(ct);
        var department = await DepartmentSql.GetAsync(session, code, ct);
        var version = Preconditions.Check(context, department.Version);
        if (department.IsActive != active)
        {
            Preconditions.Changed(await session.ExecuteAsync(SetActive, new { Code = code, IsActive = active, Version = version, Now = time.GetUtcNow() }, ct));
            department = await DepartmentSql.GetAsync(session, code, ct);
            await session.CommitAsync(ct);
        }

        await DepartmentSql.SendAsync(context, department, StatusCodes.Status200OK, ct);
    }
}
