using Alumni.Api.Features.Members.Staff;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Tests.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Members;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Members;

/// <summary>
/// The member search writes its statement from the filters a request sets, so no static statement shows every shape
/// to the T-SQL parse and department scope tests. Here every filter alone, all of them together, and free text in each
/// form are written for both dialects: the T-SQL parses, SQLite prepares it, and the scope is in every one.
/// </summary>
public sealed class MemberSearchSqlTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    internal static readonly SearchMembersRequest Everything = new()
    {
        Q = "anna an lovelace", Status = MemberStatus.Active, Department = "dsv", Faculty = "sci", GraduatedFrom = 2000, GraduatedTo = 2010,
        Country = "se", City = "Uppsala", Language = "sv", Consent = ConsentChannel.CentralNewsletter, Offers = MemberOffer.Mentor,
        Industry = "IT", Tag = "ai", Sort = MemberSort.Name, Page = 2, PageSize = 20,
    };

    public static TheoryData<string> Shapes => new(Requests().Keys);

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_shape_parses_as_tsql_prepares_on_sqlite_and_carries_the_scope(string shape)
    {
        foreach (var scope in new[] { new DepartmentScope(true, Guid.Empty), new DepartmentScope(false, Guid.NewGuid()) })
        {
            var search = MemberSearch.For(Requests()[shape], scope);
            foreach (var (name, sql) in Statements(search))
            {
                var errors = TSqlParseTests.Parse(sql.SqlServer);
                Assert.True(errors.Count == 0, $"{shape} {name}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql.SqlServer);
                foreach (var text in new[] { sql.Sqlite, sql.SqlServer })
                {
                    Assert.Contains("@ScopeAll", text, StringComparison.Ordinal);
                    Assert.Contains("@ScopeUserId", text, StringComparison.Ordinal);
                }

                await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
                await session.QueryAsync<dynamic>(Sql.Portable("EXPLAIN " + sql.Sqlite), search.Arguments, TestContext.Current.CancellationToken);
            }
        }
    }

    [Fact]
    public void Only_the_filters_a_request_sets_are_in_its_statement()
    {
        var plain = MemberSearch.For(new SearchMembersRequest(), new DepartmentScope(true, Guid.Empty));
        var country = MemberSearch.For(new SearchMembersRequest { Country = " no " }, new DepartmentScope(true, Guid.Empty));

        Assert.DoesNotContain("@Country", plain.SqliteWhere, StringComparison.Ordinal);
        Assert.DoesNotContain("members_search", plain.SqliteWhere, StringComparison.Ordinal);
        Assert.Contains("m.country = @Country", country.SqlServerWhere, StringComparison.Ordinal);
        Assert.Equal("NO", country.Arguments.Get<string>("Country"));
    }

    [Fact]
    public void Free_text_goes_through_the_trigram_index_on_sqlite_and_like_on_sql_server()
    {
        var search = MemberSearch.For(new SearchMembersRequest { Q = "  Åsa  \"o\" hotmail.com  Åsa " }, new DepartmentScope(true, Guid.Empty));

        Assert.Equal(["åsa", "\"o\"", "hotmail.com"], MemberSearch.Words("  Åsa  \"o\" hotmail.com  Åsa "));
        Assert.Equal("\"åsa\" AND \"\"\"o\"\"\" AND \"hotmail.com\"", search.Arguments.Get<string>("TextMatch"));
        Assert.Contains("members_search MATCH @TextMatch", search.SqliteWhere, StringComparison.Ordinal);
        Assert.DoesNotContain("LIKE", search.SqliteWhere, StringComparison.Ordinal);
        Assert.Contains("m.search_text LIKE @Word2", search.SqlServerWhere, StringComparison.Ordinal);
        Assert.Equal("%hotmail.com%", search.Arguments.Get<string>("Word2"));

        var short2 = MemberSearch.For(new SearchMembersRequest { Q = "li ada" }, new DepartmentScope(true, Guid.Empty));
        Assert.Contains("m.search_text LIKE @Word0", short2.SqliteWhere, StringComparison.Ordinal);
        Assert.Equal("\"ada\"", short2.Arguments.Get<string>("TextMatch"));
    }

    internal static IEnumerable<(string Name, Sql Sql)> Statements(MemberSearch search)
    {
        yield return ("count", search.Count);
        foreach (var many in new[] { false, true })
        {
            yield return ($"page (many: {many})", search.Statement("SELECT m.id AS Id", "ORDER BY m.last_name, m.first_name, m.id LIMIT @Take OFFSET @Skip",
                "ORDER BY m.last_name, m.first_name, m.id OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY", manyByName: many));
        }

        yield return ("export", ExportMembers.Rows(search));
    }

    private static Dictionary<string, SearchMembersRequest> Requests() => new()
    {
        ["nothing"] = new SearchMembersRequest(),
        ["everything"] = Everything,
        ["q long"] = new SearchMembersRequest { Q = "lovelace" },
        ["q short"] = new SearchMembersRequest { Q = "an" },
        ["q quoted"] = new SearchMembersRequest { Q = "\"o'hara\" 50%_off [x]" },
        ["status"] = new SearchMembersRequest { Status = MemberStatus.Erased },
        ["department"] = new SearchMembersRequest { Department = "DSV" },
        ["faculty"] = new SearchMembersRequest { Faculty = "SCI" },
        ["graduated from"] = new SearchMembersRequest { GraduatedFrom = 2001 },
        ["graduated to"] = new SearchMembersRequest { GraduatedTo = 2001 },
        ["country"] = new SearchMembersRequest { Country = "NO" },
        ["city"] = new SearchMembersRequest { City = "Oslo" },
        ["language"] = new SearchMembersRequest { Language = "en" },
        ["consent"] = new SearchMembersRequest { Consent = ConsentChannel.EventInvitations },
        ["offer mentor"] = new SearchMembersRequest { Offers = MemberOffer.Mentor },
        ["offer guest lecture"] = new SearchMembersRequest { Offers = MemberOffer.GuestLecture },
        ["offer study visit"] = new SearchMembersRequest { Offers = MemberOffer.StudyVisitHost },
        ["offer panel"] = new SearchMembersRequest { Offers = MemberOffer.Panel },
        ["industry"] = new SearchMembersRequest { Industry = "Finance" },
        ["tag"] = new SearchMembersRequest { Tag = "climate" },
    };
}
