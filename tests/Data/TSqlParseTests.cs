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
