using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>
/// Staff search over members: free text and filters, sorted, paged with a total. A coordinator finds only members
/// affiliated with their departments.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersRead)]
public sealed class SearchMembers(Database db) : Endpoint<SearchMembersRequest, Paged<MemberSummary>>
{
    private const string Columns = """
        SELECT m.id AS Id, m.first_name AS FirstName, m.last_name AS LastName, m.email AS Email, m.country AS Country,
               m.city AS City, m.employer AS Employer, m.status AS Status, m.created_at AS CreatedAt
        """;

    private static string OrderBy(MemberSort sort) => sort switch
    {
        MemberSort.Created => "ORDER BY m.created_at DESC, m.id DESC",
        MemberSort.Updated => "ORDER BY m.updated_at DESC, m.id DESC",
        _ => "ORDER BY m.last_name, m.first_name, m.id",
    };

    [Unscoped("the studies of members on a page that the department scope already chose")]
    private static readonly Sql PageAffiliations = Sql.Portable("""
        SELECT a.member_id AS MemberId, d.code AS Code, a.end_year AS EndYear
        FROM member_affiliations a
        JOIN department_directory d ON d.id = a.department_id
        WHERE a.member_id IN @Ids
        ORDER BY d.code
        """);

    public override void Configure()
    {
        Get("/members");
        Description(b => b
            .WithName("members_search")
            .WithSummary("Search members")
            .WithDescription("Free text over names, e-mail addresses and employer (every word must occur, as a fragment of at least one field); filters combine with AND, and department, faculty and graduation years hold for one and the same study. The total is exact up to 1,000 matches. Coordinators see only members of their departments."));
    }

    public override async Task HandleAsync(SearchMembersRequest req, CancellationToken ct)
    {
        var search = MemberSearch.For(req, DepartmentScope.Of(User));
        await using var session = await db.OpenAsync(ct);
        var counted = await session.ExecuteScalarAsync<long>(search.Count, search.Arguments, ct);
        var sort = req.Sort ?? MemberSort.Name;
        var rows = await session.QueryAsync<MemberSummary>(
            search.Statement(Columns, $"{OrderBy(sort)}\nLIMIT @Take OFFSET @Skip", $"{OrderBy(sort)}\nOFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY",
                manyByName: sort == MemberSort.Name && counted > MemberSearch.CountLimit),
            search.Arguments, ct);
        var studies = (rows.Count == 0
                ? []
                : await session.QueryAsync<StudyRow>(PageAffiliations, new { Ids = db.Ids(rows.Select(m => m.Id)) }, ct))
            .ToLookup(a => a.MemberId);
        var items = rows.Select(m => m with
        {
            Departments = studies[m.Id].Select(s => s.Code).Distinct().ToList(),
            GraduationYear = studies[m.Id].Max(s => s.EndYear),
        }).ToList();
        await Send.OkAsync(Paging.Page(items, counted, req), ct);
    }

    private sealed record StudyRow
    {
        public Guid MemberId { get; init; }
        public string Code { get; init; } = "";
        public int? EndYear { get; init; }
    }

    public sealed class Validator : Validator<SearchMembersRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Q).MaximumLength(200);
            this.GraduationYears(r => r.GraduatedFrom, r => r.GraduatedTo);
            RuleFor(r => r.Country).IsCountryFilter();
            RuleFor(r => r.Language).IsLanguageFilter();
        }
    }
}
