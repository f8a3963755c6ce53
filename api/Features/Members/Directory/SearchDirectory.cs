using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members.Directory;

/// <summary>
/// The alumni directory: active members search the members who chose to be listed (listing and directory consent),
/// and see each one's name and only the fields that member chose to show.
/// </summary>
[Access(Caller.SignedIn, Claim = MemberClaims.ActiveMember, ClaimHolders = MemberClaims.ActiveMembers)]
public sealed class SearchDirectory(Database db) : Endpoint<SearchDirectoryRequest, Paged<DirectoryEntry>>
{
    /// <summary>Always: the members who chose to be listed and consented to the directory.</summary>
    private const string Listed = """
        m.status = 'Active' AND m.directory_listed = 1
          AND EXISTS (SELECT 1 FROM member_consents c WHERE c.member_id = m.id AND c.channel = 'Directory' AND c.granted = 1)
        """;

    private const string Name = "(LOWER(m.first_name) LIKE @Pattern ESCAPE '\\' OR LOWER(m.last_name) LIKE @Pattern ESCAPE '\\')";
    private const string Country = "m.country = @Country";

    [Unscoped("the directory: members who chose to be listed, visible to every active member")]
    private const string Department = """
        EXISTS (SELECT 1 FROM member_affiliations a JOIN department_directory d ON d.id = a.department_id
                WHERE a.member_id = m.id AND d.code = @Department)
        """;

    private const string Columns = """
        SELECT m.id AS Id, m.first_name AS FirstName, m.last_name AS LastName, m.email AS Email, m.country AS Country,
               m.city AS City, m.employer AS Employer, m.job_title AS JobTitle, m.industry AS Industry,
               m.linkedin_url AS LinkedInUrl, m.bio AS Bio, m.offers_mentor AS OffersMentor,
               m.offers_guest_lecture AS OffersGuestLecture, m.offers_study_visit AS OffersStudyVisit,
               m.offers_panel AS OffersPanel, m.directory_fields AS DirectoryFields
        """;

    private static readonly Sql Interests = Sql.Portable("""
        SELECT member_id AS MemberId, tag AS Tag FROM member_interests WHERE member_id IN @Ids ORDER BY tag
        """);

    [Unscoped("the studies of listed members who chose to show them")]
    private static readonly Sql Studies = Sql.Portable("""
        SELECT a.member_id AS MemberId, d.code AS Code, a.end_year AS EndYear
        FROM member_affiliations a JOIN department_directory d ON d.id = a.department_id
        WHERE a.member_id IN @Ids
        ORDER BY a.end_year DESC
        """);

    public override void Configure()
    {
        Get("/directory");
        Description(b => b
            .WithName("members_searchDirectory")
            .WithSummary("Search the alumni directory")
            .WithDescription("For active members of the network. Shows listed members and only the fields each chose to show."));
    }

    public override async Task HandleAsync(SearchDirectoryRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var page = await Query(req).ReadAsync<Row>(session, req, ct);
        var rows = page.Items;
        var ids = new { Ids = db.Ids(rows.Select(r => r.Id)) };
        var interests = (rows.Count == 0 ? [] : await session.QueryAsync<(Guid MemberId, string Tag)>(Interests, ids, ct)).ToLookup(i => i.MemberId, i => i.Tag);
        var studies = (rows.Count == 0 ? [] : await session.QueryAsync<(Guid MemberId, string Code, int? EndYear)>(Studies, ids, ct))
            .ToLookup(s => s.MemberId, s => s.EndYear is null ? s.Code : $"{s.Code} {s.EndYear}");
        await Send.OkAsync(new Paged<DirectoryEntry>
        {
            Items = rows.Select(r => Entry(r, interests[r.Id].ToList(), studies[r.Id].ToList())).ToList(),
            Page = page.Page,
            PageSize = page.PageSize,
            Total = page.Total,
            TotalExact = page.TotalExact,
        }, ct);
    }

    /// <summary>
    /// The page a request asks for: the listed members, and only the filters it sets. A filter on a field finds only the
    /// members who show that field, so a search cannot reveal what a member chose to hide.
    /// </summary>
    internal static PagedQuery Query(SearchDirectoryRequest req)
    {
        var conditions = new SqlConditions()
            .Add(Listed)
            .Add(Name, "Pattern", Like.Containing(req.Q));
        if (!string.IsNullOrWhiteSpace(req.Country))
        {
            conditions.Add(Country, "Country", req.Country.Trim().ToUpperInvariant());
            Shows(conditions, DirectoryField.Country);
        }

        if (req.Offers is not null)
        {
            conditions.Add(MemberSql.OfferCondition(req.Offers));
            Shows(conditions, DirectoryField.Offers);
        }

        if (!string.IsNullOrWhiteSpace(req.Department))
        {
            conditions.Add(Department, "Department", req.Department.Trim().ToUpperInvariant());
            Shows(conditions, DirectoryField.Affiliations);
        }

        return new(Columns, "members m", conditions, "m.last_name, m.first_name, m.id");
    }

    private static DirectoryEntry Entry(Row r, IReadOnlyList<string> interests, IReadOnlyList<string> studies)
    {
        var shown = MemberSql.ParseFields(r.DirectoryFields).ToHashSet();
        T? Show<T>(DirectoryField field, T value) => shown.Contains(field) ? value : default;
        return new DirectoryEntry
        {
            Id = r.Id,
            FirstName = r.FirstName,
            LastName = r.LastName,
            Email = Show(DirectoryField.Email, r.Email),
            Country = Show(DirectoryField.Country, r.Country),
            City = Show(DirectoryField.City, r.City),
            Employer = Show(DirectoryField.Employer, r.Employer),
            JobTitle = Show(DirectoryField.JobTitle, r.JobTitle),
            Industry = Show(DirectoryField.Industry, r.Industry),
            LinkedInUrl = Show(DirectoryField.LinkedInUrl, r.LinkedInUrl),
            Bio = Show(DirectoryField.Bio, r.Bio),
            Interests = Show(DirectoryField.Interests, interests),
            Offers = Show(DirectoryField.Offers, MemberSql.Offers(r.OffersMentor, r.OffersGuestLecture, r.OffersStudyVisit, r.OffersPanel)),
            Affiliations = Show(DirectoryField.Affiliations, studies),
        };
    }

    /// <summary>
    /// "The member shows this field": its name between commas in the member's comma list of shown fields (the name is
    /// the enum's, a fixed text).
    /// </summary>
    private static void Shows(SqlConditions conditions, DirectoryField field) => conditions.Add(
        $"(',' || m.directory_fields || ',') LIKE '%,{field},%'",
        $"CONCAT(',', m.directory_fields, ',') LIKE '%,{field},%'");

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string? Email { get; init; }
        public string? Country { get; init; }
        public string? City { get; init; }
        public string? Employer { get; init; }
        public string? JobTitle { get; init; }
        public string? Industry { get; init; }
        public string? LinkedInUrl { get; init; }
        public string? Bio { get; init; }
        public bool OffersMentor { get; init; }
        public bool OffersGuestLecture { get; init; }
        public bool OffersStudyVisit { get; init; }
        public bool OffersPanel { get; init; }
        public string DirectoryFields { get; init; } = "";
    }

    public sealed class Validator : Validator<SearchDirectoryRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Q).MaximumLength(200)
                .WithMessage(_ => Texts.Get("members.atMost200Characters"));
            RuleFor(r => r.Country).IsCountry();
        }
    }
}
