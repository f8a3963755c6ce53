using Alumni.Api.Features.Newsletters.Campaigns;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Data;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// The statements composed with a segment's condition (<see cref="RecipientSql"/>): with no segment and with one, each
/// parses as T-SQL, prepares on SQLite and holds the department scope.
/// </summary>
public sealed class RecipientSqlTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    /// <summary>A condition of the shape a segment gives, over the member id.</summary>
    private static readonly (string, string) Segment = (
        "c.member_id IN (SELECT sd.member_id FROM member_departments sd WHERE sd.department_id = @SegmentDepartmentId)",
        "c.member_id IN (SELECT sd.member_id FROM member_departments sd WHERE sd.department_id = @SegmentDepartmentId)");

    public static TheoryData<string> Shapes => new(Statements().Keys);

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_shape_parses_as_tsql_prepares_on_sqlite_and_is_scoped(string shape)
    {
        var sql = Statements()[shape];
        var errors = TSqlParseTests.Parse(sql.SqlServer);
        Assert.True(errors.Count == 0, $"{shape}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql.SqlServer);
        Assert.Contains("@ScopeAll", sql.Sqlite, StringComparison.Ordinal);
        Assert.Contains("@ScopeUserId", sql.SqlServer, StringComparison.Ordinal);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        await session.QueryAsync<dynamic>(Sql.Portable("EXPLAIN " + sql.Sqlite), new
        {
            Id = Guid.NewGuid(), TopicId = Guid.NewGuid(), BatchSize = 500, Now = DateTimeOffset.UtcNow, DepartmentId = (Guid?)null,
            SegmentDepartmentId = Guid.NewGuid(), ScopeAll = false, ScopeUserId = Guid.NewGuid(),
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Only_a_segment_adds_its_condition()
    {
        Assert.DoesNotContain("@SegmentDepartmentId", RecipientSql.Insert(RecipientSql.NoSegment).SqlServer, StringComparison.Ordinal);
        Assert.Contains("AND c.member_id IN (SELECT sd.member_id", RecipientSql.Insert(Segment).SqlServer, StringComparison.Ordinal);
        Assert.Contains("AND c.member_id IN (SELECT sd.member_id", RecipientSql.Audience(Segment).Sqlite, StringComparison.Ordinal);
    }

    private static Dictionary<string, Sql> Statements() => new()
    {
        ["recipients, no segment"] = RecipientSql.Insert(RecipientSql.NoSegment),
        ["recipients, a segment"] = RecipientSql.Insert(Segment),
        ["audience, no segment"] = RecipientSql.Audience(RecipientSql.NoSegment),
        ["audience, a segment"] = RecipientSql.Audience(Segment),
    };
}
