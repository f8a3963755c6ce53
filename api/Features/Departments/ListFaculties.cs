using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Departments;
using FastEndpoints;

namespace Alumni.Api.Features.Departments;

/// <summary>Lists the faculties with their departments: the organisation tree that pickers and the departments page show.</summary>
[Access(Caller.Anonymous)]
public sealed class ListFaculties(Database db) : Endpoint<ListFacultiesRequest, IReadOnlyList<FacultyResponse>>
{
    private static readonly Sql Faculties = Sql.Portable("""
        SELECT code    AS Code,
               name_sv AS NameSv,
               name_en AS NameEn
        FROM faculties
        ORDER BY code
        """);

    public override void Configure()
    {
        Get("/faculties");
        Description(b => b
            .WithName("departments_listFaculties")
            .WithSummary("List faculties with their departments")
            .WithDescription("Faculties ordered by code, each with its departments ordered by code. Inactive departments are left out unless includeInactive is true."));
    }

    public override async Task HandleAsync(ListFacultiesRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var faculties = await session.QueryAsync<FacultyResponse>(Faculties, null, ct);
        var departments = (await session.QueryAsync<DepartmentResponse>(DepartmentSql.Find, new { Code = (string?)null, FacultyCode = (string?)null, req.IncludeInactive }, ct))
            .ToLookup(d => d.FacultyCode, StringComparer.Ordinal);
        await Send.OkAsync(faculties.Select(f => f with { Departments = departments[f.Code].ToList() }).ToList(), ct);
    }
}
