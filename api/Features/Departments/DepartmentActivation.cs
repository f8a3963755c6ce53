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

    /// <summary>Sets the flag and answers with the department, or with a problem.</summary>
    public static async Task HandleAsync(HttpContext context, Database db, TimeProvider time, string routeCode, bool active, CancellationToken ct)
    {
        var code = DepartmentRules.NormaliseCode(routeCode);
        await using var session = await db.BeginAsync(ct);
        var current = await DepartmentSql.GetAsync(session, code, ct);
        if (current is null)
        {
            await DepartmentSql.NotFoundAsync(context, code);
            return;
        }

        var ifMatch = EntityTags.ReadIfMatch(context.Request);
        if (ifMatch.Present && !ifMatch.Matches(current.Version))
        {
            await context.SendProblemAsync(StatusCodes.Status412PreconditionFailed,
                $"The department has changed since you read it (its ETag is now {EntityTags.For(current.Version)}).");
            return;
        }

        var department = current;
        if (current.IsActive != active)
        {
            var changed = await session.ExecuteAsync(SetActive, new { Code = code, IsActive = active, current.Version, Now = time.GetUtcNow() }, ct);
            if (changed == 0)
            {
                await context.SendProblemAsync(StatusCodes.Status412PreconditionFailed, "The department was changed by someone else just now. Try again.");
                return;
            }

            department = (await DepartmentSql.GetAsync(session, code, ct))!;
            await session.CommitAsync(ct);
        }

        context.Response.Headers.ETag = EntityTags.For(department.Version);
        await context.Response.WriteAsJsonAsync(department, ct);
    }
}
