using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Members.Import;

/// <summary>Configuration section <c>Imports</c>.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Where uploaded files wait for their job (shared by the instances; relative to the content root).</summary>
    public string Directory { get; set; } = "data/imports";

    /// <summary>The largest file accepted (bytes).</summary>
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Rows written per transaction (and per checkpoint): fewer commits, but more rows held in memory.</summary>
    public int BatchSize { get; set; } = 10_000;

    /// <summary>SQLite's page cache for the import's connection (MiB), kept warm from one batch to the next.</summary>
    public int CacheMebibytes { get; set; } = 16;

    /// <summary>A base64 key for hashing personal identity numbers; without one, a key is generated once and kept in the database.</summary>
    public string? PersonalNumberKey { get; set; }
}

/// <summary>
/// Runs an import: reads the uploaded file row by row and works in batches, one transaction and one checkpoint each, so
/// that a restart resumes after the last batch. Per batch it validates the rows, reads the members they can touch
/// (<see cref="ImportStore"/>), decides each row in memory (<see cref="ImportBatch"/>: match by external id, then
/// personal identity number, then e-mail; confirm or add studies; never overwrite what a member wrote themselves, never
/// grant consent) and writes the batch's changes in bulk. One connection serves the whole run (its page cache stays
/// warm). A dry run decides every row and writes only its report.
/// </summary>
public sealed class ImportJobHandler(Database db, AppSecrets secrets, TimeProvider time, IOptions<ImportOptions> options, IHostEnvironment environment)
    : IJobHandler
{
    public const string JobKind = "members.import";

    private static readonly Sql Job = Sql.Portable("""
        SELECT file_name AS FileName, format AS Format, dry_run AS DryRun, language AS Language, rows_read AS RowsRead,
               inserted AS Inserted, updated AS Updated, unchanged AS Unchanged, rejected AS Rejected
        FROM import_jobs WHERE id = @Id
        """);

    private static readonly Sql Departments = Sql.Portable("SELECT code AS Code, id AS Id FROM department_directory");

    private static readonly Sql Reject = Sql.Portable("""
        INSERT INTO import_rejections (job_id, row_number, reason) VALUES (@JobId, @Row, @Reason)
        """);

    private static readonly Sql Progress = Sql.Portable("""
        UPDATE import_jobs
        SET rows_read = @RowsRead, inserted = @Inserted, updated = @Updated, unchanged = @Unchanged, rejected = @Rejected
        WHERE id = @Id
        """);

    /// <summary>The rules a study written on the web forms obeys (lengths, markup, years, credits); an imported row obeys them too.</summary>
    private readonly MemberRules.AffiliationValidator studyRules = new(time);

    public string Kind => JobKind;

    /// <summary>Where an import's uploaded file is kept.</summary>
    public string PathOf(string fileName) => Path.Combine(Path.GetFullPath(options.Value.Directory, environment.ContentRootPath), fileName);

    public async Task RunAsync(Job job, CancellationToken ct)
    {
        var key = await secrets.KeyAsync("members-pnr-hmac", options.Value.PersonalNumberKey, ct);
        ImportState state;
        Dictionary<string, Guid> departments;
        await using (var session = await db.OpenAsync(ct))
        {
            state = await session.QuerySingleOrDefaultAsync<ImportState>(Job, new { job.Id }, ct)
                ?? throw new InvalidOperationException($"Import {job.Id} is gone.");
            departments = (await session.QueryAsync<(string Code, Guid Id)>(Departments, null, ct)).ToDictionary(d => d.Code, d => d.Id, StringComparer.Ordinal);
        }

        // Rejection reasons (and the study rules' messages in them) in the language the import was started in.
        using var language = Texts.In(state.Language);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        using var reader = ImportFile.Reader(File.OpenRead(PathOf(state.FileName)));
        await using (var connection = await db.OpenBulkAsync(options.Value.CacheMebibytes, ct))
        {
            var batch = new List<(ImportRow Row, string? Problem)>(options.Value.BatchSize);
            foreach (var item in ImportFile.Rows(reader, state.Format).Skip(state.RowsRead))
            {
                batch.Add(item);
                if (batch.Count == options.Value.BatchSize)
                {
                    state = await WriteBatchAsync(connection, job.Id, state, batch, departments, key, today, ct);
                    batch.Clear();
                }
            }

            await WriteBatchAsync(connection, job.Id, state, batch, departments, key, today, ct);
        }

        reader.Dispose();
        File.Delete(PathOf(state.FileName));
    }

    private async Task<ImportState> WriteBatchAsync(BulkConnection connection, Guid jobId, ImportState state, List<(ImportRow Row, string? Problem)> batch,
        Dictionary<string, Guid> departments, byte[] key, DateOnly today, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rejections = new List<(int Row, string Reason)>();
        var next = state with { RowsRead = state.RowsRead + batch.Count };
        var parsed = batch.Select(item => (item.Row, Parsed: item.Problem is null ? Parse(item.Row, departments, key, today, studyRules) : null, item.Problem)).ToList();
        await using var session = await connection.BeginAsync(ct);
        var decisions = await ImportStore.ReadAsync(session,
            parsed.Select(p => p.Parsed).OfType<ParsedRow>().Where(p => p.Problem is null).ToList(), now, ct);
        foreach (var (row, valid, problem) in parsed)
        {
            var (outcome, reason) = problem is not null ? (ImportOutcome.Rejected, problem)
                : valid is null ? (ImportOutcome.Rejected, Texts.Get("members.import.emptyRow"))
                : valid.Problem is not null ? (ImportOutcome.Rejected, valid.Problem)
                : decisions.Apply(valid);
            next = outcome switch
            {
                ImportOutcome.Inserted => next with { Inserted = next.Inserted + 1 },
                ImportOutcome.Updated => next with { Updated = next.Updated + 1 },
                ImportOutcome.Unchanged => next with { Unchanged = next.Unchanged + 1 },
                _ => next with { Rejected = next.Rejected + 1 },
            };
            if (reason is not null)
            {
                rejections.Add((row.Number, reason));
            }
        }

        // A dry run decides every row as the import would, and writes only its report.
        if (!state.DryRun)
        {
            await ImportStore.WriteAsync(db, session, decisions.Finish(), now, ct);
        }

        await RecordAsync(session, jobId, next, rejections, ct);
        await session.CommitAsync(ct);
        return next;
    }

    private static async Task RecordAsync(DbSession session, Guid jobId, ImportState state, List<(int Row, string Reason)> rejections, CancellationToken ct)
    {
        foreach (var (row, reason) in rejections)
        {
            await session.ExecuteAsync(Reject, new { JobId = jobId, Row = row, Reason = reason.Length > 400 ? reason[..400] : reason }, ct);
        }

        await session.ExecuteAsync(Progress, new { Id = jobId, state.RowsRead, state.Inserted, state.Updated, state.Unchanged, state.Rejected }, ct);
    }

    /// <summary>Validates a row and turns it into what is written; a row with a problem says which.</summary>
    public static ParsedRow? Parse(ImportRow row, IReadOnlyDictionary<string, Guid> departments, byte[] key, DateOnly today,
        IValidator<AffiliationInput> studyRules)
    {
        if (row.Fields.Count == 0)
        {
            return null;
        }

        // No field of a form may hold control characters, line breaks or text-direction overrides; nor may an imported one.
        if (row.Fields.FirstOrDefault(f => StrictRequests.HasForbiddenCharacters(f.Value, singleLine: true)) is { Key: not null } forbidden)
        {
            return new ParsedRow { Problem = $"{forbidden.Key}: {Texts.Get("common.removeControlCharactersLineBreaks")}" };
        }

        string? Problem(string text) => text;
        var externalId = row["external_id"];
        var firstName = row["first_name"];
        var lastName = row["last_name"];
        var email = row["email"]?.ToLowerInvariant();
        var code = row["department_code"]?.ToUpperInvariant();
        var problem = externalId is null || externalId.Length > 64 ? Problem(Texts.Get("members.import.externalId"))
            : firstName is null || lastName is null ? Problem(Texts.Get("members.import.names"))
            : NameRules.Validate(new ImportNames(firstName, lastName)).Errors.FirstOrDefault() is { } name ? Problem(Reason(name))
            : email is not null && !TextRules.IsEmailAddress(email) ? Problem(Texts.Get("members.import.email", email))
            : code is null || !departments.ContainsKey(code) ? Problem(Texts.Get("members.import.department", code))
            : !Enum.TryParse<DegreeType>(row["degree_type"], ignoreCase: true, out _) || int.TryParse(row["degree_type"], out _) ? Problem(Texts.Get("members.import.degreeType", row["degree_type"]))
            : !decimal.TryParse(row["credits"]?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var credits) || credits < 0 || credits > 1000 ? Problem(Texts.Get("members.import.credits", row["credits"]))
            : null;
        var startYear = Year(row["start_year"], out var startOk);
        var endYear = Year(row["end_year"], out var endOk);
        problem ??= !startOk || !endOk ? Problem(Texts.Get("members.import.years", MemberRules.FirstYear))
            : studyRules.Validate(new AffiliationInput
            {
                DepartmentCode = code!, Programme = row["programme"], DegreeType = Enum.Parse<DegreeType>(row["degree_type"]!, ignoreCase: true),
                StartYear = startYear, EndYear = endYear, Credits = decimal.Parse(row["credits"]!.Replace(',', '.'), CultureInfo.InvariantCulture),
            }).Errors.FirstOrDefault() is { } study ? Problem(Reason(study))
            : null;
        string? pnrHash = null;
        if (problem is null && row["personal_identity_number"] is { } pnr)
        {
            var canonical = PersonalIdentityNumber.Normalise(pnr, today);
            if (canonical is null)
            {
                problem = Texts.Get("members.import.personalIdentityNumber");
            }
            else
            {
                pnrHash = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(canonical)));
            }
        }

        if (problem is not null)
        {
            return new ParsedRow { Problem = problem };
        }

        return new ParsedRow
        {
            ExternalId = externalId!,
            PnrHash = pnrHash,
            Email = email,
            FirstName = firstName!,
            LastName = lastName!,
            DepartmentId = departments[code!],
            Programme = row["programme"],
            DegreeType = Enum.Parse<DegreeType>(row["degree_type"]!, ignoreCase: true),
            StartYear = startYear,
            EndYear = endYear,
            Credits = decimal.Parse(row["credits"]!.Replace(',', '.'), CultureInfo.InvariantCulture),
        };
    }

    private static int? Year(string? text, out bool ok)
    {
        ok = true;
        if (text is null)
        {
            return null;
        }

        ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year);
        return ok ? year : null;
    }

    /// <summary>A failed rule as a rejection reason: the column, then the message the web form would show.</summary>
    private static string Reason(ValidationFailure failure) => $"{JsonNamingPolicy.SnakeCaseLower.ConvertName(failure.PropertyName)}: {failure.ErrorMessage}";

    /// <summary>A person's names as an imported row gives them.</summary>
    private sealed record ImportNames(string FirstName, string LastName);

    /// <summary>The rules of the web forms for names (<see cref="TextRules.IsPersonName{T}"/>).</summary>
    private sealed class ImportNameValidator : AbstractValidator<ImportNames>
    {
        public ImportNameValidator()
        {
            RuleFor(n => n.FirstName).IsPersonName();
            RuleFor(n => n.LastName).IsPersonName();
        }
    }

    private static readonly ImportNameValidator NameRules = new();

    public sealed record ParsedRow
    {
        public string? Problem { get; init; }
        public string ExternalId { get; init; } = "";
        public string? PnrHash { get; init; }
        public string? Email { get; init; }
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public Guid DepartmentId { get; init; }
        public string? Programme { get; init; }
        public DegreeType DegreeType { get; init; }
        public int? StartYear { get; init; }
        public int? EndYear { get; init; }
        public decimal Credits { get; init; }
    }

    private sealed record ImportState
    {
        public string FileName { get; init; } = "";
        public string Format { get; init; } = "";
        public bool DryRun { get; init; }
        public string Language { get; init; } = "en";
        public int RowsRead { get; init; }
        public int Inserted { get; init; }
        public int Updated { get; init; }
        public int Unchanged { get; init; }
        public int Rejected { get; init; }
    }

}
