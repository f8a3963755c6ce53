using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Identity.Users;

/// <summary>People who can sign in, with their staff roles and names (their own, else as a member), for the admins' people page.</summary>
[Access(Caller.Admin)]
public sealed class ListUsers(Database db) : Endpoint<ListUsersRequest, IReadOnlyList<UserResponse>>
{
    public const int Limit = 500;

    private static readonly Sql Users = Sql.Dialects(
        $"""
        SELECT {IdentitySql.UserColumns}
        FROM users u
        LEFT JOIN member_names m ON m.user_id = u.id
        WHERE (@Pattern IS NULL OR u.email LIKE @Pattern ESCAPE '\' OR LOWER(u.display_name) LIKE @Pattern ESCAPE '\'
               OR LOWER(m.first_name) LIKE @Pattern ESCAPE '\' OR LOWER(m.last_name) LIKE @Pattern ESCAPE '\')
          AND (@StaffOnly = 0 OR u.is_admin = 1 OR EXISTS (SELECT 1 FROM user_departments ud WHERE ud.user_id = u.id))
        ORDER BY u.email
        LIMIT @Limit
        """,
        $"""
        SELECT TOP (@Limit) {IdentitySql.UserColumns}
        FROM users u
        LEFT JOIN member_names m ON m.user_id = u.id
        WHERE (@Pattern IS NULL OR u.email LIKE @Pattern ESCAPE '\' OR LOWER(u.display_name) LIKE @Pattern ESCAPE '\'
               OR LOWER(m.first_name) LIKE @Pattern ESCAPE '\' OR LOWER(m.last_name) LIKE @Pattern ESCAPE '\')
          AND (@StaffOnly = 0 OR u.is_admin = 1 OR EXISTS (SELECT 1 FROM user_departments ud WHERE ud.user_id = u.id))
        ORDER BY u.email
        """);

    private static readonly Sql Assignments = Sql.Portable("""
        SELECT ud.user_id AS UserId, d.code AS Code
        FROM user_departments ud
        JOIN department_directory d ON d.id = ud.department_id
        ORDER BY d.code
        """);

    public override void Configure()
    {
        Get("/admin/users");
        Description(b => b
            .WithName("identity_listUsers")
            .WithSummary("List people")
            .WithDescription($"People who can sign in, ordered by address, at most {Limit}; search matches part of an address or name."));
    }

    public override async Task HandleAsync(ListUsersRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var users = await session.QueryAsync<UserRow>(Users, new { Pattern = Like.Containing(req.Search), req.StaffOnly, Limit }, ct);
        var departments = (await session.QueryAsync<(Guid UserId, string Code)>(Assignments, null, ct)).ToLookup(a => a.UserId, a => a.Code);
        await Send.OkAsync(users.Select(u => u.ToResponse() with { DepartmentCodes = departments[u.Id].ToList() }).ToList(), ct);
    }

    public sealed class Validator : Validator<ListUsersRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Search).MaximumLength(200);
        }
    }
}
