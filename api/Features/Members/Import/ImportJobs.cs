using Alumni.Api.Infrastructure.Data;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members.Import;

/// <summary>Reading import jobs as the contract shows them.</summary>
internal static class ImportJobs
{
    public static readonly Sql ById = Sql.Portable("""
        SELECT j.id AS Id, j.status AS Status, i.dry_run AS DryRun, i.format AS Format, i.original_name AS FileName, i.rows_read AS RowsRead,
               i.inserted AS Inserted, i.updated AS Updated, i.unchanged AS Unchanged, i.rejected AS Rejected,
               j.created_at AS CreatedAt, j.started_at AS StartedAt, j.finished_at AS FinishedAt, j.error AS Error
        FROM import_jobs i
        JOIN job_status j ON j.id = i.id
        WHERE i.id = @Id AND (@Key IS NULL OR i.created_by_key = @Key)
        """);

    /// <summary>
    /// The job with this id; for an API key (<paramref name="key"/>) only one it started itself, as the list shows it
    /// (another integration's file name and rejected rows are not its business).
    /// </summary>
    public static Task<ImportJobResponse?> GetAsync(DbSession session, Guid id, Guid? key, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<ImportJobResponse>(ById, new { Id = id, Key = key }, ct);

    /// <summary>Answers with a job and where to follow it.</summary>
    public static Task SendAsync(HttpContext context, ImportJobResponse job, int status, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = $"/api/members/imports/{job.Id}";
        return context.Response.WriteAsJsonAsync(job, ct);
    }
}
