using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using Dapper;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>
/// The staff search over members, shared by the search and the export. The statement holds only the conditions a
/// request asks for, so each one can use its index (a filter written as <c>(@X IS NULL OR ...)</c> could use none).
/// Every condition is a fixed text below; a request chooses which of them apply, never what they say.
/// </summary>
internal sealed class MemberSearch
{
    /// <summary>A total is counted exactly up to this many matches (<see cref="PagedQuery.CountLimit"/>).</summary>
    public const int CountLimit = PagedQuery.CountLimit;

    /// <summary>The most words of a free-text search that are matched; the rest are ignored.</summary>
    public const int MaxWords = 8;

    /// <summary>Always present: the department scope (a coordinator sees the members of their departments).</summary>
    private static readonly string Scope = MemberScope.Condition;

    private const string NotErased = "m.status <> 'Erased'";
    private const string Status = "m.status = @Status";

    /// <summary>SQLite: the words of three or more characters, through the trigram index (members_search, migration 0005).</summary>
    private const string TextIndexed = "m.rowid IN (SELECT rowid FROM members_search WHERE members_search MATCH @TextMatch)";

    /// <summary>
    /// SQLite, for the count: the trigram index read as the outer loop (CROSS JOIN fixes the order), so that the count
    /// stops after <see cref="CountLimit"/> matches instead of first collecting every match of the text.
    /// </summary>
    private const string TextDriving = "members_search CROSS JOIN members m ON m.rowid = members_search.rowid";
    private const string TextDriven = "members_search MATCH @TextMatch";

    /// <summary>A word as a fragment of the search text: SQL Server for every word, SQLite for words too short for trigrams.</summary>
    private static string Word(int i) => $"m.search_text LIKE @Word{i} ESCAPE '\\'";

    /// <summary>The studies filters (department, faculty, graduation years) hold for one and the same study.</summary>
    private const string StudiesOpen = "m.id IN (SELECT a.member_id FROM member_affiliations a WHERE ";
    private const string StudyDepartment = "a.department_id IN (SELECT d.id FROM department_directory d WHERE d.code = @Department)";
    private const string StudyFaculty = "a.department_id IN (SELECT d.id FROM department_directory d WHERE d.faculty_code = @Faculty)";
    private const string StudyFrom = "a.end_year >= @GraduatedFrom";
    private const string StudyTo = "a.end_year <= @GraduatedTo";

    private const string Country = "m.country = @Country";
    private const string City = "LOWER(m.city) = @City";
    private const string Language = "m.preferred_language = @Language";
    private const string Industry = "LOWER(m.industry) = @Industry";
    private const string Consent = "m.id IN (SELECT c.member_id FROM member_consents c WHERE c.channel = @Consent AND c.granted = 1)";
    private const string Tag = "m.id IN (SELECT i.member_id FROM member_interests i WHERE i.tag_key = @Tag)";

    private readonly bool hasOwnNameOrder;
    private readonly string sqliteCountSource;
    private readonly string sqliteCountWhere;

    private MemberSearch(SqlConditions conditions, bool hasOwnNameOrder)
    {
        SqliteWhere = conditions.Where(DatabaseProvider.Sqlite);
        SqlServerWhere = conditions.Where(DatabaseProvider.SqlServer);
        Arguments = conditions.Arguments;
        this.hasOwnNameOrder = hasOwnNameOrder;
        var textDriven = conditions.HasSqlite(TextIndexed);
        sqliteCountSource = textDriven ? TextDriving : "members m";
        sqliteCountWhere = textDriven ? conditions.SqliteWhereWith(TextIndexed, TextDriven) : SqliteWhere;
    }

    /// <summary>The WHERE clause in SQLite's dialect.</summary>
    public string SqliteWhere { get; }

    /// <summary>The WHERE clause in SQL Server's dialect: every word of the text as LIKE, which SQLite runs as well.</summary>
    public string SqlServerWhere { get; }

    /// <summary>The arguments of the conditions, with paging (<c>@Skip</c>, <c>@Take</c>) and <c>@CountLimit</c>.</summary>
    public DynamicParameters Arguments { get; }

