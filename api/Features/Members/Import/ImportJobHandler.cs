using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
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
/// Runs an import: reads the uploaded file row by row, matches each row to a member (by external id, then personal
/// identity number, then e-mail), and inserts or updates in batches, one transaction and one checkpoint each, so that a
/// restart resumes after the last batch. One connection serves the whole run (its page cache stays warm) and each batch's
/// statements are prepared once for the batch. It confirms studies and adds new ones, never overwrites what a member wrote
/// themselves (names, addresses, consents, profile), and never grants consent. A dry run writes only its report.
/// </summary>
public sealed class ImportJobHandler(Database db, AppSecrets secrets, TimeProvider time, IOptions<ImportOptions> options, IHostEnvironment environment)
    : IJobHandler
{
    public const string JobKind = "members.import";

    private const string Why = "the central office's bulk import from the student records (admins or an import key)";

    private static readonly Sql Job = Sql.Portable("""
        SELECT file_name AS FileName, format AS Format, dry_run AS DryRun, rows_read AS RowsRead, inserted AS Inserted,
               updated AS Updated, unchanged AS Unchanged, rejected AS Rejected
        FROM import_jobs WHERE id = @Id
        """);

    private static readonly Sql Departments = Sql.Portable("SELECT code AS Code, id AS Id FROM departments");

    private static readonly Sql Match = Sql.Portable("""
        SELECT id AS Id, source AS Source, external_id AS ExternalId, pnr_hash AS PnrHash, email AS Email,
               first_name AS FirstName, last_name AS LastName
        FROM members
        WHERE status <> 'Erased'
          AND (external_id = @ExternalId OR pnr_hash = @PnrHash OR email = @Email)
        """);

    private static readonly Sql InsertMember = Sql.Portable("""
        INSERT INTO members (id, external_id, pnr_hash, email, first_name, last_name, preferred_language, status, source,
                             search_text, created_at, updated_at, version)
        VALUES (@Id, @ExternalId, @PnrHash, @Email, @FirstName, @LastName, 'sv', 'Active', 'Import', @SearchText, @Now, @Now, 1)
        """);

    private static readonly Sql UpdateMember = Sql.Portable("""
        UPDATE members
        SET external_id = @ExternalId, pnr_hash = @PnrHash, email = @Email, first_name = @FirstName, last_name = @LastName,
            search_text = @SearchText, updated_at = @Now, version = version + 1
        WHERE id = @Id
        """);

    [Unscoped(Why)]
    private static readonly Sql Studies = Sql.Portable("""
        SELECT id AS Id, programme AS Programme, start_year AS StartYear, end_year AS EndYear, credits AS Credits, verified AS Verified
        FROM member_affiliations
        WHERE member_id = @MemberId AND department_id = @DepartmentId AND degree_type = @DegreeType
        """);

    [Unscoped(Why)]
    private static readonly Sql ConfirmStudy = Sql.Portable("""
        UPDATE member_affiliations
        SET verified = 1, programme = COALESCE(@Programme, programme), start_year = COALESCE(@StartYear, start_year),
            end_year = COALESCE(@EndYear, end_year), credits = @Credits
        WHERE id = @Id
        """);

    [Unscoped(Why)]
    private static readonly Sql InsertStudy = Sql.Portable("""
        INSERT INTO member_affiliations (id, member_id, department_id, programme, degree_type, start_year, end_year, credits, verified, created_at)
        VALUES (@Id, @MemberId, @DepartmentId, @Programme, @DegreeType, @StartYear, @EndYear, @Credits, 1, @Now)
        """);

    /// <summary>SQLite: the highest rowid of the members; members added later come after it.</summary>
    private static readonly Sql LastRowId = Sql.SqliteOnly("SELECT COALESCE(MAX(rowid), 0) FROM members");

    /// <summary>SQLite: the members added after a rowid into the full-text index, in one statement (migration 0005 says why).</summary>
    private static readonly Sql IndexNewMembers = Sql.SqliteOnly("""
        INSERT INTO members_search (rowid, search_text) SELECT rowid, search_text FROM members WHERE rowid > @After
        """);

    private static readonly Sql Reject = Sql.Portable("""
        INSERT INTO import_rejections (job_id, row_number, reason) VALUES (@JobId, @Row, @Reason)
        """);

    private static readonly Sql Progress = Sql.Portable("""
        UPDATE import_jobs
        SET rows_read = @RowsRead, inserted = @Inserted, updated = @Updated, unchanged = @Unchanged, rejected = @Rejected
        WHERE id = @Id
        """);

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
        await using (var session = await connection.BeginAsync(ct))
        {
            await using var statements = await Statements.PrepareAsync(session, ct);
            await statements.StartBatchAsync(ct);
            foreach (var (row, problem) in batch)
            {
                var outcome = problem is not null
                    ? Outcome.Rejected(problem)
                    : Parse(row, departments, key, today) is { } parsed
                        ? parsed.Problem is null ? await ApplyAsync(statements, parsed, now, ct) : Outcome.Rejected(parsed.Problem)
                        : Outcome.Rejected("The row is empty.");
                next = outcome.Kind switch
                {
                    OutcomeKind.Inserted => next with { Inserted = next.Inserted + 1 },
                    OutcomeKind.Updated => next with { Updated = next.Updated + 1 },
                    OutcomeKind.Unchanged => next with { Unchanged = next.Unchanged + 1 },
                    _ => next with { Rejected = next.Rejected + 1 },
                };
                if (outcome.Reason is { } reason)
                {
                    rejections.Add((row.Number, reason));
                }
            }

            if (!state.DryRun)
            {
                await statements.IndexNewMembersAsync(ct);
                await RecordAsync(session, jobId, next, rejections, ct);
                await session.CommitAsync(ct);
                return next;
            }
        }

        // A dry run: the batch's changes were rolled back above; only the report is written.
        await using (var report = await connection.BeginAsync(ct))
        {
            await RecordAsync(report, jobId, next, rejections, ct);
            await report.CommitAsync(ct);
        }

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

    private async Task<Outcome> ApplyAsync(Statements sql, ParsedRow row, DateTimeOffset now, CancellationToken ct)
    {
        var matches = await sql.Match.QueryAsync<MemberMatch>(ct, row.ExternalId, row.PnrHash, row.Email);
        var member = matches.FirstOrDefault(m => m.ExternalId == row.ExternalId)
            ?? matches.FirstOrDefault(m => row.PnrHash is not null && m.PnrHash == row.PnrHash)
            ?? matches.FirstOrDefault(m => row.Email is not null && m.Email == row.Email);
        if (member is not null && member.ExternalId is not null && member.ExternalId != row.ExternalId)
        {
            return Outcome.Rejected($"The personal identity number or e-mail belongs to the member with external id {member.ExternalId}.");
        }

        try
        {
            if (member is null)
            {
                var id = Guid.CreateVersion7(now);
                await sql.InsertMember.ExecuteAsync(ct, id, row.ExternalId, row.PnrHash, row.Email, row.FirstName, row.LastName,
                    MemberSql.SearchText(row.FirstName, row.LastName, row.Email ?? "", [], null), now);
                sql.HasUnindexedMembers = true;
                await InsertStudyAsync(sql, id, row, now, ct);
                return Outcome.Inserted;
            }

            var changed = await UpdateMemberAsync(sql, member, row, now, ct);
            changed |= await ConfirmStudyAsync(sql, member.Id, row, now, ct);
            return changed ? Outcome.Updated : Outcome.Unchanged;
        }
        catch (DbException e) when (db.IsUniqueViolation(e))
        {
            return Outcome.Rejected("The e-mail address or personal identity number belongs to another member.");
        }
    }

    /// <summary>Fills in missing ids; names and address only for members the import itself made (never what a member wrote).</summary>
    private static async Task<bool> UpdateMemberAsync(Statements sql, MemberMatch member, ParsedRow row, DateTimeOffset now, CancellationToken ct)
    {
        var fromImport = member.Source == nameof(MemberSource.Import);
        var next = member with
        {
            ExternalId = member.ExternalId ?? row.ExternalId,
            PnrHash = member.PnrHash ?? row.PnrHash,
            Email = fromImport ? row.Email ?? member.Email : member.Email,
            FirstName = fromImport ? row.FirstName : member.FirstName,
            LastName = fromImport ? row.LastName : member.LastName,
        };
        if (next == member)
        {
            return false;
        }

        // The update's trigger takes the old search text out of the full-text index: the member must be in it first.
        await sql.IndexNewMembersAsync(ct);
        await sql.UpdateMember.ExecuteAsync(ct, member.Id, next.ExternalId, next.PnrHash, next.Email, next.FirstName, next.LastName,
            MemberSql.SearchText(next.FirstName ?? "", next.LastName ?? "", next.Email ?? "", [], null), now);
        return true;
    }

    /// <summary>Confirms the matching study (same department and degree, and the same programme or none), or adds it verified.</summary>
    private static async Task<bool> ConfirmStudyAsync(Statements sql, Guid memberId, ParsedRow row, DateTimeOffset now, CancellationToken ct)
    {
        var studies = await sql.Studies.QueryAsync<StudyMatch>(ct, memberId, row.DepartmentId, row.DegreeType);
        var study = studies.FirstOrDefault(s => string.Equals(s.Programme, row.Programme, StringComparison.OrdinalIgnoreCase))
            ?? studies.FirstOrDefault(s => s.Programme is null || row.Programme is null);
        if (study is null)
        {
            await InsertStudyAsync(sql, memberId, row, now, ct);
            return true;
        }

        if (study.Verified && study.Credits == row.Credits && study.StartYear == (row.StartYear ?? study.StartYear)
            && study.EndYear == (row.EndYear ?? study.EndYear) && study.Programme == (row.Programme ?? study.Programme))
        {
            return false;
        }

        await sql.ConfirmStudy.ExecuteAsync(ct, study.Id, row.Programme, row.StartYear, row.EndYear, row.Credits);
        return true;
    }

    private static Task<int> InsertStudyAsync(Statements sql, Guid memberId, ParsedRow row, DateTimeOffset now, CancellationToken ct) =>
        sql.InsertStudy.ExecuteAsync(ct, Guid.CreateVersion7(now), memberId, row.DepartmentId, row.Programme, row.DegreeType,
            row.StartYear, row.EndYear, row.Credits, now);

    /// <summary>
    /// The statements a batch runs for each row, prepared once for the batch (parameters in the order the values are
    /// given), and SQLite's full-text indexing of the batch's new members: one statement at the end of the batch, or
    /// earlier when a member is about to be updated.
    /// </summary>
    private sealed class Statements : IAsyncDisposable
    {
        private long indexedThrough;

        public bool HasUnindexedMembers { get; set; }

        public required PreparedStatement Match { get; init; }
        public required PreparedStatement InsertMember { get; init; }
        public required PreparedStatement LastRowId { get; init; }
        public required PreparedStatement IndexNewMembers { get; init; }
        public required PreparedStatement UpdateMember { get; init; }
        public required PreparedStatement Studies { get; init; }
        public required PreparedStatement ConfirmStudy { get; init; }
        public required PreparedStatement InsertStudy { get; init; }

        public static async Task<Statements> PrepareAsync(DbSession session, CancellationToken ct) => new()
        {
            Match = await session.PrepareAsync(ImportJobHandler.Match, ["ExternalId", "PnrHash", "Email"], ct),
            InsertMember = await session.PrepareAsync(ImportJobHandler.InsertMember,
                ["Id", "ExternalId", "PnrHash", "Email", "FirstName", "LastName", "SearchText", "Now"], ct),
            LastRowId = await session.PrepareAsync(ImportJobHandler.LastRowId, [], ct),
            IndexNewMembers = await session.PrepareAsync(ImportJobHandler.IndexNewMembers, ["After"], ct),
            UpdateMember = await session.PrepareAsync(ImportJobHandler.UpdateMember,
                ["Id", "ExternalId", "PnrHash", "Email", "FirstName", "LastName", "SearchText", "Now"], ct),
            Studies = await session.PrepareAsync(ImportJobHandler.Studies, ["MemberId", "DepartmentId", "DegreeType"], ct),
            ConfirmStudy = await session.PrepareAsync(ImportJobHandler.ConfirmStudy, ["Id", "Programme", "StartYear", "EndYear", "Credits"], ct),
            InsertStudy = await session.PrepareAsync(ImportJobHandler.InsertStudy,
                ["Id", "MemberId", "DepartmentId", "Programme", "DegreeType", "StartYear", "EndYear", "Credits", "Now"], ct),
        };

        public async Task StartBatchAsync(CancellationToken ct)
        {
            indexedThrough = (await LastRowId.QueryAsync<long>(ct)).FirstOrDefault();
            HasUnindexedMembers = false;
        }

        public async Task IndexNewMembersAsync(CancellationToken ct)
        {
            if (HasUnindexedMembers)
            {
                await IndexNewMembers.ExecuteAsync(ct, indexedThrough);
                indexedThrough = (await LastRowId.QueryAsync<long>(ct)).FirstOrDefault();
                HasUnindexedMembers = false;
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var statement in new[] { Match, InsertMember, LastRowId, IndexNewMembers, UpdateMember, Studies, ConfirmStudy, InsertStudy })
            {
                await statement.DisposeAsync();
            }
        }
    }

    /// <summary>Validates a row and turns it into what is written; a row with a problem says which.</summary>
    public static ParsedRow? Parse(ImportRow row, IReadOnlyDictionary<string, Guid> departments, byte[] key, DateOnly today)
    {
        if (row.Fields.Count == 0)
        {
            return null;
        }

        string? Problem(string text) => text;
        var externalId = row["external_id"];
        var firstName = row["first_name"];
        var lastName = row["last_name"];
        var email = row["email"]?.ToLowerInvariant();
        var code = row["department_code"]?.ToUpperInvariant();
        var problem = externalId is null || externalId.Length > 64 ? Problem("external_id is missing or longer than 64 characters.")
            : firstName is null || lastName is null ? Problem("first_name and last_name are required.")
            : firstName.Length > 100 || lastName.Length > 100 || (firstName + lastName).IndexOfAny(['<', '>']) >= 0 ? Problem("Names are at most 100 characters, without < or >.")
            : email is not null && !MemberRules.IsEmail(email) ? Problem($"'{email}' is not an e-mail address.")
            : code is null || !departments.ContainsKey(code) ? Problem($"No department has the code '{code}'.")
            : !Enum.TryParse<DegreeType>(row["degree_type"], ignoreCase: true, out _) || int.TryParse(row["degree_type"], out _) ? Problem($"degree_type '{row["degree_type"]}' is not one of none, bachelor, master, phd, professional, exchange.")
            : !decimal.TryParse(row["credits"]?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var credits) || credits < 0 || credits > 1000 ? Problem($"credits '{row["credits"]}' is not a number from 0 to 1000.")
            : null;
        var startYear = Year(row["start_year"], out var startOk);
        var endYear = Year(row["end_year"], out var endOk);
        problem ??= !startOk || !endOk ? Problem("start_year and end_year are years from 1900.")
            : startYear is not null && endYear is not null && endYear < startYear ? Problem("end_year is before start_year.")
            : null;
        string? pnrHash = null;
        if (problem is null && row["personal_identity_number"] is { } pnr)
        {
            var canonical = PersonalIdentityNumber.Normalise(pnr, today);
            if (canonical is null)
            {
                problem = "personal_identity_number is not a valid Swedish personal identity or co-ordination number.";
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

        ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100;
        return ok ? year : null;
    }

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

    private enum OutcomeKind
    {
        Inserted,
        Updated,
        Unchanged,
        Rejected,
    }

    private sealed record Outcome(OutcomeKind Kind, string? Reason = null)
    {
        public static readonly Outcome Inserted = new(OutcomeKind.Inserted);
        public static readonly Outcome Updated = new(OutcomeKind.Updated);
        public static readonly Outcome Unchanged = new(OutcomeKind.Unchanged);

        public static Outcome Rejected(string reason) => new(OutcomeKind.Rejected, reason);
    }

    private sealed record ImportState
    {
        public string FileName { get; init; } = "";
        public string Format { get; init; } = "";
        public bool DryRun { get; init; }
        public int RowsRead { get; init; }
        public int Inserted { get; init; }
        public int Updated { get; init; }
        public int Unchanged { get; init; }
        public int Rejected { get; init; }
    }

    private sealed record MemberMatch
    {
        public Guid Id { get; init; }
        public string Source { get; init; } = "";
        public string? ExternalId { get; init; }
        public string? PnrHash { get; init; }
        public string? Email { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
    }

    private sealed record StudyMatch
    {
        public Guid Id { get; init; }
        public string? Programme { get; init; }
        public int? StartYear { get; init; }
        public int? EndYear { get; init; }
        public decimal Credits { get; init; }
        public bool Verified { get; init; }
    }
}
