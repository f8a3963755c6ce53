using Alumni.Api.Features.Newsletters.Segments;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Members;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// A segment's condition is written from the filters it sets, so no static statement shows its shapes: here every filter
/// alone and all of them together, with and without a department, are written into the count and the sample in both
/// dialects; the T-SQL parses and SQLite prepares it. <see cref="SqlStatements.Composed"/> hands the shape with every
/// filter to the table ownership test.
/// </summary>
public sealed class SegmentSqlTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    internal static readonly SegmentFilter Everything = new()
    {
        Departments = ["dsv", "MATH"], Faculty = "sci", GraduatedFrom = 2000, GraduatedTo = 2010, Country = "se", City = "Uppsala", Language = "sv",
        Offers = [MemberOffer.Mentor, MemberOffer.Panel], Industry = "IT", Tags = ["ai", "Climate"], AttendedEventIds = [Guid.NewGuid()],
        RegisteredEventIds = [Guid.NewGuid(), Guid.NewGuid()],
    };

    public static TheoryData<string> Shapes => new(Filters().Keys);

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_shape_parses_as_tsql_and_prepares_on_sqlite(string shape)
    {
        foreach (var department in new Guid?[] { null, Guid.NewGuid() })
        {
            var condition = SegmentSql.Condition(Filters()[shape], department, "c.member_id");
            foreach (var sql in new[] { SegmentSql.Count(condition), SegmentSql.Sample(condition) })
            {
                var errors = TSqlParseTests.Parse(sql.SqlServer);
                Assert.True(errors.Count == 0, $"{shape}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql.SqlServer);
                await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
                await session.QueryAsync<dynamic>(Sql.Portable("EXPLAIN " + sql.Sqlite), condition.Parameters, TestContext.Current.CancellationToken);
            }
        }
    }

    [Fact]
    public void Only_the_filters_a_segment_sets_are_in_its_condition()
    {
        var empty = SegmentSql.Condition(new SegmentFilter(), "x.id");
        var country = SegmentSql.Condition(new SegmentFilter { Country = " no " }, Guid.NewGuid(), "x.id");

        Assert.Equal("(1 = 1)", empty.Sqlite);
        Assert.Empty(empty.Parameters.ParameterNames);
        Assert.Contains("x.id IN (SELECT m.id FROM members m WHERE m.country = @FilterCountry)", country.SqlServer, StringComparison.Ordinal);
        Assert.Contains("x.id IN (SELECT sd.member_id FROM member_departments sd WHERE sd.department_id = @SegmentDepartmentId)", country.Sqlite, StringComparison.Ordinal);
        Assert.DoesNotContain("member_affiliations", country.Sqlite, StringComparison.Ordinal);
        Assert.Equal(["FilterCountry", "SegmentDepartmentId"], country.Parameters.ParameterNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_stored_filter_is_normalised_and_reads_back_the_same()
    {
        var json = SegmentSql.ToJson(new SegmentFilter { Departments = [" dsv", "DSV", "math"], Country = "se", Language = "EN", Tags = ["AI", "ai ", "Climate"], Offers = [MemberOffer.Panel, MemberOffer.Panel] });
        var read = SegmentSql.Parse(json);

        Assert.Equal(["DSV", "MATH"], read.Departments);
        Assert.Equal(("SE", "en"), (read.Country, read.Language));
        Assert.Equal(["AI", "Climate"], read.Tags);
        Assert.Equal([MemberOffer.Panel], read.Offers);
        Assert.Contains("\"offers\":[\"panel\"]", json, StringComparison.Ordinal);
    }

    /// <summary>The count and the sample with every filter and a department, for the table ownership test.</summary>
    internal static IEnumerable<(string Name, Sql Sql)> EveryFilter()
    {
        var condition = SegmentSql.Condition(Everything, Guid.NewGuid(), "c.member_id");
        yield return ("Count", SegmentSql.Count(condition));
        yield return ("Sample", SegmentSql.Sample(condition));
    }

    private static Dictionary<string, SegmentFilter> Filters() => new()
    {
        ["nothing"] = new(),
        ["departments"] = new() { Departments = ["DSV"] },
        ["faculty"] = new() { Faculty = "SCI" },
        ["graduated from"] = new() { GraduatedFrom = 2000 },
        ["graduated to"] = new() { GraduatedTo = 2000 },
        ["country"] = new() { Country = "SE" },
        ["city"] = new() { City = "Uppsala" },
        ["language"] = new() { Language = "en" },
        ["offers"] = new() { Offers = [MemberOffer.GuestLecture] },
        ["industry"] = new() { Industry = "IT" },
        ["tags"] = new() { Tags = ["ai"] },
        ["attended"] = new() { AttendedEventIds = [Guid.NewGuid()] },
        ["registered"] = new() { RegisteredEventIds = [Guid.NewGuid()] },
        ["everything"] = Everything,
    };
}
