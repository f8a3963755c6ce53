using Alumni.Api.Infrastructure.Data;
using Alumni.Contracts.Identity;

namespace Alumni.Api.Features.Identity;

/// <summary>The statements and reads several Identity use cases share.</summary>
internal static class IdentitySql
{
    public static readonly Sql UserIdByEmail = Sql.Portable("""
        SELECT id FROM users WHERE email = @Email
        """);

    public static readonly Sql InsertUser = Sql.Portable("""
        INSERT INTO users (id, email, display_name, is_admin, created_at, updated_at)
        VALUES (@Id, @Email, @DisplayName, 0, @Now, @Now)
        """);

    public static readonly Sql UserById = Sql.Portable("""
        SELECT id              AS Id,
               email           AS Email,
               display_name    AS DisplayName,
               is_admin        AS IsAdmin,
               created_at      AS CreatedAt,
               last_sign_in_at AS LastSignInAt
        FROM users
        WHERE id = @Id
        """);

    public static readonly Sql DepartmentsOfUser = Sql.Portable("""
        SELECT d.code    AS Code,
               d.name_sv AS NameSv,
               d.name_en AS NameEn
        FROM user_departments ud
        JOIN department_directory d ON d.id = ud.department_id
        WHERE ud.user_id = @Id
        ORDER BY d.code
        """);

    /// <summary>The user with this address, added if missing.</summary>
    public static async Task<Guid> EnsureUserAsync(DbSession session, string email, string? displayName, DateTimeOffset now, CancellationToken ct)
    {
        var id = await session.ExecuteScalarAsync<Guid?>(UserIdByEmail, new { Email = email }, ct);
        if (id is { } existing)
        {
            return existing;
        }

        var created = Guid.CreateVersion7(now);
        await session.ExecuteAsync(InsertUser, new { Id = created, Email = email, DisplayName = displayName, Now = now }, ct);
        return created;
    }

    /// <summary>A user with their departments, or null.</summary>
    public static async Task<UserResponse?> GetUserAsync(DbSession session, Guid id, CancellationToken ct)
    {
        var user = await session.QuerySingleOrDefaultAsync<UserResponse>(UserById, new { Id = id }, ct);
        if (user is null)
        {
            return null;
        }

        var departments = await session.QueryAsync<DepartmentRef>(DepartmentsOfUser, new { Id = id }, ct);
        return user with { DepartmentCodes = departments.Select(d => d.Code).ToList() };
    }

    /// <summary>Who is signed in, as the web app needs it.</summary>
    public static async Task<MeResponse> GetMeAsync(DbSession session, Guid userId, string csrfToken, CancellationToken ct)
    {
        var user = await session.QuerySingleOrDefaultAsync<UserResponse>(UserById, new { Id = userId }, ct)
            ?? throw new InvalidOperationException($"User {userId} is gone.");
        var departments = await session.QueryAsync<DepartmentRef>(DepartmentsOfUser, new { Id = userId }, ct);
        var roles = new List<string>();
        if (user.IsAdmin)
        {
            roles.Add("admin");
        }

        if (departments.Count > 0)
        {
            roles.Add("coordinator");
        }

        if (roles.Count == 0)
        {
            roles.Add("alumnus");
        }

        return new MeResponse
        {
            UserId = user.Id,
            Email = user.Email,
            DisplayName = user.DisplayName,
            Roles = roles,
            Departments = departments,
            CsrfToken = csrfToken,
        };
    }
}

/// <summary>Identity reads the departments table with its own SQL (slices do not call each other).</summary>
internal static class DepartmentLookup
{
    public static readonly Sql IdByCode = Sql.Portable("""
        SELECT id FROM department_directory WHERE code = @Code
        """);
}
