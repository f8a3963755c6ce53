using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Benchmarks.Generation;
using Alumni.Contracts.Members;
using Microsoft.Data.Sqlite;

namespace Alumni.Benchmarks.Data;

/// <summary>
/// Puts N active members straight into a SQLite database made by the API's migrations: the member rows with their
/// search text (as the API builds it), student id and hashed personnummer for those from the student records, 1–2 studies, every consent with its history, interests, other addresses and
/// offers. One thread generates while another inserts; one transaction per 50,000 members, prepared statements.
/// A database that already has members gets more (numbered after them, so addresses stay unique).
/// </summary>
public static class Seeder
{
    public const int MembersPerTransaction = 50_000;
    private const int BatchSize = 1_000;

    /// <summary>The name the import stores its personal identity number key under (ImportJobHandler).</summary>
    private const string PnrKeyName = "members-pnr-hmac";

    public static async Task<SeedResult> SeedAsync(string connectionString, long members, int seed, Action<string>? progress = null, CancellationToken ct = default)
    {
        var total = Stopwatch.StartNew();
        var normalised = await BenchDatabase.PrepareAsync(connectionString, ct);
        var migrated = total.Elapsed;
        // The key the API hashes personal identity numbers with (kept in the database), so a later import matches these members.
        var pnrKey = await new AppSecrets(new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = normalised }), TimeProvider.System)
            .KeyAsync(PnrKeyName, null, ct);
        using var connection = BenchDatabase.OpenForBulk(normalised);
        var departmentIds = DepartmentCodes.FromDatabase(connection);
        var existing = BenchDatabase.Scalar(connection, "SELECT COUNT(*) FROM members");
        // Adding to members made before: their hashed personal identity numbers are not to be given out again.
        var taken = existing == 0 ? null : ExistingPnrHashes(connection);
        var generator = new AlumniGenerator(seed, departmentIds.Keys.Order(StringComparer.Ordinal).ToList(), firstIndex: existing)
        {
            PinTaken = taken is null ? null : pin => taken.Contains(PnrHash(pnrKey, pin)),
        };

        var batches = Channel.CreateBounded<GeneratedMember[]>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                for (long made = 0; made < members;)
                {
                    var batch = new GeneratedMember[(int)Math.Min(BatchSize, members - made)];
                    for (var i = 0; i < batch.Length; i++)
                    {
                        batch[i] = generator.Next();
                    }

                    made += batch.Length;
                    await batches.Writer.WriteAsync(batch, ct);
                }

                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, ct);

        var inserting = Stopwatch.StartNew();
        var counts = new RowCounts();

        // Secondary indexes, and the triggers that keep the full-text index in step, are rebuilt once at the end (a
        // sorted build, one full-text rebuild) instead of updated row by row; their exact definitions are taken from the
        // database, so they come back as the migrations made them.
        var indexes = SecondaryIndexes(connection);
        foreach (var (type, name, _) in indexes)
        {
            BenchDatabase.Execute(connection, $"DROP {type.ToUpperInvariant()} {name}");
        }

        using (var writer = new MemberWriter(connection, departmentIds, pnrKey))
        {
            long done = 0;
            var transaction = connection.BeginTransaction();
            writer.Transaction = transaction;
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                foreach (var member in batch)
                {
                    writer.Write(member, counts);
                    done++;
                    if (done % MembersPerTransaction == 0)
                    {
                        transaction.Commit();
                        transaction.Dispose();
                        progress?.Invoke($"  {done,12:N0} members  {done / inserting.Elapsed.TotalSeconds,10:N0} members/s");
                        transaction = connection.BeginTransaction();
                        writer.Transaction = transaction;
                    }
                }
            }

            transaction.Commit();
            transaction.Dispose();
        }

        await producer;
        progress?.Invoke($"  rebuilding {indexes.Count} indexes and triggers, and the full-text index ...");
        foreach (var (_, _, sql) in indexes)
        {
            BenchDatabase.Execute(connection, sql);
        }

        BenchDatabase.Execute(connection, "INSERT INTO members_search (members_search) VALUES ('rebuild')");

        inserting.Stop();
        BenchDatabase.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        total.Stop();
        return new SeedResult(normalised, members, counts, migrated, inserting.Elapsed, total.Elapsed);
    }

    /// <summary>The keyed hash the import stores instead of a personal identity number (12 digits).</summary>
    public static string PnrHash(byte[] key, string pin) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(pin)));

    private static HashSet<string> ExistingPnrHashes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pnr_hash FROM members WHERE pnr_hash IS NOT NULL";
        using var reader = command.ExecuteReader();
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            hashes.Add(reader.GetString(0));
        }

        return hashes;
    }

    private static readonly string[] MemberTables =
        ["members", "member_emails", "member_interests", "member_affiliations", "member_consents", "member_consent_history"];

    /// <summary>
    /// The explicitly created indexes and the triggers of the member tables (type, name, CREATE statement); automatic key
    /// indexes have no SQL.
    /// </summary>
    private static List<(string Type, string Name, string Sql)> SecondaryIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT type, name, sql FROM sqlite_master
            WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", MemberTables.Select(t => $"'{t}'"))})
            ORDER BY type, name
            """;
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string, string)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return indexes;
    }

    /// <summary>Writes one generated member and everything that hangs on it.</summary>
    private sealed class MemberWriter : IDisposable
    {
        private static readonly string[] Channels = Enum.GetNames<ConsentChannel>();
        private readonly Dictionary<string, string> departmentIds;
        private readonly PreparedInsert member;
        private readonly PreparedInsert affiliation;
        private readonly PreparedInsert consent;
        private readonly PreparedInsert history;
        private readonly PreparedInsert interest;
        private readonly PreparedInsert otherEmail;
        private readonly Random ids = new(17);
        private readonly byte[] pnrKey;

        public MemberWriter(SqliteConnection connection, Dictionary<string, string> departmentIds, byte[] pnrKey)
        {
            this.departmentIds = departmentIds;
            this.pnrKey = pnrKey;
            member = new PreparedInsert(connection, "members", "id", "external_id", "pnr_hash", "email", "first_name", "last_name", "preferred_language", "country", "city",
                "employer", "job_title", "industry", "linkedin_url", "bio", "offers_mentor", "offers_guest_lecture", "offers_study_visit",
                "offers_panel", "directory_listed", "directory_fields", "status", "source", "credits_confirmed", "search_text", "created_at",
                "verified_at", "updated_at", "version");
            affiliation = new PreparedInsert(connection, "member_affiliations", "id", "member_id", "department_id", "programme", "degree_type",
                "start_year", "end_year", "credits", "verified", "created_at");
            consent = new PreparedInsert(connection, "member_consents", "member_id", "channel", "granted", "changed_at");
            history = new PreparedInsert(connection, "member_consent_history", "id", "member_id", "channel", "granted", "method", "changed_at");
            interest = new PreparedInsert(connection, "member_interests", "member_id", "tag", "tag_key");
            otherEmail = new PreparedInsert(connection, "member_emails", "member_id", "email");
        }

        public SqliteTransaction Transaction
        {
            set
            {
                foreach (var statement in new[] { member, affiliation, consent, history, interest, otherEmail })
                {
                    statement.Transaction = value;
                }
            }
        }

        public void Write(GeneratedMember m, RowCounts counts)
        {
            var id = m.Id.ToString("D");
            var at = TypeHandlers.ToSqliteText(m.CreatedAt);
            var imported = m.Source == MemberSource.Import;
            // Members who came from the student records carry their student id and the keyed hash of their personnummer.
            var externalId = imported ? m.ExternalId : null;
            var pnrHash = imported && m.PersonalIdentityNumber is { } pin
                ? PnrHash(pnrKey, pin)
                : null;
            member.Run(id, externalId, pnrHash, m.Email, m.FirstName, m.LastName, m.PreferredLanguage, m.Country, m.City, m.Employer, m.JobTitle, m.Industry,
                m.LinkedInUrl, m.Bio, m.OffersMentor, m.OffersGuestLecture, m.OffersStudyVisit, m.OffersPanel, m.DirectoryListed,
                m.DirectoryFields, nameof(MemberStatus.Active), m.Source.ToString(), 1,
                MemberSql.SearchText(m.FirstName, m.LastName, m.Email, m.OtherEmails, m.Employer), at, at, at, 1);
            counts.Members++;
            foreach (var study in m.Studies)
            {
                affiliation.Run(NewId(m.CreatedAt), id, departmentIds[study.DepartmentCode], study.Programme, study.DegreeType.ToString(),
                    study.StartYear, study.EndYear, (double)study.Credits, imported, at);
                counts.Affiliations++;
            }

            var method = m.Source == MemberSource.SignUp ? nameof(ConsentMethod.SignUpForm) : nameof(ConsentMethod.ProfilePage);
            for (var c = 0; c < Channels.Length; c++)
            {
                consent.Run(id, Channels[c], m.Consents[c], at);
                history.Run(NewId(m.CreatedAt), id, Channels[c], m.Consents[c], method, at);
                counts.Consents += 2;
            }

            foreach (var tag in m.Interests)
            {
                interest.Run(id, tag, tag.ToLowerInvariant());
                counts.Interests++;
            }

            foreach (var email in m.OtherEmails)
            {
                otherEmail.Run(id, email);
                counts.OtherEmails++;
            }
        }

        private string NewId(DateTimeOffset at)
        {
            Span<byte> bytes = stackalloc byte[16];
            ids.NextBytes(bytes);
            var ms = at.ToUnixTimeMilliseconds();
            for (var i = 5; i >= 0; i--)
            {
                bytes[i] = (byte)(ms & 0xff);
                ms >>= 8;
            }

            bytes[6] = (byte)(0x70 | (bytes[6] & 0x0f));
            bytes[8] = (byte)(0x80 | (bytes[8] & 0x3f));
            return new Guid(bytes, bigEndian: true).ToString("D");
        }

        public void Dispose()
        {
            foreach (var statement in new[] { member, affiliation, consent, history, interest, otherEmail })
            {
                statement.Dispose();
            }
        }
    }
}

public sealed class RowCounts
{
    public long Members { get; set; }
    public long Affiliations { get; set; }
    public long Consents { get; set; }
    public long Interests { get; set; }
    public long OtherEmails { get; set; }
    public long Total => Members + Affiliations + Consents + Interests + OtherEmails;
}

public sealed record SeedResult(string ConnectionString, long Members, RowCounts Rows, TimeSpan Migrating, TimeSpan Inserting, TimeSpan Total)
{
    public double MembersPerSecond => Members / Inserting.TotalSeconds;
    public double RowsPerSecond => Rows.Total / Inserting.TotalSeconds;

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"Seeded {Members:N0} members ({Rows.Affiliations:N0} studies, {Rows.Consents:N0} consent and history rows, {Rows.Interests:N0} interests, "
        + $"{Rows.OtherEmails:N0} other addresses; {Rows.Total:N0} rows) in {Inserting.TotalSeconds:N1} s: {MembersPerSecond:N0} members/s, "
        + $"{RowsPerSecond:N0} rows/s (migration {Migrating.TotalSeconds:N1} s, total {Total.TotalSeconds:N1} s)");
}
