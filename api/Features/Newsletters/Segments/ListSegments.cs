using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Segments;

/// <summary>The saved segments the caller may use, by name.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class ListSegments(Database db) : Endpoint<ListSegmentsRequest, Paged<SegmentResponse>>
{
    public override void Configure()
    {
        Get("/newsletters/segments");
        Description(b => b
            .WithName("newsletters_listSegments")
            .WithSummary("List segments")
            .WithDescription("By name. A coordinator sees their departments' segments; admins also the central office's (`central=true` keeps only those). "
                + "`departmentId` keeps one department's. The total is exact up to 1,000."));
    }

    public override async Task HandleAsync(ListSegmentsRequest req, CancellationToken ct)
    {
        var query = Query(req, DepartmentScope.Of(User));
        await using var session = await db.OpenAsync(ct);
        var page = await query.ReadAsync<SegmentSql.SegmentRow>(session, req, ct);
        await Send.OkAsync(new Paged<SegmentResponse>
        {
            Items = page.Items.Select(r => r.ToResponse()).ToList(),
            Page = page.Page,
            PageSize = page.PageSize,
            Total = page.Total,
            TotalExact = page.TotalExact,
        }, ct);
    }

    /// <summary>The page a request asks for, with only the filters it sets (the caller's scope always).</summary>
    internal static PagedQuery Query(ListSegmentsRequest req, DepartmentScope scope)
    {
        var where = new SqlConditions()
            .Add(SegmentSql.ReadScope)
            .Add("s.department_id = @DepartmentId", "DepartmentId", req.DepartmentId)
            .Add(req.Central == true ? "s.department_id IS NULL" : "");
        where.Arguments.AddDynamicParams(new { scope.ScopeAll, scope.ScopeUserId });
        return new PagedQuery(SegmentSql.Columns, "newsletter_segments s\nLEFT JOIN department_directory d ON d.id = s.department_id", where, "s.name, s.id");
    }

    public sealed class Validator : Validator<ListSegmentsRequest>
    {
        public Validator() => this.ValidatePage();
    }
}
