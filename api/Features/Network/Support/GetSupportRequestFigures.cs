using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Support;

/// <summary>
/// Requests per year (of the activity's first day) by where they stand, and the share approved (approved and done
/// over all decided). The office's figures cover every request; a coordinator's those their departments ask for or
/// take part in.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetSupportRequestFigures(Database db) : EndpointWithoutRequest<SupportRequestFiguresResponse>
{
    private const string Counts = """
               COUNT(*) AS Requests,
               SUM(CASE WHEN r.status = 'submitted' THEN 1 ELSE 0 END) AS Submitted,
               SUM(CASE WHEN r.status = 'approved' THEN 1 ELSE 0 END) AS Approved,
               SUM(CASE WHEN r.status = 'declined' THEN 1 ELSE 0 END) AS Declined,
               SUM(CASE WHEN r.status = 'done' THEN 1 ELSE 0 END) AS Done,
               SUM(CASE WHEN r.status = 'withdrawn' THEN 1 ELSE 0 END) AS Withdrawn
        """;

    private static readonly Sql PerYear = Sql.Dialects(
        $"""
        SELECT CAST(substr(r.starts_on, 1, 4) AS INTEGER) AS Year,
        {Counts}
        FROM network_support_requests r
        WHERE {SupportSql.Visible}
        GROUP BY substr(r.starts_on, 1, 4)
        ORDER BY Year DESC
        """,
        $"""
        SELECT YEAR(r.starts_on) AS Year,
        {Counts}
        FROM network_support_requests r
        WHERE {SupportSql.Visible}
        GROUP BY YEAR(r.starts_on)
        ORDER BY Year DESC
        """);

    public override void Configure()
    {
        Get("/network/support-requests/figures");
        Description(b => b
            .WithName("network_getSupportRequestFigures")
            .WithSummary("Support request figures per year")
            .WithDescription("Per year of the activity's first day, newest first: requests, and how many are submitted, approved, declined, done and "
                + "withdrawn; shareApproved is approved and done over all decided (approved, done, declined), null when none was decided. "
                + "Admins see every request; a coordinator those their departments ask for or take part in."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.OpenAsync(ct);
        var years = await session.QueryAsync<YearRow>(PerYear, new { scope.ScopeAll, scope.ScopeUserId }, ct);
        await Send.OkAsync(new SupportRequestFiguresResponse
        {
            Years = years.Select(y => new SupportRequestYearFigures
            {
                Year = y.Year, Requests = y.Requests, Submitted = y.Submitted, Approved = y.Approved, Declined = y.Declined,
                Done = y.Done, Withdrawn = y.Withdrawn,
                ShareApproved = y.Approved + y.Done + y.Declined == 0 ? null : (double)(y.Approved + y.Done) / (y.Approved + y.Done + y.Declined),
            }).ToList(),
        }, ct);
    }

    private sealed record YearRow
    {
        public int Year { get; init; }
        public int Requests { get; init; }
        public int Submitted { get; init; }
        public int Approved { get; init; }
        public int Declined { get; init; }
        public int Done { get; init; }
        public int Withdrawn { get; init; }
    }
}
