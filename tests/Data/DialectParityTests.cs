using Alumni.Api.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;

namespace Alumni.Api.Tests.Data;

/// <summary>
/// One schema, two dialects: after all migrations every table has the same columns on SQLite (read back from a
/// database the SQLite migrations built) and on SQL Server (the scripts read with ScriptDom), each with a type of a
/// compatible family and the same nullability. SQLite's declared types only say an affinity: TEXT holds text, GUIDs
/// and instants, INTEGER integers and booleans, REAL decimals; a type outside its affinity's families is a difference.
/// </summary>
public sealed class DialectParityTests
{
    /// <summary>Tables one dialect has and the other has not, on purpose.</summary>
    internal static readonly IReadOnlyDictionary<string, string> OneDialectOnly = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["members_search"] = "SQLite's FTS5 trigram index over members.search_text (migration 0005); SQL Server searches members.search_text with LIKE over a narrow index instead.",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_table_has_the_same_columns_type_families_and_nullability_in_both_dialects()
    {
        var sqlite = await TableOwnershipTests.MigratedSqliteTablesAsync();
        // DbUp's journal is DbUp's own, made by it in each dialect's shape; no migration creates it.
        sqlite.Remove(InfrastructureTables.MigrationJournal);

        var sqlServer = SqlServerSchema.FromMigrations();

        var differences = Differences(sqlite, sqlServer, OneDialectOnly);

        Assert.True(differences.Count == 0, "The dialects' schemas differ:\n" + string.Join("\n", differences));
        Assert.True(sqlServer.Count >= 20, $"Only {sqlServer.Count} SQL Server tables were read from the migrations.");
        Assert.Contains("external_id", sqlServer["members"].Columns.Keys);
        Assert.Equal(sqlite["members"].Columns.Count, sqlServer["members"].Columns.Count);
    }

    [Fact]
    public async Task The_comparison_finds_missing_tables_and_columns_other_types_and_other_nullability()
    {
        const string sqliteText = """
            CREATE TABLE t (id TEXT NOT NULL PRIMARY KEY, n INTEGER NULL, at INTEGER NOT NULL, only_here TEXT NULL, amount REAL NOT NULL);
            CREATE TABLE lite (id TEXT NOT NULL);
            CREATE TABLE excused (id TEXT NOT NULL);
            """;
        const string sqlServerText = """
            CREATE TABLE dbo.t (id uniqueidentifier NOT NULL PRIMARY KEY, n bit NOT NULL, at datetimeoffset(7) NOT NULL, amount decimal(7, 1) NOT NULL);
            ALTER TABLE dbo.t ADD only_there int NULL, dropped int NULL;
            GO
            ALTER TABLE dbo.t DROP COLUMN dropped;
            CREATE TABLE dbo.server (id int NOT NULL, CONSTRAINT pk_server PRIMARY KEY (id));
            """;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sqliteText;
            await command.ExecuteNonQueryAsync(Ct);
        }

        var sqlServer = SqlServerSchema.From([("synthetic.sql", sqlServerText)]);
        var differences = Differences(await SqliteSchema.ReadAsync(connection), sqlServer, new Dictionary<string, string> { ["excused"] = "a test" });

        Assert.False(sqlServer["server"].Columns["id"].Nullable);
        Assert.Equal(
            [
                "lite: only on SQLite",
                "server: only on SQL Server",
                "t.at: SQLite INTEGER (Integer, Boolean) cannot hold SQL Server datetimeoffset (DateTime)",
                "t.n: nullable on SQLite, NOT NULL on SQL Server",
                "t.only_here: only on SQLite",
                "t.only_there: only on SQL Server",
            ],
            differences);
    }

    [Fact]
    public void A_sql_server_migration_the_model_cannot_follow_fails_instead_of_passing_unchecked()
    {
        Assert.Throws<NotSupportedException>(() => SqlServerSchema.From([("rename.sql", "CREATE TABLE dbo.t (a int NULL); EXEC sp_rename 'dbo.t.a', 'b', 'COLUMN';")]));
        Assert.Throws<NotSupportedException>(() => SqlServerSchema.From([("alter.sql", "CREATE TABLE dbo.t (a int NULL); ALTER TABLE dbo.t ALTER COLUMN a bigint NOT NULL;")]));
    }

    /// <summary>Every difference between the two schemas, one line each, except the tables excused by name.</summary>
    internal static List<string> Differences(IReadOnlyDictionary<string, TableShape> sqlite, IReadOnlyDictionary<string, TableShape> sqlServer, IReadOnlyDictionary<string, string> oneDialectOnly)
    {
        var differences = new List<string>();
        foreach (var name in sqlite.Keys.Union(sqlServer.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            var inSqlite = sqlite.TryGetValue(name, out var lite);
            var inSqlServer = sqlServer.TryGetValue(name, out var server);
            if (oneDialectOnly.ContainsKey(name))
            {
                if (inSqlite && inSqlServer)
                {
                    differences.Add($"{name}: excused as one dialect's only, yet both have it");
                }

                continue;
            }

            if (!inSqlite || !inSqlServer)
            {
                differences.Add($"{name}: only on {(inSqlite ? "SQLite" : "SQL Server")}");
                continue;
            }

            if (lite!.Kind == "view" || server!.Kind == "view")
            {
                if (lite.Kind != server!.Kind)
                {
                    differences.Add($"{name}: a {lite.Kind} on SQLite, a {server.Kind} on SQL Server");
                }

                continue;
            }

            foreach (var column in lite.Columns.Keys.Union(server.Columns.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
            {
                var inLite = lite.Columns.TryGetValue(column, out var a);
                var inServer = server.Columns.TryGetValue(column, out var b);
                if (!inLite || !inServer)
                {
                    differences.Add($"{name}.{column}: only on {(inLite ? "SQLite" : "SQL Server")}");
                    continue;
                }

                if (!b!.Families.IsSubsetOf(a!.Families))
                {
                    differences.Add($"{name}.{column}: SQLite {a.DeclaredType} ({string.Join(", ", a.Families.Order())}) cannot hold SQL Server {b.DeclaredType} ({string.Join(", ", b.Families.Order())})");
                }

                if (a.Nullable != b.Nullable)
                {
                    differences.Add($"{name}.{column}: {(a.Nullable ? "nullable" : "NOT NULL")} on SQLite, {(b.Nullable ? "nullable" : "NOT NULL")} on SQL Server");
                }
            }
        }

        return differences;
    }
}
