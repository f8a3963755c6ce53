using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Http;
using Alumni.Contracts.Departments;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Departments;

/// <summary>Renames a department or moves it to another faculty, guarded by its version (If-Match).</summary>
[Access(Caller.Admin, Scope = DepartmentRules.WriteScope)]
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
        if (current is null)
        {
            await DepartmentSql.NotFoundAsync(HttpContext, code);
            return;
        }

        var ifMatch = EntityTags.ReadIfMatch(HttpContext.Request);
        if (!ifMatch.Present)
        {
            await HttpContext.SendProblemAsync(StatusCodes.Status428PreconditionRequired,
                "Send the department's ETag in If-Match, so that a change made by someone else in the meantime is not overwritten.");
            return;
        }

        if (!ifMatch.Matches(current.Version))
        {
            await HttpContext.SendProblemAsync(StatusCodes.Status412PreconditionFailed,
                $"The department has changed since you read it (its ETag is now {EntityTags.For(current.Version)}). Read it again and reapply your change.");
            return;
        }

        var facultyId = await session.ExecuteScalarAsync<Guid?>(DepartmentSql.FacultyIdByCode, new { req.FacultyCode }, ct);
        if (facultyId is null)
        {
            ThrowError(r => r.FacultyCode, DepartmentRules.UnknownFaculty(req.FacultyCode));
        }

        var changed = await session.ExecuteAsync(Update, new
        {
            Code = code,
            current.Version,
            FacultyId = facultyId,
            NameSv = req.NameSv.Trim(),
            NameEn = req.NameEn.Trim(),
            Now = time.GetUtcNow(),
        }, ct);
        if (changed == 0)
        {
            // Changed by another writer between our read and our update.
            await HttpContext.SendProblemAsync(StatusCodes.Status412PreconditionFailed,
                "The department was changed by someone else just now. Read it again and reapply your change.");
            return;
        }

        var department = (await DepartmentSql.GetAsync(session, code, ct))!;
        await session.CommitAsync(ct);

        HttpContext.Response.Headers.ETag = EntityTags.For(department.Version);
        await Send.OkAsync(department, ct);
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
