using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.Users;

/// <summary>Ends a person's coordinator assignment to a department. Idempotent.</summary>
[Access(Caller.Admin)]
public sealed class UnassignDepartment(Database db, IAuditLog audit) : Endpoint<UserDepartmentRequest, UserResponse>
{
    private static readonly Sql Unassign = Sql.Portable("""
        DELETE FROM user_departments WHERE user_id = @Id AND department_id = @DepartmentId
        """);

    public override void Configure()
    {
        Delete("/admin/users/{id}/departments/{code}");
        Description(b => b
            .WithName("identity_unassignDepartment")
            .WithSummary("End a person's coordinator assignment to a department")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override Task HandleAsync(UserDepartmentRequest req, CancellationToken ct) =>
        UserChange.HandleAsync(HttpContext, db, audit, req.Id, session =>
            UserChange.ForDepartmentAsync(session, req.Code, async (departmentId, code) =>
                await session.ExecuteAsync(Unassign, new { req.Id, DepartmentId = departmentId }, ct) > 0
                    ? ChangeOutcome.Changed(new AuditEvent("role.unassign-department", "user", req.Id.ToString(), Detail: code))
                    : ChangeOutcome.Unchanged, ct), ct);
}
