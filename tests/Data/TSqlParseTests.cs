using Alumni.Api.Infrastructure.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Alumni.Api.Tests.Data;

/// <summary>
/// No SQL Server runs on our build machines, so every T-SQL text the API holds — each migration and each
/// <see cref="Sql"/> statement of every slice — is parsed here with Microsoft's own parser.
/// </summary>
public sealed partial class TSqlParseTests
{
    public static TheoryData<string> Migrations => new(Migrator.Scripts(DatabaseProvider.SqlServer).Select(s => s.Name));

    public static TheoryData<string> Statements => new(AllStatements().Keys);

    [Theory]
    [MemberData(nameof(Migrations))]
    public void Every_sql_server_migration_parses(string name)
    {
        var text = Migrator.Scripts(DatabaseProvider.SqlServer).Single(s => s.Name == name).Text;

        AssertParses(name, text);
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Every_sql_server_statement_parses(string name)
    {
        AssertParses(name, AllStatements()[name]);
    }

    [Fact]
    public void The_statements_of_the_slices_are_all_found()
    {
        var names = AllStatements().Keys;

        Assert.Contains(names, n => n.Contains("DepartmentSql.Find", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("UpdateDepartment.Update", StringComparison.Ordinal));
        Assert.Equal(Migrator.Scripts(DatabaseProvider.Sqlite).Select(s => s.Name), Migrator.Scripts(DatabaseProvider.SqlServer).Select(s => s.Name));
    }

    [Fact]
    public void Statements_held_in_collections_are_found()
    {
        var names = AllStatements().Keys;

        Assert.Equal(5, names.Count(n => n.StartsWith("Alumni.Api.Features.Members.MemberErasure.DeletePersonal[", StringComparison.Ordinal)));
        Assert.Contains("Alumni.Api.Features.Members.MemberErasure.DeletePersonal[0]", names);
    }

    /// <summary>
    /// A scan of the source: every <c>Sql.Portable(</c>, <c>Sql.Dialects(</c>, <c>Sql.SqliteOnly(</c> and
    /// <c>Sql.SqlServerOnly(</c> in a file is one statement found in that file's types, or one of the calls that compose
    /// SQL at run time (<see cref="Infrastructure.SqlStatements.RunTimeComposers"/>, whose shapes another test covers).
    /// A statement kept where reflection does not look (an instance field, a local) fails here.
    /// </summary>
    [Fact]
    public void Every_sql_written_in_the_source_is_a_statement_found_or_a_named_run_time_composer()
    {
        var files = Directory.EnumerateFiles(Infrastructure.Repo.File("api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Infrastructure.Repo.Root, f).Replace('\\', '/'), File.ReadAllText);
        var fileOfType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, text) in files)
        {
            var ns = FileNamespace().Match(text) is { Success: true } m ? m.Groups["ns"].Value + "." : "";
            foreach (System.Text.RegularExpressions.Match type in TypeDeclaration().Matches(text))
            {
                fileOfType.TryAdd(ns + type.Groups["name"].Value, file);
            }
        }

        var written = files
            .Select(f => (File: f.Key, Count: f.Value.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)).Sum(l => SqlWritten().Count(l))))
            .Where(f => f.Count > 0)
            .ToDictionary(f => f.File, f => f.Count);
        var found = Infrastructure.SqlStatements.All.Values
            .Select(s => Outermost(s.Field.DeclaringType!))
            .Select(t => fileOfType.TryGetValue(t.FullName!, out var file) ? file : $"(no source file declares {t.FullName})")
            .Concat(Infrastructure.SqlStatements.RunTimeComposers.SelectMany(c => Enumerable.Repeat(c.Key, c.Value.Calls)))
            .GroupBy(f => f)
            .ToDictionary(g => g.Key, g => g.Count());

        var differences = written.Keys.Union(found.Keys).Order(StringComparer.Ordinal)
            .Where(f => written.GetValueOrDefault(f) != found.GetValueOrDefault(f))
            .Select(f => $"{f}: {written.GetValueOrDefault(f)} written, {found.GetValueOrDefault(f)} found")
            .ToList();
        Assert.True(differences.Count == 0, "Sql written in the source but not found by SqlStatements (or the reverse):\n" + string.Join("\n", differences));
        Assert.True(written.Values.Sum() > 100, "The scan found almost no SQL: is it reading the api folder?");
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    [System.Text.RegularExpressions.GeneratedRegex(@"\bSql\.(Portable|Dialects|SqliteOnly|SqlServerOnly)\(")]
    private static partial System.Text.RegularExpressions.Regex SqlWritten();

    [System.Text.RegularExpressions.GeneratedRegex(@"^namespace\s+(?<ns>[A-Za-z0-9_.]+)\s*;", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex FileNamespace();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(class|record|struct|interface)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial System.Text.RegularExpressions.Regex TypeDeclaration();

    [Theory]
    [InlineData("SELECT id FROM departments LIMIT 1")]
    [InlineData("INSERT INTO departments (id) VALUES (@Id) ON CONFLICT DO NOTHING")]
    public void The_parser_rejects_sqlite_only_syntax(string sqliteOnly)
    {
        Assert.NotEmpty(Parse(sqliteOnly));
    }

    private static void AssertParses(string name, string text)
    {
        var errors = Parse(text);
        Assert.True(errors.Count == 0, $"{name} does not parse as T-SQL: " + string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")));
    }

    internal static IList<ParseError> Parse(string text)
    {
        // Dapper expands a list parameter, "IN @Ids", into "IN (@Ids1, @Ids2, ...)" before the text reaches the server.
        text = DapperList().Replace(text, "IN (${name})");
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        parser.Parse(reader, out var errors);
        return errors;
    }

    private static Dictionary<string, string> AllStatements() =>
        Infrastructure.SqlStatements.All.ToDictionary(s => s.Key, s => s.Value.Sql.SqlServer);

    [System.Text.RegularExpressions.GeneratedRegex(@"\bIN\s+(?<name>@[A-Za-z_][A-Za-z0-9_]*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DapperList();
}
