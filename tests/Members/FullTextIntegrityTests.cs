using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Data;
using Microsoft.Data.Sqlite;

namespace Alumni.Api.Tests.Members;

/// <summary>SQLite's trigram full-text index over the members (migration 0005) and its integrity check.</summary>
public sealed class FullTextIntegrityTests
{
    private static readonly Sql IntegrityCheck = Sql.SqliteOnly("INSERT INTO members_search (members_search, rank) VALUES ('integrity-check', 1)");

    private static readonly Sql InsertMember = Sql.Portable("""
        INSERT INTO members (id, email, status, source, search_text, created_at, updated_at)
        VALUES (@Id, @Email, 'Active', 'Import', @Text, '2026-01-01T00:00:00.0000000Z', '2026-01-01T00:00:00.0000000Z')
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// What SQLite's integrity check says is wrong with the full-text index, or null when it is in step with the
    /// members. With rank 1 the check also compares the index with its content table (members.search_text); on a
    /// difference it raises SQLITE_CORRUPT_VTAB ("database disk image is malformed").
    /// </summary>
    public static async Task<string?> ProblemAsync(DbSession session, CancellationToken ct)
    {
        try
        {
            await session.ExecuteAsync(IntegrityCheck, null, ct);
            return null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 11)
        {
            return e.Message;
        }
    }

    [Fact]
    public async Task The_check_passes_an_index_in_step_and_reports_a_member_added_without_indexing_it()
    {
        await using var db = await MigratedSqlite.CreateAsync(Ct);
        await using var session = await db.Database.OpenAsync(Ct);
        var indexed = Guid.NewGuid();
        await session.ExecuteAsync(InsertMember, new { Id = indexed, Email = "anna@example.org", Text = "anna berg anna@example.org" }, Ct);
        await session.ExecuteAsync(MemberSql.IndexNewMember, new { Id = indexed }, Ct);

        Assert.Null(await ProblemAsync(session, Ct));

        // The mistake migration 0005 warns of: an INSERT INTO members that does not index the new member.
        await session.ExecuteAsync(InsertMember, new { Id = Guid.NewGuid(), Email = "bo@example.org", Text = "bo lund bo@example.org" }, Ct);

        Assert.NotNull(await ProblemAsync(session, Ct));
    }
}
