using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>
/// Staff search over members: free text and filters, sorted, paged with a total. A coordinator finds only members
/// affiliated with their departments.
/// </summary>
[Access(Caller.Staff, Scope = MembersModule.ReadScope)]
public sealed class SearchMembers(Database db) : Endpoint<SearchMembersRequest, MemberPage>
{
    private const string Columns = """
        SELECT m.id AS Id, m.first_name AS FirstName, m.last_name AS LastName, m.email AS Email, m.country AS Country,
               m.city AS City, m.employer AS Employer, m.status AS Status, m.created_at AS CreatedAt
        FROM members m
        """;

    private static readonly Sql Count = Sql.Portable($"""
        SELECT COUNT(*) FROM members m
        {MemberSearch.Filter}
        """);

    private static readonly Sql ByName = Page("m.last_name, m.first_name, m.id");
    private static readonly Sql ByCreated = Page("m.created_at DESC, m.id DESC");
    private static readonly Sql ByUpdated = Page("m.updated_at DESC, m.id DESC");

    [Unscoped("the studies of members on a page that the department scope already chose")]
    private static readonly Sql PageAffiliations = Sql.Portable("""
        SELECT a.member_id AS MemberId, d.code AS Code, a.end_year AS EndYear
        FROM member_affiliations a
        JOIN departments d ON d.id = a.department_id
        WHERE a.member_id IN @Ids
        ORDER BY d.code
        """);

    public static readonly IReadOnlyList<string> Sorts = ["name", "created", "updated"];

    public override void Configure()
    {
        Get("/members");
        Description(b => b
            .WithName("members_search")
            .WithSummary("Search members")
            .WithDescription("Free text over names, addresses and employer; filters combine with AND. Coordinators see only members of their departments."));
    }

    public override async Task HandleAsync(SearchMembersRequest req, CancellationToken ct)
    {
        var args = MemberSearch.Arguments(req, DepartmentScope.Of(User));
        await using var session = await db.OpenAsync(ct);
        var total = await session.ExecuteScalarAsync<long>(Count, args, ct);
        var page = await session.QueryAsync<MemberSummary>(req.Sort switch { "created" => ByCreated, "updated" => ByUpdated, _ => ByName }, args, ct);
        var studies = (page.Count == 0
                ? []
                : await session.QueryAsync<StudyRow>(PageAffiliations, new { Ids = db.Ids(page.Select(m => m.Id)) }, ct))
            .ToLookup(a => a.MemberId);
        await Send.OkAsync(new MemberPage
        {
            Items = page.Select(m => m with
            {
                Departments = studies[m.Id].Select(s => s.Code).Distinct().ToList(),
                GraduationYear = studies[m.Id].Max(s => s.EndYear),
            }).ToList(),
            Total = (int)total,
            Page = req.Page,
            PageSize = req.PageSize,
        }, ct);
    }

    private sealed record StudyRow
    {
        public Guid MemberId { get; init; }
        public string Code { get; init; } = "";
        public int? EndYear { get; init; }
    }

    private static Sql Page(string orderBy) => Sql.Dialects(
        $"""
        {Columns}
        {MemberSearch.Filter}
        ORDER BY {orderBy}
        LIMIT @Take OFFSET @Skip
        """,
        $"""
        {Columns}
        {MemberSearch.Filter}
        ORDER BY {orderBy}
        OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
        """);

    public sealed class Validator : Validator<SearchMembersRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
            RuleFor(r => r.PageSize).InclusiveBetween(1, 200);
            RuleFor(r => r.Q).MaximumLength(200);
            RuleFor(r => r.Sort!).Must(s => Sorts.Contains(s))
                .WithMessage(_ => Texts.Pick("Sort by name, created or updated.", "Sortera efter name, created eller updated."))
                .When(r => r.Sort is not null);
            RuleFor(r => r.GraduatedTo).GreaterThanOrEqualTo(r => r.GraduatedFrom)
                .When(r => r.GraduatedFrom is not null && r.GraduatedTo is not null);
            RuleFor(r => r.Language!).Must(l => MemberRules.Languages.Contains(l.Trim().ToLowerInvariant()))
                .When(r => r.Language is not null);
        }
    }
}
