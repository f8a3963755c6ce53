using System.Data.Common;
using System.Text;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Members.Import;

/// <summary>
/// Accepts an import file, streamed to the import folder (never held in memory, checked to be UTF-8 on the way),
/// checks a CSV file's header, and queues the job: 202 with its address at once. With an <c>Idempotency-Key</c>
/// header, a retried upload gets the first job back instead of a second import.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.MembersImport)]
public sealed class StartImport(Database db, ImportJobHandler handler, IAuditLog audit, TimeProvider time, IOptions<ImportOptions> options)
    : Endpoint<StartImportRequest, ImportJobResponse>
{
    public const long MaxBodyBytes = 4L * 1024 * 1024 * 1024;

    private static readonly Sql ByKey = Sql.Portable("""
        SELECT id FROM import_jobs WHERE idempotency_key = @Key
        """);

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO import_jobs (id, idempotency_key, file_name, format, dry_run, created_by)
        VALUES (@Id, @Key, @FileName, @Format, @DryRun, @CreatedBy)
        """);

    public override void Configure()
    {
        Post("/members/imports");
        MaxRequestBodySize(MaxBodyBytes);
        Description(b => b
            .WithName("members_startImport")
            .WithSummary("Import former students (CSV or NDJSON)")
            .WithDescription("The body is the file (text/csv or application/x-ndjson), streamed. Answers 202 at once with the job; follow it at "
                + "members_getImport. dryRun=true validates and reports without writing. Send an Idempotency-Key header to make a retry safe.")
            .ClearDefaultAccepts()
            .Accepts<string>("text/csv", "application/x-ndjson")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<ImportJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType));
    }

    public override async Task HandleAsync(StartImportRequest req, CancellationToken ct)
    {
        var format = ImportFile.FormatOf(HttpContext.Request.ContentType);
        if (format is null)
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "Send the file as text/csv or application/x-ndjson.");
        }

        var maxBytes = Math.Min(options.Value.MaxBytes, MaxBodyBytes);
        if (HttpContext.Request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var key = HttpContext.Request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length > 200)
        {
            ThrowError("Idempotency-Key is at most 200 characters.");
        }

        if (key.Length > 0 && await ExistingAsync(key, ct) is { } first)
        {
            await ImportJobs.SendAsync(HttpContext, first, StatusCodes.Status202Accepted, ct);
            return;
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var fileName = $"{id:N}.{format}";
        var path = handler.PathOf(fileName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            if (await SaveAsync(path, maxBytes, ct) is { } encodingProblem)
            {
                ThrowError(r => r.DryRun, encodingProblem);
            }

            if (format == ImportFile.Csv && await HeaderProblemsAsync(path, ct) is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    AddError(new FluentValidation.Results.ValidationFailure("header", problem));
                }

                ThrowIfAnyErrors();
            }

            await using var session = await db.BeginAsync(ct);
            await JobQueue.EnqueueAsync(session, id, ImportJobHandler.JobKind, now, ct);
            await session.ExecuteAsync(Insert, new { Id = id, Key = key.Length > 0 ? key : null, FileName = fileName, Format = format, req.DryRun, CreatedBy = User.PersonId() }, ct);
            await audit.WriteAsync(session, HttpContext, new AuditEvent("member.import", "import", id.ToString(), Detail: req.DryRun ? "dry run" : null), ct);
            var job = (await ImportJobs.GetAsync(session, id, ct))!;
            await session.CommitAsync(ct);
            await ImportJobs.SendAsync(HttpContext, job, StatusCodes.Status202Accepted, ct);
        }
        catch (DbException e) when (db.IsUniqueViolation(e) && key.Length > 0)
        {
            // The same key raced in from a retry: answer with the job that won.
            File.Delete(path);
            await ImportJobs.SendAsync(HttpContext, (await ExistingAsync(key, ct))!, StatusCodes.Status202Accepted, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    private async Task<ImportJobResponse?> ExistingAsync(string key, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        return await session.ExecuteScalarAsync<Guid?>(ByKey, new { Key = key }, ct) is { } id ? await ImportJobs.GetAsync(session, id, ct) : null;
    }

    /// <summary>413: the file is larger than <c>Imports:MaxBytes</c>.</summary>
    private static ProblemException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, Texts.Get("members.theFileIsLargerThan", maxBytes));

    /// <summary>
    /// Streams the body to the file, decoding as it goes; the problem when it is not UTF-8. A body longer than
    /// <paramref name="maxBytes"/> (sent without a length, or longer than it said) is a 413 as soon as it passes the limit.
    /// </summary>
    private async Task<string?> SaveAsync(string path, long maxBytes, CancellationToken ct)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[81920];
        var chars = new char[buffer.Length + 4];
        long offset = 0;
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        int read;
        while ((read = await HttpContext.Request.Body.ReadAsync(buffer, ct)) > 0)
        {
            try
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException e)
            {
                return $"The file is not UTF-8: invalid bytes near byte {offset + Math.Max(0, e.Index)}. Save it as UTF-8 (in Excel: CSV UTF-8).";
            }

            offset += read;
            if (offset > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return null;
    }

    private static async Task<IReadOnlyList<string>> HeaderProblemsAsync(string path, CancellationToken ct)
    {
        using var reader = ImportFile.Reader(File.OpenRead(path));
        var line = await reader.ReadLineAsync(ct) ?? "";
        var header = Csv.ReadRecords(new StringReader(line), ImportFile.DelimiterOf(line)).FirstOrDefault() ?? [];
        return ImportFile.HeaderProblems(header);
    }
}
