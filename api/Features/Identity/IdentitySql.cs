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

    /// <summary>The columns of a <see cref="UserRow"/>, over <c>users u LEFT JOIN member_names m ON m.user_id = u.id</c>.</summary>
    public const string UserColumns = """
        u.id AS Id, u.email AS Email, u.display_name AS DisplayName, u.is_admin AS IsAdmin,
               u.created_at AS CreatedAt, u.last_sign_in_at AS LastSignInAt,
               m.first_name AS MemberFirstName, m.last_name AS MemberLastName, m.is_erased AS MemberErased
        """;

    public static readonly Sql UserById = Sql.Portable($"""
        SELECT {UserColumns}
        FROM users u
        LEFT JOIN member_names m ON m.user_id = u.id
        WHERE u.id = @Id
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

    /// <summary>A member's first and last name as one, or null when neither is known.</summary>
    public static string? FullName(string? first, string? last)
    {
        var name = string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()));
        return name.Length == 0 ? null : name;
    }

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
        var row = await session.QuerySingleOrDefaultAsync<UserRow>(UserById, new { Id = id }, ct);
        if (row is null)
        {
            return null;
        }

        var user = row.ToResponse();
        var departments = await session.QueryAsync<DepartmentRef>(DepartmentsOfUser, new { Id = id }, ct);
        return user with { DepartmentCodes = departments.Select(d => d.Code).ToList() };
    }

    /// <summary>Who is signed in, as the web app needs it.</summary>
    public static async Task<MeResponse> GetMeAsync(DbSession session, Guid userId, string csrfToken, CancellationToken ct)
    {
        var user = (await session.QuerySingleOrDefaultAsync<UserRow>(UserById, new { Id = userId }, ct))?.ToResponse()
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

/// <summary>A user as read with <see cref="IdentitySql.UserColumns"/>: their account and, where they are a member, that name.</summary>
internal sealed record UserRow
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string? DisplayName { get; init; }
    public bool IsAdmin { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; init; }
    public string? MemberFirstName { get; init; }
    public string? MemberLastName { get; init; }
    public bool? MemberErased { get; init; }

    /// <summary>The person as the API shows them: named where a name is known, and no name once erased.</summary>
    public UserResponse ToResponse()
    {
        var erased = Accounts.IsErased(Email) || MemberErased == true;
        return new UserResponse
        {
            Id = Id,
            Email = Email,
            DisplayName = DisplayName,
            Name = erased ? null : DisplayName ?? IdentitySql.FullName(MemberFirstName, MemberLastName),
            Erased = erased,
            IsAdmin = IsAdmin,
            CreatedAt = CreatedAt,
            LastSignInAt = LastSignInAt,
        };
    }
}
