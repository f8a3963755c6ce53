using System.Data;
using System.Text.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Members.Import;

/// <summary>
/// An import batch's reads and writes. It reads, once, every member a row of the batch can match or collide with (by
/// external id, personal identity number hash or e-mail) and their studies; <see cref="ImportBatch"/> decides in memory;
/// then the batch's changes are written in one go. SQLite: statements prepared once and run per row, in the batch's
/// transaction, and the new members into the full-text index in one statement. SQL Server: new members and studies
/// by bulk copy, changes by bulk copy into temporary tables and one set-based UPDATE each.
/// </summary>
internal static class ImportStore
{
    private const string Why = "the central office's bulk import from the student records (admins or an import key)";


    private const string MemberColumns = """
        SELECT id AS Id, source AS Source, status AS Status, external_id AS ExternalId, pnr_hash AS PnrHash, email AS Email,
               first_name AS FirstName, last_name AS LastName
        """;

    // The batch's keys go as one JSON array (json_each, OPENJSON): one parameter, however many keys. SQLite's batch
    // holds the write lock from its first statement; on SQL Server the keys read stay locked (UPDLOCK, HOLDLOCK) until
    // the batch commits, so no one else takes one of them between the read and the bulk copy.
    private static readonly Sql MembersByExternalId = Sql.Dialects(
        $"{MemberColumns}\nFROM members\nWHERE external_id IN (SELECT value FROM json_each(@Keys))",
        $"{MemberColumns}\nFROM dbo.members WITH (UPDLOCK, HOLDLOCK)\nWHERE external_id IN (SELECT k FROM OPENJSON(@Keys) WITH (k nvarchar(64) '$'))");

    private static readonly Sql MembersByPnrHash = Sql.Dialects(
        $"{MemberColumns}\nFROM members\nWHERE pnr_hash IN (SELECT value FROM json_each(@Keys))",
        $"{MemberColumns}\nFROM dbo.members WITH (UPDLOCK, HOLDLOCK)\nWHERE pnr_hash IN (SELECT k FROM OPENJSON(@Keys) WITH (k varchar(64) '$'))");

    private static readonly Sql MembersByEmail = Sql.Dialects(
        $"{MemberColumns}\nFROM members\nWHERE email IN (SELECT value FROM json_each(@Keys))",
        $"{MemberColumns}\nFROM dbo.members WITH (UPDLOCK, HOLDLOCK)\nWHERE email IN (SELECT k FROM OPENJSON(@Keys) WITH (k nvarchar(320) '$'))");

    private const string StudyColumns = """
        SELECT id AS Id, member_id AS MemberId, department_id AS DepartmentId, degree_type AS DegreeType, programme AS Programme,
               start_year AS StartYear, end_year AS EndYear, credits AS Credits, verified AS Verified
        FROM member_affiliations
        """;

    [Unscoped(Why)]
    private static readonly Sql StudiesOf = Sql.Dialects(
        $"{StudyColumns}\nWHERE member_id IN (SELECT value FROM json_each(@Keys))",
        $"{StudyColumns}\nWHERE member_id IN (SELECT k FROM OPENJSON(@Keys) WITH (k uniqueidentifier '$'))");

    /// <summary>An unconfirmed sign-up the import's member takes the place of (<see cref="ImportBatch"/>).</summary>
    private static readonly Sql DeleteDisplaced = Sql.Portable("""
        DELETE FROM members WHERE id = @Id AND status = 'Pending' AND source = 'SignUp' AND user_id IS NULL
        """);

    private static readonly Sql InsertMember = Sql.SqliteOnly("""
        INSERT INTO members (id, external_id, pnr_hash, email, first_name, last_name, preferred_language, status, source,
                             search_text, created_at, updated_at, version)
        VALUES (@Id, @ExternalId, @PnrHash, @Email, @FirstName, @LastName, 'sv', 'Active', 'Import', @SearchText, @Now, @Now, 1)
        """);

    private static readonly Sql UpdateMember = Sql.SqliteOnly("""
        UPDATE members
        SET external_id = @ExternalId, pnr_hash = @PnrHash, email = @Email, first_name = @FirstName, last_name = @LastName,
            search_text = CASE WHEN source = 'Import' THEN @SearchText ELSE search_text END, updated_at = @Now, version = version + 1
        WHERE id = @Id
        """);

    [Unscoped(Why)]
    private static readonly Sql InsertStudy = Sql.SqliteOnly("""
        INSERT INTO member_affiliations (id, member_id, department_id, programme, degree_type, start_year, end_year, credits, verified, created_at)
        VALUES (@Id, @MemberId, @DepartmentId, @Programme, @DegreeType, @StartYear, @EndYear, @Credits, 1, @Now)
        """);

    [Unscoped(Why)]
    private static readonly Sql UpdateStudy = Sql.SqliteOnly("""
        UPDATE member_affiliations
        SET verified = 1, programme = @Programme, start_year = @StartYear, end_year = @EndYear, credits = @Credits
        WHERE id = @Id
        """);

    /// <summary>SQLite: the highest rowid of the members; members added later come after it.</summary>
    private static readonly Sql LastRowId = Sql.SqliteOnly("SELECT COALESCE(MAX(rowid), 0) FROM members");

