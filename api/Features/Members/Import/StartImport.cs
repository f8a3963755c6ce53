using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using Alumni.Contracts.Problems;
using FastEndpoints;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Members.Import;

/// <summary>
/// Accepts an import file, streamed to the import folder (never held in memory, checked to be UTF-8 on the way),
/// checks a CSV file's header, and queues the job: 202 with its address at once. With an <c>Idempotency-Key</c>
/// header, a retried upload gets the first job back instead of a second import. Keys belong to the caller (the person or
/// the API key): another caller's same key is another import, and the same key with another body (its SHA-256 is kept)
/// or other options is a 422.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.MembersImport)]
public sealed class StartImport(Database db, ImportJobHandler handler, IAuditLog audit, TimeProvider time, IOptions<ImportOptions> options)
    : Endpoint<StartImportRequest, ImportJobResponse>
{
    public const long MaxBodyBytes = 4L * 1024 * 1024 * 1024;

    private static readonly Sql ByKey = Sql.Portable("""
        SELECT id AS Id, body_sha256 AS BodySha256, format AS Format, dry_run AS DryRun
        FROM import_jobs
        WHERE idempotency_caller = @Caller AND idempotency_key = @Key
        """);

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO import_jobs (id, idempotency_key, idempotency_caller, body_sha256, file_name, original_name, format, dry_run, created_by,
                                 created_by_key, language)
        VALUES (@Id, @Key, @Caller, @BodySha256, @FileName, @OriginalName, @Format, @DryRun, @CreatedBy, @CreatedByKey, @Language)
        """);

    public override void Configure()
    {
        Post("/members/imports");
        MaxRequestBodySize(MaxBodyBytes);
        Description(b => b
            .WithName("members_startImport")
            .WithSummary("Import former students (CSV or NDJSON)")
            .WithDescription("The body is the file (text/csv or application/x-ndjson), streamed. Answers 202 at once with the job; follow it at "
                + "members_getImport. dryRun=true validates and reports without writing. Send an Idempotency-Key header to make a retry safe: "
                + "the same key from the same caller with the same body and options answers the first job; with another body or options it is a 422. "
                + "fileName is the file's name as the uploader knows it, shown in members_listImports.")
            .ClearDefaultAccepts()
            .Accepts<string>("text/csv", "application/x-ndjson")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<ImportJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity));
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

        // A key is the caller's own; a caller without an id (there is none under this endpoint's rule) has no key.
        var caller = User.CallerId();
        var idempotent = key.Length > 0 && caller is not null;
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var fileName = $"{id:N}.{format}";
        var path = handler.PathOf(fileName);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string? bodySha256 = null;
        try
        {
            (var encodingProblem, bodySha256) = await SaveAsync(path, maxBytes, ct);
            if (encodingProblem is not null)
            {
                ThrowError(r => r.DryRun, encodingProblem);
            }

            if (idempotent && await ExistingAsync(caller, key, ct) is { } earlier)
            {
                await AnswerRetryAsync(path, earlier, bodySha256, format, req.DryRun, ct);
                return;
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
            await session.ExecuteAsync(Insert, new
            {
                Id = id,
                Key = idempotent ? key : null,
                Caller = idempotent ? caller : null,
                BodySha256 = bodySha256,
                FileName = fileName,
                OriginalName = TextRules.Clean(req.FileName),
                Format = format,
                req.DryRun,
                CreatedBy = User.PersonId(),
                CreatedByKey = User.ApiKeyId(),
                // The job writes its rejection reasons in the language the upload was made in.
                Language = Texts.Current,
            }, ct);
            await audit.WriteAsync(session, HttpContext, new AuditEvent("member.import", "import", id.ToString(), Detail: req.DryRun ? "dry run" : null), ct);
            var job = (await ImportJobs.GetAsync(session, id, key: null, ct))!;
            await session.CommitAsync(ct);
            await ImportJobs.SendAsync(HttpContext, job, StatusCodes.Status202Accepted, ct);
        }
        catch (DbException e) when (db.IsUniqueViolation(e) && idempotent)
        {
            // The same key raced in from a retry: answer as a retry of the job that won.
            await AnswerRetryAsync(path, (await ExistingAsync(caller, key, ct))!, bodySha256, format, req.DryRun, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The caller's earlier upload with this key: its job when this is the same request again, else a 422.</summary>
    private async Task AnswerRetryAsync(string path, Earlier earlier, string? bodySha256, string format, bool dryRun, CancellationToken ct)
    {
        File.Delete(path);
        var same = (earlier.BodySha256 is null || earlier.BodySha256 == bodySha256) && earlier.Format == format && earlier.DryRun == dryRun;
        if (!same)
        {
            throw new ProblemException(StatusCodes.Status422UnprocessableEntity, Texts.Get("members.thisIdempotencyKeyWasAlready"), ProblemTypes.IdempotencyKeyReused);
        }

        await using var session = await db.OpenAsync(ct);
        await ImportJobs.SendAsync(HttpContext, (await ImportJobs.GetAsync(session, earlier.Id, key: null, ct))!, StatusCodes.Status202Accepted, ct);
    }

    /// <summary>413: the file is larger than <c>Imports:MaxBytes</c>.</summary>
    private static ProblemException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, Texts.Get("members.theFileIsLargerThan", maxBytes));

    private async Task<Earlier?> ExistingAsync(Guid? caller, string key, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        return await session.QuerySingleOrDefaultAsync<Earlier>(ByKey, new { Caller = caller, Key = key }, ct);
    }

    /// <summary>
    /// Streams the body to the file, decoding and hashing as it goes: the problem when it is not UTF-8, else the body's
    /// SHA-256. A body longer than <paramref name="maxBytes"/> (sent without a length, or longer than it said) is a 413 as
    /// soon as it passes the limit.
    /// </summary>
    private async Task<(string? Problem, string? Sha256)> SaveAsync(string path, long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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
                return ($"The file is not UTF-8: invalid bytes near byte {offset + Math.Max(0, e.Index)}. Save it as UTF-8 (in Excel: CSV UTF-8).", null);
            }

            offset += read;
            if (offset > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return (null, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public sealed class Validator : Validator<StartImportRequest>
    {
        public Validator() => RuleFor(r => r.FileName).IsOptionalText(200);
    }

    private sealed record Earlier
    {
        public Guid Id { get; init; }
        public string? BodySha256 { get; init; }
        public string Format { get; init; } = "";
        public bool DryRun { get; init; }
    }

    private static async Task<IReadOnlyList<string>> HeaderProblemsAsync(string path, CancellationToken ct)
    {
        using var reader = ImportFile.Reader(File.OpenRead(path));
        var line = await reader.ReadLineAsync(ct) ?? "";
        var header = Csv.ReadRecords(new StringReader(line), ImportFile.DelimiterOf(line)).FirstOrDefault() ?? [];
        return ImportFile.HeaderProblems(header);
    }
}
