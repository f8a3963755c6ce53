using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Import;

/// <summary>
/// The past imports, newest first: who ran them (the name Identity publishes in <c>caller_names</c>), when, on which
/// file, and their counts. Admins see every import, whoever ran it; an API key sees only the imports it ran itself, so a
/// key learns nothing of the people who run imports or of another integration's files.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.MembersImport)]
public sealed class ListImports(Database db) : Endpoint<ListImportsRequest, Paged<ImportSummary>>
{
    private const string Columns = """
        SELECT i.id AS Id, j.status AS Status, i.dry_run AS DryRun, i.format AS Format, i.original_name AS FileName,
               n.name AS RunBy, CASE WHEN i.created_by_key IS NULL THEN 0 ELSE 1 END AS RunByKey,
               i.rows_read AS RowsRead, i.inserted AS Inserted, i.updated AS Updated, i.unchanged AS Unchanged,
               i.rejected AS Rejected, j.created_at AS CreatedAt, j.finished_at AS FinishedAt
        """;

    private const string From = """
        import_jobs i
        JOIN job_status j ON j.id = i.id
        LEFT JOIN caller_names n ON n.id = COALESCE(i.created_by, i.created_by_key)
        """;

    public override void Configure()
    {
        Get("/members/imports");
        Description(b => b
            .WithName("members_listImports")
            .WithSummary("List past imports")
            .WithDescription("Newest first, with who ran each (a person's name or an API key's name), the file name, dry run or not, status and counts. "
                + "Admins see every import; an API key sees only the imports it ran. The total is exact up to 1,000 imports."));
    }

    public override async Task HandleAsync(ListImportsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await Query(User.ApiKeyId()).ReadAsync<ImportSummary>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for; a key's own imports only when the caller is a key.</summary>
    internal static PagedQuery Query(Guid? key) =>
        new(Columns, From, new SqlConditions().Add("i.created_by_key = @Key", "Key", key), "j.created_at DESC, i.id DESC");

    public sealed class Validator : Validator<ListImportsRequest>
    {
        public Validator() => this.ValidatePage();
    }
}