    /// <summary>SQLite: the members added after a rowid into the full-text index, in one statement (migration 0005 says why).</summary>
    private static readonly Sql IndexNewMembers = Sql.SqliteOnly("""
        INSERT INTO members_search (rowid, search_text) SELECT rowid, search_text FROM members WHERE rowid > @After
        """);

    private static readonly Sql CreateMemberChanges = Sql.SqlServerOnly("""
        DROP TABLE IF EXISTS #import_members;
        CREATE TABLE #import_members (
            id          uniqueidentifier NOT NULL PRIMARY KEY,
            external_id nvarchar(64)     NULL,
            pnr_hash    varchar(64)      NULL,
            email       nvarchar(320)    NULL,
            first_name  nvarchar(100)    NULL,
            last_name   nvarchar(100)    NULL,
            search_text nvarchar(1000)   NOT NULL
        );
        """);

    private static readonly Sql ApplyMemberChanges = Sql.SqlServerOnly("""
        UPDATE m
        SET m.external_id = u.external_id, m.pnr_hash = u.pnr_hash, m.email = u.email, m.first_name = u.first_name,
            m.last_name = u.last_name, m.search_text = CASE WHEN m.source = 'Import' THEN u.search_text ELSE m.search_text END,
            m.updated_at = @Now, m.version = m.version + 1
        FROM dbo.members m
        JOIN #import_members u ON u.id = m.id;
        DROP TABLE #import_members;
        """);

    [Unscoped(Why)]
    private static readonly Sql CreateStudyChanges = Sql.SqlServerOnly("""
        DROP TABLE IF EXISTS #import_studies;
        CREATE TABLE #import_studies (
            id          uniqueidentifier NOT NULL PRIMARY KEY,
            programme   nvarchar(200)    NULL,
            start_year  int              NULL,
            end_year    int              NULL,
            credits     decimal(7, 1)    NOT NULL
        );
        """);

    [Unscoped(Why)]
    private static readonly Sql ApplyStudyChanges = Sql.SqlServerOnly("""
        UPDATE a
        SET a.verified = 1, a.programme = u.programme, a.start_year = u.start_year, a.end_year = u.end_year, a.credits = u.credits
        FROM dbo.member_affiliations a
        JOIN #import_studies u ON u.id = a.id;
        DROP TABLE #import_studies;
        """);

    /// <summary>Reads what the rows can touch, for the batch's decisions.</summary>
    public static async Task<ImportBatch> ReadAsync(DbSession session, IReadOnlyList<ImportJobHandler.ParsedRow> rows,
        DateTimeOffset now, CancellationToken ct)
    {
        var members = new Dictionary<Guid, MemberState>();
        foreach (var (sql, keys) in new[]
                 {
                     (MembersByExternalId, rows.Select(r => r.ExternalId)),
                     (MembersByPnrHash, rows.Select(r => r.PnrHash)),
                     (MembersByEmail, rows.Select(r => r.Email)),
                 })
        {
            var list = keys.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (list.Count > 0)
            {
                foreach (var member in await session.QueryAsync<MemberState>(sql, new { Keys = JsonSerializer.Serialize(list) }, ct))
                {
                    members.TryAdd(member.Id, member);
                }
            }
        }

        var studies = members.Count == 0
            ? []
            : await session.QueryAsync<StudyState>(StudiesOf, new { Keys = JsonSerializer.Serialize(members.Keys.Select(id => id.ToString("D"))) }, ct);
        return new ImportBatch(members.Values, studies, now);
    }

    /// <summary>
    /// Writes a batch's changes in its transaction. The search text is rewritten only for members the import made (the
    /// only ones whose names and e-mail it changes); a member's own record keeps what they gave it.
    /// </summary>
    public static async Task WriteAsync(Database db, DbSession session, ImportChanges changes, DateTimeOffset now, CancellationToken ct)
    {
        // First: the members the batch adds or changes may take the keys of the unconfirmed sign-ups it displaces.
        foreach (var id in changes.DisplacedSignUps)
        {
            await session.ExecuteAsync(DeleteDisplaced, new { Id = id }, ct);
        }

        await (db.Provider == DatabaseProvider.SqlServer ? WriteSqlServerAsync(session, changes, now, ct) : WriteSqliteAsync(session, changes, now, ct));
    }

