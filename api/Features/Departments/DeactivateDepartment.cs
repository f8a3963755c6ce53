using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Http;
using Alumni.Contracts;
using Alumni.Contracts.Departments;
using FastEndpoints;

namespace Alumni.Api.Features.Departments;

/// <summary>Deactivates a department: it keeps its history but takes no new members or events.</summary>
[Access(Caller.Admin, Scope = ApiScopes.DepartmentsWrite)]
public sealed class DeactivateDepartment(Database db, TimeProvider time) : Endpoint<DepartmentByCodeRequest, DepartmentResponse>
{
    public override void Configure()
    {
        Post("/departments/{code}/deactivate");
        Description(b => b
            .WithName("departments_deactivate")
            .WithSummary("Deactivate a department")
            .WithDescription("Idempotent. If-Match is optional; when sent, a stale ETag gets 412.")
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed));
    }

    public override Task HandleAsync(DepartmentByCodeRequest req, CancellationToken ct) =>
        DepartmentActivation.HandleAsync(HttpContext, db, time, req.Code, active: false, ct);
}
