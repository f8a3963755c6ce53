using System.Globalization;
using System.Text;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Import;

/// <summary>An import's rejected rows as CSV: the row number in the file and the reason.</summary>
[Access(Caller.Admin, Scope = ApiScopes.MembersImport)]
public sealed class GetImportRejections(Database db) : Endpoint<ImportByIdRequest>
{
    private static readonly Sql Rejections = Sql.Portable("""
        SELECT row_number AS RowNumber, reason AS Reason FROM import_rejections WHERE job_id = @Id ORDER BY row_number
        """);

    public override void Configure()
    {
        Get("/members/imports/{id}/rejected");
        Description(b => b
            .WithName("members_getImportRejections")
            .WithSummary("Download an import's rejected rows")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ImportByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        if (await ImportJobs.GetAsync(session, req.Id, User.ApiKeyId(), ct) is null)
        {
            throw new ProblemException(StatusCodes.Status404NotFound, "No import has that id.");
        }

        HttpContext.Response.ContentType = "text/csv; charset=utf-8";
        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"import-{req.Id:N}-rejected.csv\"";
        await using var writer = new StreamWriter(HttpContext.Response.Body, new UTF8Encoding(true));
        await Csv.WriteRecordAsync(writer, ["row", "reason"]);
        await foreach (var rejection in session.StreamAsync<(int RowNumber, string Reason)>(Rejections, new { req.Id }).WithCancellation(ct))
        {
            await Csv.WriteRecordAsync(writer, [rejection.RowNumber.ToString(CultureInfo.InvariantCulture), rejection.Reason]);
        }
    }
}
