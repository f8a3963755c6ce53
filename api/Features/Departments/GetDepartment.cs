using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Http;
using Alumni.Contracts.Departments;
using FastEndpoints;

namespace Alumni.Api.Features.Departments;

/// <summary>Reads one department by code, with its version as the ETag.</summary>
[Access(Caller.Anonymous)]
public sealed class GetDepartment(Database db) : Endpoint<DepartmentByCodeRequest, DepartmentResponse>
{
    public override void Configure()
    {
        Get("/departments/{code}");
        Description(b => b
            .WithName("departments_get")
            .WithSummary("Get a department")
            .WithDescription("One department by code (any letter case), active or not. The ETag header carries its version for a later If-Match.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(DepartmentByCodeRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var department = await DepartmentSql.GetAsync(session, DepartmentRules.NormaliseCode(req.Code), ct);
        await DepartmentSql.SendAsync(HttpContext, department, StatusCodes.Status200OK, ct);
    }
}
