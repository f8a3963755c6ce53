using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Assignments;

/// <summary>The office's list of assignments: active ones, or the whole history, of a person or a department.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkRead)]
public sealed class ListAssignments(Database db) : Endpoint<ListAssignmentsRequest, Paged<AssignmentResponse>>
{
    public override void Configure()
    {
        Get("/network/assignments");
        Description(b => b
            .WithName("network_listAssignments")
            .WithSummary("List assignments")
            .WithDescription("Active assignments by faculty, department and start (includeEnded=true adds the ended ones, newest first within "
                + "a department); userId and departmentCode keep one person's or one department's. The total is exact up to 1,000."));
    }

    public override async Task HandleAsync(ListAssignmentsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var page = await Query(req).ReadAsync<AssignmentResponse>(session, req, ct);
        await Send.OkAsync(new Paged<AssignmentResponse>
        {
            Items = page.Items,
            Page = page.Page,
            PageSize = page.PageSize,
            Total = page.Total,
            TotalExact = page.TotalExact,
        }, ct);
    }

    /// <summary>The page a request asks for, with only the filters it sets.</summary>
    internal static PagedQuery Query(ListAssignmentsRequest req)
    {
        var where = new SqlConditions()
            .Add("a.user_id = @UserId", "UserId", req.UserId)
            .Add("d.code = @DepartmentCode", "DepartmentCode", req.DepartmentCode?.Trim().ToUpperInvariant())
            .Add(req.IncludeEnded ? "" : "a.ended_on IS NULL");
        return new PagedQuery("SELECT " + AssignmentSql.Columns, AssignmentSql.From, where,
            "d.faculty_code, d.code, CASE WHEN a.ended_on IS NULL THEN 0 ELSE 1 END, a.started_on DESC, a.id");
    }

    public sealed class Validator : Validator<ListAssignmentsRequest>
    {
        public Validator() => this.ValidatePage();
    }
}
