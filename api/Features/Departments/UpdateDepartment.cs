using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Departments;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Departments;

/// <summary>Renames a department or moves it to another faculty, guarded by its version (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.DepartmentsWrite)]
public sealed class UpdateDepartment(Database db, TimeProvider time) : Endpoint<UpdateDepartmentRequest, DepartmentResponse>
{
    private static readonly Sql Update = Sql.Portable("""
        UPDATE departments
        SET name_sv = @NameSv,
            name_en = @NameEn,
            faculty_id = @FacultyId,
            version = version + 1,
            updated_at = @Now
        WHERE code = @Code AND version = @Version
        """);

    public override void Configure()
    {
        Put("/departments/{code}");
        Description(b => b
            .WithName("departments_update")
            .WithSummary("Update a department")
            .WithDescription("Changes the names and the faculty. Send the ETag you read in If-Match: a stale one gets 412, none gets 428.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateDepartmentRequest req, CancellationToken ct)
    {
        var code = DepartmentRules.NormaliseCode(req.Code);
        await using var session = await db.BeginAsync(ct);
        var current = await DepartmentSql.GetAsync(session, code, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        var facultyId = await DepartmentSql.FacultyIdAsync(session, "facultyCode", req.FacultyCode, ct);
        Preconditions.Changed(await session.ExecuteAsync(Update, new
        {
            Code = code,
            Version = version,
            FacultyId = facultyId,
            NameSv = req.NameSv.Trim(),
            NameEn = req.NameEn.Trim(),
            Now = time.GetUtcNow(),
        }, ct));

        var department = await DepartmentSql.GetAsync(session, code, ct);
        await session.CommitAsync(ct);
        await DepartmentSql.SendAsync(HttpContext, department, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<UpdateDepartmentRequest>
    {
        public Validator()
        {
            RuleFor(r => r.NameSv).IsName();
            RuleFor(r => r.NameEn).IsName();
            RuleFor(r => r.FacultyCode).IsCode();
        }
    }
}
