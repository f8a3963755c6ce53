using System.Data.Common;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Departments;
using Alumni.Contracts.Problems;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Departments;

/// <summary>Adds a department to a faculty.</summary>
[Access(Caller.Admin, Scope = ApiScopes.DepartmentsWrite)]
public sealed class CreateDepartment(Database db, TimeProvider time) : Endpoint<CreateDepartmentRequest, DepartmentResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO departments (id, code, faculty_id, name_sv, name_en, is_active, version, created_at, updated_at)
        VALUES (@Id, @Code, @FacultyId, @NameSv, @NameEn, 1, 1, @Now, @Now)
        """);

    public override void Configure()
    {
        Post("/departments");
        Description(b => b
            .WithName("departments_create")
            .WithSummary("Create a department")
            .WithDescription("Adds an active department to an existing faculty. The code must be unused.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<DepartmentResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CreateDepartmentRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var facultyId = await DepartmentSql.FacultyIdAsync(session, "facultyCode", req.FacultyCode, ct);
        try
        {
            await session.ExecuteAsync(Insert, new
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                req.Code,
                FacultyId = facultyId,
                NameSv = req.NameSv.Trim(),
                NameEn = req.NameEn.Trim(),
                Now = time.GetUtcNow(),
            }, ct);
        }
        catch (DbException e) when (db.IsUniqueViolation(e))
        {
            throw ProblemException.Conflict($"A department with the code {req.Code} already exists.");
        }

        var department = await DepartmentSql.GetAsync(session, req.Code, ct);
        await session.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/departments/{department.Code}";
        await DepartmentSql.SendAsync(HttpContext, department, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateDepartmentRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Code).IsCode();
            RuleFor(r => r.NameSv).IsName();
            RuleFor(r => r.NameEn).IsName();
            RuleFor(r => r.FacultyCode).IsCode();
        }
    }
}
