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
    /// <summary>A total is counted exactly up to this many matches; beyond it a page says "more than this many".</summary>
    public const int CountLimit = 1000;

    /// <summary>The most words of a free-text search that are matched; the rest are ignored.</summary>
    public const int MaxWords = 8;

    /// <summary>Always present: the department scope (a coordinator sees the members of their departments).</summary>
    private const string Scope = """
        (@ScopeAll = 1 OR m.id IN (
            SELECT sa.member_id FROM member_affiliations sa
            WHERE sa.department_id IN (SELECT department_id FROM user_departments WHERE user_id = @ScopeUserId)))
        """;

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
    private const string StudyDepartment = "a.department_id IN (SELECT d.id FROM departments d WHERE d.code = @Department)";
    private const string StudyFaculty = "a.department_id IN (SELECT d.id FROM departments d JOIN faculties f ON f.id = d.faculty_id WHERE f.code = @Faculty)";
    private const string StudyFrom = "a.end_year >= @GraduatedFrom";
    private const string StudyTo = "a.end_year <= @GraduatedTo";

    private const string Country = "m.country = @Country";
    private const string City = "LOWER(m.city) = @City";
    private const string Language = "m.preferred_language = @Language";
    private const string Industry = "LOWER(m.industry) = @Industry";
    private const string Consent = "m.id IN (SELECT c.member_id FROM member_consents c WHERE c.channel = @Consent AND c.granted = 1)";
    private const string Tag = "m.id IN (SELECT i.member_id FROM member_interests i WHERE i.tag = @Tag)";

    /// <summary>Literal, so that SQL Server's filtered indexes on the offers apply.</summary>
    private static string Offer(MemberOffer offer) => offer switch
    {
        MemberOffer.Mentor => "m.offers_mentor = 1",
        MemberOffer.GuestLecture => "m.offers_guest_lecture = 1",
        MemberOffer.StudyVisitHost => "m.offers_study_visit = 1",
        MemberOffer.Panel => "m.offers_panel = 1",
        _ => throw new ArgumentOutOfRangeException(nameof(offer), offer, null),
    };

    private readonly bool hasOwnNameOrder;
    private readonly string sqliteCountSource;
    private readonly string sqliteCountWhere;

    private MemberSearch(List<string> sqlite, List<string> sqlServer, DynamicParameters arguments, bool hasOwnNameOrder)
    {
        SqliteWhere = Where(sqlite);
        SqlServerWhere = Where(sqlServer);
        Arguments = arguments;
        this.hasOwnNameOrder = hasOwnNameOrder;
        var textDriven = sqlite.Contains(TextIndexed);
        sqliteCountSource = textDriven ? TextDriving : "members m";
        sqliteCountWhere = textDriven ? Where(sqlite.Select(c => c == TextIndexed ? TextDriven : c)) : SqliteWhere;
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
        var args = new DynamicParameters();
        args.AddDynamicParams(new { scope.ScopeAll, scope.ScopeUserId, Skip = (req.Page - 1) * req.PageSize, Take = req.PageSize, CountLimit = CountLimit + 1 });
        var sqlite = new List<string> { Scope };
        var sqlServer = new List<string> { Scope };

        void Both(string condition, string? name = null, object? value = null)
        {
            sqlite.Add(condition);
            sqlServer.Add(condition);
            if (name is not null)
            {
                args.Add(name, value);
            }
        }

        if (req.Status is { } status)
        {
            Both(Status, "Status", status.ToString());
        }
        else
        {
            Both(NotErased);
        }

        var words = Words(req.Q);
        for (var i = 0; i < words.Count; i++)
        {
            args.Add($"Word{i}", Like.Containing(words[i]));
            sqlServer.Add(Word(i));
            if (words[i].Length < 3)
            {
                sqlite.Add(Word(i));
            }
        }

        var indexed = words.Where(w => w.Length >= 3).ToList();
        if (indexed.Count > 0)
        {
            sqlite.Add(TextIndexed);
            args.Add("TextMatch", string.Join(" AND ", indexed.Select(w => $"\"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")));
        }

        var study = new List<string>();
        if (Upper(req.Department) is { } department)
        {
            study.Add(StudyDepartment);
            args.Add("Department", department);
        }

        if (Upper(req.Faculty) is { } faculty)
        {
            study.Add(StudyFaculty);
            args.Add("Faculty", faculty);
        }

        if (req.GraduatedFrom is { } from)
        {
            study.Add(StudyFrom);
            args.Add("GraduatedFrom", from);
        }

        if (req.GraduatedTo is { } to)
        {
            study.Add(StudyTo);
            args.Add("GraduatedTo", to);
        }

        if (study.Count > 0)
        {
            Both(StudiesOpen + string.Join(" AND ", study) + ")");
        }

        if (Upper(req.Country) is { } country)
        {
            Both(Country, "Country", country);
        }

        if (Lower(req.City) is { } city)
        {
            Both(City, "City", city);
        }

        if (Lower(req.Language) is { } language)
        {
            Both(Language, "Language", language);
        }

        if (req.Consent is { } consent)
        {
            Both(Consent, "Consent", consent.ToString());
        }

        if (req.Offers is { } offer)
        {
            Both(Offer(offer));
        }

        if (Lower(req.Industry) is { } industry)
        {
            Both(Industry, "Industry", industry);
        }

        if (Lower(req.Tag) is { } tag)
        {
            Both(Tag, "Tag", tag);
        }

        return new MemberSearch(sqlite, sqlServer, args, hasOwnNameOrder: Upper(req.Country) is not null || req.Offers is not null);
    }

    /// <summary>The distinct words of a free-text search, lower-cased, at most <see cref="MaxWords"/>.</summary>
    public static IReadOnlyList<string> Words(string? q) => string.IsNullOrWhiteSpace(q)
        ? []
        : q.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxWords).ToList();

    private static string Where(IEnumerable<string> conditions) => "WHERE " + string.Join("\n  AND ", conditions);

    private static string? Upper(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static string? Lower(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