    private static async Task WriteSqliteAsync(DbSession session, ImportChanges changes, DateTimeOffset now, CancellationToken ct)
    {
        // Changes first: a key a member gives up in this batch may be taken by a member the batch adds.
        await using (var update = await session.PrepareAsync(UpdateMember, ["Id", "ExternalId", "PnrHash", "Email", "FirstName", "LastName", "SearchText", "Now"], ct))
        {
            foreach (var m in changes.ChangedMembers)
            {
                await update.ExecuteAsync(ct, m.Id, m.ExternalId, m.PnrHash, m.Email, m.FirstName, m.LastName, SearchText(m), now);
            }
        }

        var before = await session.ExecuteScalarAsync<long>(LastRowId, null, ct);
        await using (var insert = await session.PrepareAsync(InsertMember, ["Id", "ExternalId", "PnrHash", "Email", "FirstName", "LastName", "SearchText", "Now"], ct))
        {
            foreach (var m in changes.NewMembers)
            {
                await insert.ExecuteAsync(ct, m.Id, m.ExternalId, m.PnrHash, m.Email, m.FirstName, m.LastName, SearchText(m), now);
            }
        }

        if (changes.NewMembers.Count > 0)
        {
            await session.ExecuteAsync(IndexNewMembers, new { After = before }, ct);
        }

        await using (var insert = await session.PrepareAsync(InsertStudy, ["Id", "MemberId", "DepartmentId", "Programme", "DegreeType", "StartYear", "EndYear", "Credits", "Now"], ct))
        {
            foreach (var s in changes.NewStudies)
            {
                await insert.ExecuteAsync(ct, s.Id, s.MemberId, s.DepartmentId, s.Programme, s.DegreeType, s.StartYear, s.EndYear, s.Credits, now);
            }
        }

        await using (var update = await session.PrepareAsync(UpdateStudy, ["Id", "Programme", "StartYear", "EndYear", "Credits"], ct))
        {
            foreach (var s in changes.ChangedStudies)
            {
                await update.ExecuteAsync(ct, s.Id, s.Programme, s.StartYear, s.EndYear, s.Credits);
            }
        }
    }

    private static async Task WriteSqlServerAsync(DbSession session, ImportChanges changes, DateTimeOffset now, CancellationToken ct)
    {
        if (changes.ChangedMembers.Count > 0)
        {
            var rows = Table(("id", typeof(Guid)), ("external_id", typeof(string)), ("pnr_hash", typeof(string)), ("email", typeof(string)),
                ("first_name", typeof(string)), ("last_name", typeof(string)), ("search_text", typeof(string)));
            foreach (var m in changes.ChangedMembers)
            {
                rows.Rows.Add(m.Id, Db(m.ExternalId), Db(m.PnrHash), Db(m.Email), Db(m.FirstName), Db(m.LastName), SearchText(m));
            }

            await session.ExecuteAsync(CreateMemberChanges, null, ct);
            await session.BulkCopyAsync("#import_members", rows, ct);
            await session.ExecuteAsync(ApplyMemberChanges, new { Now = now }, ct);
        }

        if (changes.NewMembers.Count > 0)
        {
            var rows = Table(("id", typeof(Guid)), ("external_id", typeof(string)), ("pnr_hash", typeof(string)), ("email", typeof(string)),
                ("first_name", typeof(string)), ("last_name", typeof(string)), ("preferred_language", typeof(string)), ("status", typeof(string)),
                ("source", typeof(string)), ("search_text", typeof(string)), ("created_at", typeof(DateTimeOffset)),
                ("updated_at", typeof(DateTimeOffset)), ("version", typeof(int)));
            foreach (var m in changes.NewMembers)
            {
                rows.Rows.Add(m.Id, Db(m.ExternalId), Db(m.PnrHash), Db(m.Email), Db(m.FirstName), Db(m.LastName), "sv", m.Status, m.Source,
                    SearchText(m), now, now, 1);
            }

            await session.BulkCopyAsync("dbo.members", rows, ct);
        }

        if (changes.NewStudies.Count > 0)
        {
            var rows = Table(("id", typeof(Guid)), ("member_id", typeof(Guid)), ("department_id", typeof(Guid)), ("programme", typeof(string)),
                ("degree_type", typeof(string)), ("start_year", typeof(int)), ("end_year", typeof(int)), ("credits", typeof(decimal)),
                ("verified", typeof(bool)), ("created_at", typeof(DateTimeOffset)));
            foreach (var s in changes.NewStudies)
            {
                rows.Rows.Add(s.Id, s.MemberId, s.DepartmentId, Db(s.Programme), s.DegreeType, Db(s.StartYear), Db(s.EndYear), s.Credits, true, now);
            }

            await session.BulkCopyAsync("dbo.member_affiliations", rows, ct);
        }

        if (changes.ChangedStudies.Count > 0)
        {
            var rows = Table(("id", typeof(Guid)), ("programme", typeof(string)), ("start_year", typeof(int)), ("end_year", typeof(int)),
                ("credits", typeof(decimal)));
            foreach (var s in changes.ChangedStudies)
            {
                rows.Rows.Add(s.Id, Db(s.Programme), Db(s.StartYear), Db(s.EndYear), s.Credits);
            }

            await session.ExecuteAsync(CreateStudyChanges, null, ct);
            await session.BulkCopyAsync("#import_studies", rows, ct);
            await session.ExecuteAsync(ApplyStudyChanges, null, ct);
        }
    }

    private static string SearchText(MemberState m) => MemberSql.SearchText(m.FirstName ?? "", m.LastName ?? "", m.Email ?? "", [], null);

    private static DataTable Table(params (string Name, Type Type)[] columns)
    {
        var table = new DataTable();
        foreach (var (name, type) in columns)
        {
            table.Columns.Add(name, type);
        }

        return table;
    }

    private static object Db(object? value) => value ?? DBNull.Value;
}