    /// <summary>The matches counted up to <see cref="CountLimit"/>, and one more to tell "exactly" from "at least".</summary>
    public Sql Count => Sql.Dialects(
        $"""
        SELECT COUNT(*) FROM (SELECT 1 AS one FROM {sqliteCountSource}
        {sqliteCountWhere}
        LIMIT @CountLimit) c
        """,
        $"""
        SELECT COUNT(*) FROM (SELECT TOP (@CountLimit) 1 AS one FROM members m
        {SqlServerWhere}) c
        """);

    /// <summary>A statement over the matches: a SELECT list, this search's FROM and WHERE, then each dialect's tail.</summary>
    /// <param name="columns">The SELECT list, over the members as <c>m</c>.</param>
    /// <param name="sqliteTail">SQLite's ORDER BY and paging.</param>
    /// <param name="sqlServerTail">SQL Server's ORDER BY and paging.</param>
    /// <param name="manyByName">
    /// The statement sorts by name and more than <see cref="CountLimit"/> members match. SQLite then walks a name-ordered
    /// index and keeps the rows that match, testing each row's text with LIKE: with that many matches a page is found
    /// after a few thousand rows, far sooner than collecting every match from the full-text index and sorting them (a
    /// common fragment such as "hotmail.com" has tens of thousands). Without statistics its planner cannot know the
    /// matches are many, so the name index is named; a country or an offer has a name-ordered index of its own, which the
    /// planner finds unaided. SQL Server's planner has statistics and needs no hint.
    /// </param>
    public Sql Statement(string columns, string sqliteTail, string sqlServerTail, bool manyByName = false) => Sql.Dialects(
        manyByName
            ? $"{columns}\nFROM members m{(hasOwnNameOrder ? "" : " INDEXED BY ix_members_name")}\n{SqlServerWhere}\n{sqliteTail}"
            : $"{columns}\nFROM members m\n{SqliteWhere}\n{sqliteTail}",
        $"{columns}\nFROM members m\n{SqlServerWhere}\n{sqlServerTail}");

    /// <summary>The search a request asks for, within a caller's scope.</summary>
    public static MemberSearch For(SearchMembersRequest req, DepartmentScope scope)
    {
        var where = new SqlConditions();
        where.Arguments.AddDynamicParams(new { scope.ScopeAll, scope.ScopeUserId });
        Paging.AddArguments(where.Arguments, req);
        where.Add(Scope);
        if (req.Status is { } status)
        {
            where.Add(Status, "Status", status.ToString());
        }
        else
        {
            where.Add(NotErased);
        }

        var words = Words(req.Q);
        for (var i = 0; i < words.Count; i++)
        {
            where.Arguments.Add($"Word{i}", Like.Containing(words[i]));
            where.Add(words[i].Length < 3 ? Word(i) : "", Word(i));
        }

        var indexed = words.Where(w => w.Length >= 3).ToList();
        if (indexed.Count > 0)
        {
            where.Arguments.Add("TextMatch", string.Join(" AND ", indexed.Select(w => $"\"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")));
            where.Add(TextIndexed, "");
        }

        var study = new SqlConditions();
        study.Add(StudyDepartment, "Department", Upper(req.Department))
            .Add(StudyFaculty, "Faculty", Upper(req.Faculty))
            .Add(StudyFrom, "GraduatedFrom", req.GraduatedFrom)
            .Add(StudyTo, "GraduatedTo", req.GraduatedTo);
        if (study.Conjunction(DatabaseProvider.SqlServer) is { Length: > 0 } studies)
        {
            where.Arguments.AddDynamicParams(study.Arguments);
            where.Add(StudiesOpen + studies + ")");
        }

        where.Add(Country, "Country", Upper(req.Country))
            .Add(City, "City", Lower(req.City))
            .Add(Language, "Language", Lower(req.Language))
            .Add(Consent, "Consent", req.Consent?.ToString())
            .Add(MemberSql.OfferCondition(req.Offers))
            .Add(Industry, "Industry", Lower(req.Industry))
            .Add(Tag, "Tag", string.IsNullOrWhiteSpace(req.Tag) ? null : MemberSql.InterestKey(req.Tag));
        return new MemberSearch(where, hasOwnNameOrder: Upper(req.Country) is not null || req.Offers is not null);
    }

    /// <summary>The distinct words of a free-text search, lower-cased, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? q) => string.IsNullOrWhiteSpace(q)
        ? []
        : q.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxWords).ToList();

    private static string? Upper(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static string? Lower(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
