using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Text;
using Alumni.Benchmarks.Generation;
using Microsoft.Data.Sqlite;

namespace Alumni.Benchmarks.Data;

/// <summary>
/// The raw insert limit for an import file: the same rows into a fresh database of the same schema (the API's
/// migrations) by the plainest fast loop — the file read line by line, one transaction, one prepared insert for
/// members and one for studies with their parameters reused, and the full-text index of the new members in one statement
/// at the end. A row whose student id is the one of the row before it
/// is the same member's next study. The connection is opened as the API opens it (foreign keys on).
/// </summary>
public static class RawInsert
{
    /// <summary>The page cache the fastest loop gives SQLite (KiB): the whole working set of the indexes fits.</summary>
    public const int LargeCacheKib = 512 * 1024;

    /// <summary>Inserts the file's rows; <paramref name="cacheKib"/> null keeps SQLite's default page cache (2 MiB).</summary>
    public static async Task<RawInsertResult> RunAsync(string csvPath, string connectionString, int? cacheKib = LargeCacheKib)
    {
        var normalised = await BenchDatabase.PrepareAsync(connectionString);
        using var connection = new SqliteConnection(normalised);
        connection.Open();
        if (cacheKib is { } kib)
        {
            BenchDatabase.Execute(connection, $"PRAGMA cache_size = -{kib}");
        }
        var departments = DepartmentCodes.FromDatabase(connection);
        var pnrKey = RandomNumberGenerator.GetBytes(32);

        var stopwatch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        using var member = connection.CreateCommand();
        member.Transaction = transaction;
        member.CommandText = """
            INSERT INTO members (id, external_id, pnr_hash, email, first_name, last_name, preferred_language, status, source, search_text, created_at, updated_at, version)
            VALUES ($id, $external, $pnr, $email, $first, $last, 'sv', 'Active', 'Import', $search, $now, $now, 1)
            """;
        var mId = member.Parameters.Add("$id", SqliteType.Text);
        var mEmail = member.Parameters.Add("$email", SqliteType.Text);
        var mFirst = member.Parameters.Add("$first", SqliteType.Text);
        var mLast = member.Parameters.Add("$last", SqliteType.Text);
        var mSearch = member.Parameters.Add("$search", SqliteType.Text);
        var mNow = member.Parameters.Add("$now", SqliteType.Text);
        var mExternal = member.Parameters.Add("$external", SqliteType.Text);
        var mPnr = member.Parameters.Add("$pnr", SqliteType.Text);
        member.Prepare();

        using var study = connection.CreateCommand();
        study.Transaction = transaction;
        study.CommandText = """
            INSERT INTO member_affiliations (id, member_id, department_id, programme, degree_type, start_year, end_year, credits, verified, created_at)
            VALUES ($id, $member, $department, $programme, $degree, $start, $end, $credits, 1, $now)
            """;
        var sId = study.Parameters.Add("$id", SqliteType.Text);
        var sMember = study.Parameters.Add("$member", SqliteType.Text);
        var sDepartment = study.Parameters.Add("$department", SqliteType.Text);
        var sProgramme = study.Parameters.Add("$programme", SqliteType.Text);
        var sDegree = study.Parameters.Add("$degree", SqliteType.Text);
        var sStart = study.Parameters.Add("$start", SqliteType.Integer);
        var sEnd = study.Parameters.Add("$end", SqliteType.Integer);
        var sCredits = study.Parameters.Add("$credits", SqliteType.Real);
        var sNow = study.Parameters.Add("$now", SqliteType.Text);
        study.Prepare();

        var now = DateTimeOffset.UtcNow;
        var ids = new SequentialIds(now);
        var nowText = TypeHandlers.ToSqliteText(now);
        mNow.Value = nowText;
        sNow.Value = nowText;
        long rows = 0, members = 0;
        string? previousExternal = null;
        var memberId = "";
        using (var reader = new StreamReader(csvPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))
        {
            var header = reader.ReadLine() ?? throw new InvalidDataException("The CSV file is empty.");
            if (header != Generation.ImportCsv.Header)
            {
                throw new InvalidDataException($"Unexpected header: {header}");
            }

            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                var f = Fields(line);
                if (f[0] != previousExternal)
                {
                    memberId = ids.Next();
                    var email = f[4].Trim().ToLowerInvariant();
                    mId.Value = memberId;
                    mEmail.Value = email;
                    mFirst.Value = f[2];
                    mLast.Value = f[3];
                    mSearch.Value = MemberSql.SearchText(f[2], f[3], email, [], null);
                    mExternal.Value = f[0];
                    mPnr.Value = f[1].Length == 0 ? DBNull.Value : Seeder.PnrHash(pnrKey, f[1]);

                    member.ExecuteNonQuery();
                    members++;
                    previousExternal = f[0];
                }

                sId.Value = ids.Next();
                sMember.Value = memberId;
                sDepartment.Value = departments[f[5]];
                sProgramme.Value = f[6].Length == 0 ? DBNull.Value : f[6];
                sDegree.Value = Degree(f[7]);
                sStart.Value = int.Parse(f[8], CultureInfo.InvariantCulture);
                sEnd.Value = int.Parse(f[9], CultureInfo.InvariantCulture);
                sCredits.Value = double.Parse(f[10], CultureInfo.InvariantCulture);
                study.ExecuteNonQuery();
                rows++;
            }
        }

        // The full-text index of the new members (migration 0005), built in one statement: the fastest way there.
        using (var index = connection.CreateCommand())
        {
            index.Transaction = transaction;
            index.CommandText = "INSERT INTO members_search (rowid, search_text) SELECT rowid, search_text FROM members";
            index.ExecuteNonQuery();
        }

        transaction.Commit();
        stopwatch.Stop();
        return new RawInsertResult(rows, members, rows, stopwatch.Elapsed.TotalSeconds, rows / stopwatch.Elapsed.TotalSeconds,
            "one transaction; prepared INSERTs for members and member_affiliations, parameters reused; ids in insert order; CSV read line by line; "
            + "connection as the API opens it (WAL, foreign keys on) with "
            + (cacheKib is { } size ? $"a {size / 1024} MiB page cache" : "SQLite's default page cache (2 MiB)")
            + "; external_id and the keyed hash (HMAC-SHA256) of the personal identity number stored as the import stores them; "
            + "the full-text index built in one statement at the end");
    }

    private static string[] Fields(string line) =>
        line.Contains('"', StringComparison.Ordinal) ? Csv.ReadRecords(new StringReader(line)).First() : line.Split(',');

    private static string Degree(string csv) => csv switch
    {
        "none" => "None",
        "bachelor" => "Bachelor",
        "master" => "Master",
        "phd" => "PhD",
        "professional" => "Professional",
        "exchange" => "Exchange",
        _ => throw new InvalidDataException($"Unknown degree type: {csv}"),
    };
}
