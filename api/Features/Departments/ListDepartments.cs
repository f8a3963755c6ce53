using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Departments;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Departments;

/// <summary>Lists departments, optionally of one faculty: the flat list integrations and pickers use.</summary>
[Access(Caller.Anonymous)]
public sealed class ListDepartments(Database db) : Endpoint<ListDepartmentsRequest, IReadOnlyList<DepartmentResponse>>
{
    public override void Configure()
    {
        Get("/departments");
        Description(b => b
            .WithName("departments_list")
            .WithSummary("List departments")
            .WithDescription("Departments ordered by code, optionally of one faculty. Inactive departments are left out unless includeInactive is true."));
    }

    public override async Task HandleAsync(ListDepartmentsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var facultyCode = req.FacultyCode is null ? null : DepartmentRules.NormaliseCode(req.FacultyCode);
        await Send.OkAsync(await session.QueryAsync<DepartmentResponse>(DepartmentSql.Find, new { Code = (string?)null, FacultyCode = facultyCode, req.IncludeInactive }, ct), ct);
    }

    public sealed class Validator : Validator<ListDepartmentsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.FacultyCode!)
                .Must(c => System.Text.RegularExpressions.Regex.IsMatch(DepartmentRules.NormaliseCode(c), TextRules.CodePattern))
                .WithMessage(_ => Texts.Get("departments.notAFacultyCodeUse"))
                .When(r => r.FacultyCode is not null);
        }
    }
}
