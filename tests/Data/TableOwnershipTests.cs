using System.Text.RegularExpressions;
using Alumni.Api.Features.Members.Staff;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Alumni.Api.Tests.Data;

/// <summary>
/// Every table belongs to one slice (or to the infrastructure), declared beside it (<see cref="ITableOwner"/>, on each
/// <see cref="ISliceModule"/> and on <see cref="InfrastructureTables"/>). Every table and view the migrations create,
/// in either dialect, has exactly one owner; every declared table exists; and a slice's SQL reads another's tables
/// only through what the owner publishes.
/// </summary>
public sealed partial class TableOwnershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each owner's name (the slice from <c>Alumni.Api.Features.&lt;Slice&gt;</c>, or <c>Infrastructure</c>) and its declaration.</summary>
    internal static IReadOnlyDictionary<string, ITableOwner> Owners { get; } = typeof(ITableOwner).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(ITableOwner)))
        .ToDictionary(OwnerOf, t => (ITableOwner)Activator.CreateInstance(t)!);

    [Fact]
    public async Task Every_table_of_the_migrations_has_exactly_one_owner_and_every_declared_table_exists()
    {
        var created = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["Sqlite"] = (await MigratedSqliteTablesAsync()).Keys,
            ["SqlServer"] = [.. SqlServerSchema.FromMigrations().Keys, InfrastructureTables.MigrationJournal],
        };

        var problems = OwnershipProblems(created, Owners.ToDictionary(o => o.Key, o => o.Value.OwnedTables));

        Assert.True(problems.Count == 0, "Table ownership:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_check_fails_on_an_unowned_table_a_declared_table_no_migration_creates_and_a_table_with_two_owners()
    {
        const string sqlServer = "CREATE TABLE dbo.orphans (id int NOT NULL); CREATE TABLE dbo.shared (id int NOT NULL);";
        const string sqlite = "CREATE TABLE orphans (id INTEGER NOT NULL); CREATE TABLE shared (id INTEGER NOT NULL);";
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sqlite;
            await command.ExecuteNonQueryAsync(Ct);
        }

        var created = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["Sqlite"] = (await SqliteSchema.ReadAsync(connection)).Keys,
            ["SqlServer"] = SqlServerSchema.From([("synthetic.sql", sqlServer)]).Keys,
        };
        var owners = new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["shared", "ghosts"], ["B"] = ["shared"] };

        var problems = OwnershipProblems(created, owners);

        Assert.Contains("Sqlite: orphans has no owner", problems);
        Assert.Contains("SqlServer: orphans has no owner", problems);
        Assert.Contains("Sqlite: shared has 2 owners (A, B)", problems);
        Assert.Contains("ghosts is declared by A but no migration creates it", problems);
        Assert.Empty(OwnershipProblems(created, new Dictionary<string, IReadOnlyList<string>> { ["A"] = ["shared", "orphans"] }));
    }

    [Fact]
    public void What_an_owner_publishes_is_its_own()
    {
        var problems = Owners
            .SelectMany(o => o.Value.Published.Where(p => p.Text is null && !o.Value.OwnedTables.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                .Select(p => $"{o.Key} publishes the view {p.Name}, which it does not own"))
            .Concat(Owners.SelectMany(o => o.Value.Published.Where(p => p.Text is not null && TablesNamed(p.Text, o.Value.OwnedTables).Count == 0)
                .Select(p => $"{o.Key} publishes the fragment {p.Name}, which names none of its tables")))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The ownership map in docs/architecture.md lists each owner's tables as its declaration does, no more and no fewer.</summary>
    [Fact]
    public void The_architecture_doc_maps_every_table_to_its_declared_owner()
    {
        var documented = DocumentedOwners(File.ReadAllText(Repo.File("docs", "architecture.md")));

        var problems = Owners.Keys.Union(documented.Keys).Order(StringComparer.Ordinal)
            .SelectMany(owner =>
            {
                var declared = Owners.TryGetValue(owner, out var o) ? o.OwnedTables : [];
                var listed = documented.GetValueOrDefault(owner) ?? [];
                return declared.Except(listed, StringComparer.OrdinalIgnoreCase).Select(t => $"{owner}: {t} is declared but not in docs/architecture.md")
                    .Concat(listed.Except(declared, StringComparer.OrdinalIgnoreCase).Select(t => $"{owner}: {t} is in docs/architecture.md but not declared"));
            })
            .ToList();

        Assert.True(problems.Count == 0, "docs/architecture.md, section Table ownership:\n" + string.Join("\n", problems));
    }

    /// <summary>The rows "| Owner | `table`, `table` | ... |" of the doc's section "## Table ownership".</summary>
    internal static Dictionary<string, List<string>> DocumentedOwners(string markdown)
    {
        var section = Regex.Match(markdown, @"^## Table ownership\s*$(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(section.Success, "docs/architecture.md has no section \"## Table ownership\".");
        return section.Groups["body"].Value.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith('|') && !l.StartsWith("|---", StringComparison.Ordinal) && !l.StartsWith("| Owner", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => Regex.Matches(cells[2], "`(?<t>[^`]+)`").Select(m => m.Groups["t"].Value).ToList());
    }

    /// <summary>
    /// Every statement of a slice (each <see cref="Sql"/> that <see cref="SqlStatements.All"/> finds, and the member
    /// search with every filter set) reads and writes only its own tables, and another owner's only through what that
    /// owner publishes. The T-SQL text is read with ScriptDom (a SQLite-only statement's SQLite text, which is plain SQL).
    /// </summary>
    [Fact]
    public void A_slice_reads_another_slices_tables_only_through_what_it_publishes()
    {
        var violations = CrossSliceViolations(SliceStatements(), Owners);

        Assert.True(violations.Count == 0,
            $"{violations.Count} direct reads of another owner's tables (statement -> table (owner)); read them through a view or fragment the owner publishes:\n"
            + string.Join("\n", violations));
    }

    [Fact]
    public void The_cross_slice_check_finds_direct_reads_and_allows_published_views_and_fragments()
    {
        const string fragment = "SELECT d.id FROM departments d WHERE d.code = @Department";
        var owners = new Dictionary<string, ITableOwner>
        {
            ["Members"] = new Declared(["members", "member_affiliations"], []),
            ["Departments"] = new Declared(["departments", "faculties", "department_names"], [Published.View("department_names"), Published.Fragment("DepartmentSql.IdsByCode", fragment)]),
        };
        (string, string, string)[] statements =
        [
            ("direct", "Members", "SELECT m.id FROM members m JOIN member_affiliations a ON a.member_id = m.id JOIN departments d ON d.id = a.department_id"),
            ("update through alias", "Members", "UPDATE m SET m.email = NULL FROM members m JOIN faculties f ON f.id = m.id"),
            ("cte and temp table", "Members", "WITH faculties AS (SELECT 1 AS id) SELECT id FROM faculties; SELECT * FROM #departments"),
            ("view", "Members", "SELECT n.name_en FROM member_affiliations a JOIN dbo.department_names n ON n.id = a.department_id"),
            ("fragment", "Members", $"SELECT a.member_id FROM member_affiliations a WHERE a.department_id IN ({fragment})"),
            ("unknown", "Members", "SELECT * FROM nobodys_table"),
        ];

        var violations = CrossSliceViolations(statements, owners);

        Assert.Equal(
            ["direct -> departments (Departments)", "unknown -> nobodys_table (no owner)", "update through alias -> faculties (Departments)"],
            violations);
    }

    /// <summary>The problems of a table map: per dialect, each created table with no owner or more than one; each declared table created nowhere.</summary>
    internal static List<string> OwnershipProblems(IReadOnlyDictionary<string, IReadOnlyCollection<string>> createdByDialect, IReadOnlyDictionary<string, IReadOnlyList<string>> owned)
    {
        var problems = new List<string>();
        foreach (var (dialect, tables) in createdByDialect.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            foreach (var table in tables.Order(StringComparer.OrdinalIgnoreCase))
            {
                var owners = owned.Where(o => o.Value.Contains(table, StringComparer.OrdinalIgnoreCase)).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
                if (owners.Count != 1)
                {
                    problems.Add(owners.Count == 0 ? $"{dialect}: {table} has no owner" : $"{dialect}: {table} has {owners.Count} owners ({string.Join(", ", owners)})");
                }
            }
        }

        foreach (var (owner, tables) in owned.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            problems.AddRange(tables
                .Where(t => !createdByDialect.Values.Any(created => created.Contains(t, StringComparer.OrdinalIgnoreCase)))
                .Select(t => $"{t} is declared by {owner} but no migration creates it"));
        }

        return problems;
    }

    /// <summary>"statement -> table (owner)" for each table a statement names that is neither its slice's nor published to it.</summary>
    internal static List<string> CrossSliceViolations(IEnumerable<(string Name, string Slice, string Text)> statements, IReadOnlyDictionary<string, ITableOwner> owners)
    {
        var ownerOfTable = owners.SelectMany(o => o.Value.OwnedTables.Select(t => (Table: t, Owner: o.Key)))
            .GroupBy(t => t.Table, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Owner, StringComparer.OrdinalIgnoreCase);
        var violations = new List<string>();
        foreach (var (name, slice, text) in statements)
        {
            foreach (var table in TablesReferenced(name, text))
            {
                if (!ownerOfTable.TryGetValue(table, out var owner))
                {
                    violations.Add($"{name} -> {table} (no owner)");
                    continue;
                }

                if (owner == slice)
                {
                    continue;
                }

                var published = owners[owner].Published.Any(p => p.Text is null
                    ? p.Name.Equals(table, StringComparison.OrdinalIgnoreCase)
                    : text.Contains(p.Text, StringComparison.Ordinal) && TablesNamed(p.Text, [table]).Count > 0);
                if (!published)
                {
                    violations.Add($"{name} -> {table} ({owner})");
                }
            }
        }

        return violations.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The tables and views a statement names (FROM, JOIN, INSERT INTO, UPDATE, DELETE, MERGE, subqueries), read with
    /// ScriptDom: without the names of its common table expressions, temporary tables (<c>#x</c>), table variables, the
    /// aliases it gives (an <c>UPDATE m ... FROM members m</c> names members, not m), and system catalogues.
    /// </summary>
    internal static IReadOnlySet<string> TablesReferenced(string name, string text)
    {
        var visitor = new TableVisitor();
        SqlServerSchema.Parse(name, DapperList().Replace(text, "IN (${name})")).Accept(visitor);
        return visitor.Tables.Where(t => !visitor.Excluded.Contains(t)).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static IReadOnlyList<(string Name, string Slice, string Text)> SliceStatements()
    {
        var statements = SqlStatements.All
            .Select(s => (s.Key, OwnerOf(s.Value.Field.DeclaringType!), s.Value.Sql.SqlServer.Length > 0 ? s.Value.Sql.SqlServer : s.Value.Sql.Sqlite))
            .ToList();
        var search = MemberSearch.For(MemberSearchSqlTests.Everything, new DepartmentScope(false, Guid.Empty));
        statements.AddRange(MemberSearchSqlTests.Statements(search)
            .Select(s => ($"{typeof(MemberSearch).FullName} (every filter) {s.Name}", OwnerOf(typeof(MemberSearch)), s.Sql.SqlServer)));
        statements.AddRange(SqlStatements.Composed.Select(s => (s.Name, OwnerOf(s.Composer), s.Sql.SqlServer)));
        return statements;
    }

    internal static string OwnerOf(Type type)
    {
        var ns = type.Namespace ?? "";
        return ns.StartsWith("Alumni.Api.Features.", StringComparison.Ordinal) ? ns.Split('.')[3]
            : ns.StartsWith("Alumni.Api.Infrastructure", StringComparison.Ordinal) ? "Infrastructure"
            : throw new InvalidOperationException($"{type.FullName} is neither in a slice (Alumni.Api.Features.<Slice>) nor in Alumni.Api.Infrastructure.");
    }

    internal static async Task<Dictionary<string, TableShape>> MigratedSqliteTablesAsync()
    {
        await using var db = await MigratedSqlite.CreateAsync(Ct);
        await using var connection = await db.OpenAsync(Ct);
        return await SqliteSchema.ReadAsync(connection);
    }

    private static List<string> TablesNamed(string text, IEnumerable<string> tables) =>
        tables.Where(t => Regex.IsMatch(text, $@"\b{Regex.Escape(t)}\b", RegexOptions.IgnoreCase)).ToList();

    [GeneratedRegex(@"\bIN\s+(?<name>@[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex DapperList();

    private sealed record Declared(IReadOnlyList<string> OwnedTables, IReadOnlyList<Published> Published) : ITableOwner;

    private sealed class TableVisitor : TSqlFragmentVisitor
    {
        private static readonly HashSet<string> SystemSchemas = new(["sys", "INFORMATION_SCHEMA"], StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> Excluded { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void Visit(NamedTableReference node)
        {
            var table = node.SchemaObject.BaseIdentifier.Value;
            if (!table.StartsWith('#') && !SystemSchemas.Contains(node.SchemaObject.SchemaIdentifier?.Value ?? ""))
            {
                Tables.Add(table);
            }
        }

        public override void Visit(TableReferenceWithAlias node)
        {
            if (node.Alias is { } alias)
            {
                Excluded.Add(alias.Value);
            }
        }

        public override void Visit(CommonTableExpression node) => Excluded.Add(node.ExpressionName.Value);
    }
}
