using System.Globalization;
using System.Text;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>
/// The members a search finds, as a CSV file for Excel (UTF-8 with BOM), streamed row by row, within the caller's
/// department scope, and audited. Cells a spreadsheet would run as formulas are neutralised.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersRead)]
public sealed class ExportMembers(Database db, IAuditLog audit) : Endpoint<SearchMembersRequest>
{
    private const string Columns = """
        SELECT m.id AS Id, m.first_name AS FirstName, m.last_name AS LastName, m.email AS Email,
               m.preferred_language AS PreferredLanguage, m.country AS Country, m.city AS City, m.employer AS Employer,
               m.job_title AS JobTitle, m.industry AS Industry, m.status AS Status, m.source AS Source,
               (SELECT MAX(g.end_year) FROM member_affiliations g WHERE g.member_id = m.id) AS GraduationYear,
               m.created_at AS CreatedAt,
        """;

    private const string SqliteDepartments = """
               (SELECT group_concat(x.code, ';') FROM (
                    SELECT DISTINCT d.code AS code FROM member_affiliations a JOIN department_directory d ON d.id = a.department_id
                    WHERE a.member_id = m.id ORDER BY d.code) x) AS Departments
        """;

    private const string SqlServerDepartments = """
               (SELECT STRING_AGG(x.code, ';') WITHIN GROUP (ORDER BY x.code) FROM (
                    SELECT DISTINCT d.code AS code FROM member_affiliations a JOIN department_directory d ON d.id = a.department_id
                    WHERE a.member_id = m.id) x) AS Departments
        """;

    private const string ByName = "ORDER BY m.last_name, m.first_name, m.id";

    /// <summary>Every match's row, sorted by name (the department list is aggregated differently by the dialects).</summary>
    internal static Sql Rows(MemberSearch search)
    {
        var sqlite = search.Statement(Columns + SqliteDepartments, ByName, ByName);
        var sqlServer = search.Statement(Columns + SqlServerDepartments, ByName, ByName);
        return Sql.Dialects(sqlite.Sqlite, sqlServer.SqlServer);
    }

    private static readonly string[] Header =
        ["id", "first_name", "last_name", "email", "language", "country", "city", "employer", "job_title", "industry",
         "status", "source", "departments", "graduation_year", "created_at"];

    public override void Configure()
    {
        Get("/members/export");
        Description(b => b
            .WithName("members_export")
            .WithSummary("Export members as CSV")
            .WithDescription("The same filters as members_search; every match, streamed (UTF-8 with BOM, comma-separated). Audited.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<string>(StatusCodes.Status200OK, "text/csv"));
    }

    public override async Task HandleAsync(SearchMembersRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using (var log = await db.BeginAsync(ct))
        {
            await audit.WriteAsync(log, HttpContext, new AuditEvent("member.export", "member", null, Detail: HttpContext.Request.QueryString.Value), ct);
            await log.CommitAsync(ct);
        }

        HttpContext.Response.ContentType = "text/csv; charset=utf-8";
        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"members-{DateTime.UtcNow:yyyyMMdd}.csv\"";
        await using var writer = new StreamWriter(HttpContext.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await Csv.WriteRecordAsync(writer, Header);
        await using var session = await db.OpenAsync(ct);
        var search = MemberSearch.For(req, scope);
        await foreach (var row in session.StreamAsync<Row>(Rows(search), search.Arguments).WithCancellation(ct))
        {
            await Csv.WriteRecordAsync(writer,
            [
                row.Id.ToString(), row.FirstName, row.LastName, row.Email, row.PreferredLanguage, row.Country, row.City, row.Employer,
                row.JobTitle, row.Industry, row.Status, row.Source, row.Departments,
                row.GraduationYear?.ToString(CultureInfo.InvariantCulture), row.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ]);
        }

        await writer.FlushAsync(ct);
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Email { get; init; }
        public string? PreferredLanguage { get; init; }
        public string? Country { get; init; }
        public string? City { get; init; }
        public string? Employer { get; init; }
        public string? JobTitle { get; init; }
        public string? Industry { get; init; }
        public string? Status { get; init; }
        public string? Source { get; init; }
        public string? Departments { get; init; }
        public int? GraduationYear { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
