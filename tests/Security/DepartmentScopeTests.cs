using System.Reflection;
using System.Text.RegularExpressions;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Security;

/// <summary>
/// Department scope is a security boundary: every statement that reads or writes a table of department-owned rows
/// (a table with a <c>department_id</c> column) must filter by the caller's scope (<c>@ScopeAll</c> with
/// <c>@ScopeUserId</c>), or say why not with <see cref="UnscopedAttribute"/>. A new query that forgets it fails here.
/// </summary>
public sealed partial class DepartmentScopeTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    /// <summary>The scope's own source: which user coordinates which department.</summary>
    private static readonly string[] ScopeSources = ["user_departments"];

    [Fact]
    public async Task Every_statement_over_department_owned_rows_is_scoped_or_says_why_not()
    {
        var tables = await DepartmentOwnedTablesAsync();

        var violations = SqlStatements.All
            .Where(s => s.Value.Field.GetCustomAttribute<UnscopedAttribute>() is null)
            .SelectMany(s => Violations(s.Key, s.Value.Sql.Sqlite, tables).Concat(Violations(s.Key, s.Value.Sql.SqlServer, tables)))
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_check_catches_a_statement_that_forgets_the_scope()
    {
        string[] tables = ["events"];

        Assert.NotEmpty(Violations("forgetful", "SELECT e.id FROM events e WHERE e.department_id = @DepartmentId", tables));
        Assert.NotEmpty(Violations("half", "SELECT e.id FROM dbo.events e WHERE @ScopeAll = 1", tables));
        Assert.NotEmpty(Violations("joined", "SELECT d.code FROM departments d JOIN events e ON e.department_id = d.id", tables));
        Assert.Empty(Violations("scoped", """
            SELECT e.id FROM events e
            WHERE (@ScopeAll = 1 OR e.department_id IN (SELECT department_id FROM user_departments WHERE user_id = @ScopeUserId))
            """, tables));
        Assert.Empty(Violations("other", "SELECT id FROM departments", tables));
    }

    [Fact]
    public void An_admin_or_a_key_sees_every_department_and_a_coordinator_only_their_own()
    {
        var admin = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(AlumniClaims.Kind, AlumniClaims.Person), new(AlumniClaims.UserId, Guid.NewGuid().ToString()), new(AlumniClaims.Admin, "true")], "test"));
        var coordinatorId = Guid.NewGuid();
        var coordinator = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(AlumniClaims.Kind, AlumniClaims.Person), new(AlumniClaims.UserId, coordinatorId.ToString()), new(AlumniClaims.Department, Guid.NewGuid().ToString())], "test"));
        var key = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(AlumniClaims.Kind, AlumniClaims.Key)], "test"));

        Assert.True(DepartmentScope.Of(admin).ScopeAll);
        Assert.True(DepartmentScope.Of(key).ScopeAll);
        Assert.Equal(new DepartmentScope(false, coordinatorId), DepartmentScope.Of(coordinator));
        Assert.Equal(new DepartmentScope(false, Guid.Empty), DepartmentScope.Of(new System.Security.Claims.ClaimsPrincipal()));
    }

    private static IEnumerable<string> Violations(string name, string sql, IReadOnlyCollection<string> tables)
    {
        foreach (Match match in TableReference().Matches(sql))
        {
            var table = match.Groups["table"].Value.ToLowerInvariant();
            if (tables.Contains(table) && !(sql.Contains("@ScopeAll", StringComparison.Ordinal) && sql.Contains("@ScopeUserId", StringComparison.Ordinal)))
            {
                yield return $"{name} uses {table} without the department scope (@ScopeAll and @ScopeUserId) and without [Unscoped(\"why\")]";
            }
        }
    }

    private async Task<IReadOnlyList<string>> DepartmentOwnedTablesAsync()
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        var tables = await session.QueryAsync<string>(Sql.Portable("""
            SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
            WHERE m.type = 'table' AND p.name = 'department_id'
            """), null, TestContext.Current.CancellationToken);
        Assert.Contains("user_departments", tables);
        return tables.Except(ScopeSources).ToList();
    }

    [GeneratedRegex(@"\b(?:FROM|JOIN|UPDATE|INTO)\s+(?:dbo\.)?(?<table>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();
}
