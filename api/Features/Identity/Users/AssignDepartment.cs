using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.Users;

/// <summary>Makes a person a coordinator of a department (one of possibly several). Idempotent.</summary>
[Access(Caller.Admin)]
public sealed class AssignDepartment(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UserDepartmentRequest, UserResponse>
{
    private static readonly Sql Assign = Sql.Portable("""
        INSERT INTO user_departments (user_id, department_id, granted_at)
        SELECT @Id, d.id, @Now
        FROM department_directory d
        WHERE d.id = @DepartmentId
          AND NOT EXISTS (SELECT 1 FROM user_departments ud WHERE ud.user_id = @Id AND ud.department_id = d.id)
        """);

    public override void Configure()
    {
        Put("/admin/users/{id}/departments/{code}");
        Description(b => b
            .WithName("identity_assignDepartment")
            .WithSummary("Make a person a coordinator of a department")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override Task HandleAsync(UserDepartmentRequest req, CancellationToken ct) =>
        UserChange.HandleAsync(HttpContext, db, audit, req.Id, session =>
            UserChange.ForDepartmentAsync(session, req.Code, async (departmentId, code) =>
                await session.ExecuteAsync(Assign, new { req.Id, DepartmentId = departmentId, Now = time.GetUtcNow() }, ct) > 0
                    ? ChangeOutcome.Changed(new AuditEvent("role.assign-department", "user", req.Id.ToString(), Detail: code))
                    : ChangeOutcome.Unchanged, ct), ct);
}
