using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Identity.Users;

/// <summary>Identity's side of <see cref="IDepartmentAccess"/>: the rows of <c>user_departments</c> that <see cref="StaffScope"/> reads.</summary>
public sealed class DepartmentAccess : IDepartmentAccess
{
    private static readonly Sql Grant = Sql.Portable("""
        INSERT INTO user_departments (user_id, department_id, granted_at)
        SELECT @UserId, @DepartmentId, @Now
        WHERE NOT EXISTS (SELECT 1 FROM user_departments ud WHERE ud.user_id = @UserId AND ud.department_id = @DepartmentId)
        """);

    private static readonly Sql Revoke = Sql.Portable("""
        DELETE FROM user_departments WHERE user_id = @UserId AND department_id = @DepartmentId
        """);

    /// <inheritdoc />
    public async Task GrantAsync(DbSession session, Guid userId, Guid departmentId, DateTimeOffset now, CancellationToken ct) =>
        await session.ExecuteAsync(Grant, new { UserId = userId, DepartmentId = departmentId, Now = now }, ct);

    /// <inheritdoc />
    public async Task RevokeAsync(DbSession session, Guid userId, Guid departmentId, CancellationToken ct) =>
        await session.ExecuteAsync(Revoke, new { UserId = userId, DepartmentId = departmentId }, ct);
}
