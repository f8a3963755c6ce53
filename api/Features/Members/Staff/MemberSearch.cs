using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>The staff search over members, shared by the search and the export: its filter and its arguments.</summary>
internal static class MemberSearch
{
    /// <summary>The filter every variant shares; the department scope comes first.</summary>
    public const string Filter = $"""
        WHERE (@ScopeAll = 1 OR EXISTS (
                SELECT 1 FROM member_affiliations sa
                WHERE sa.member_id = m.id
                  AND sa.department_id IN (SELECT department_id FROM user_departments WHERE user_id = @ScopeUserId)))
          AND ((@Status IS NULL AND m.status <> 'Erased') OR m.status = @Status)
          AND (@Pattern IS NULL OR m.search_text LIKE @Pattern ESCAPE '\')
          AND (@Department IS NULL OR EXISTS (
                SELECT 1 FROM member_affiliations a JOIN departments d ON d.id = a.department_id
                WHERE a.member_id = m.id AND d.code = @Department))
          AND (@Faculty IS NULL OR EXISTS (
                SELECT 1 FROM member_affiliations a JOIN departments d ON d.id = a.department_id JOIN faculties f ON f.id = d.faculty_id
                WHERE a.member_id = m.id AND f.code = @Faculty))
          AND ((@GraduatedFrom IS NULL AND @GraduatedTo IS NULL) OR EXISTS (
                SELECT 1 FROM member_affiliations a
                WHERE a.member_id = m.id AND a.end_year >= COALESCE(@GraduatedFrom, 0) AND a.end_year <= COALESCE(@GraduatedTo, 9999)))
          AND (@Country IS NULL OR m.country = @Country)
          AND (@City IS NULL OR LOWER(m.city) = @City)
          AND (@Language IS NULL OR m.preferred_language = @Language)
          AND (@Consent IS NULL OR EXISTS (
                SELECT 1 FROM member_consents c WHERE c.member_id = m.id AND c.channel = @Consent AND c.granted = 1))
          AND {MemberSql.OfferFilter}
          AND (@Industry IS NULL OR LOWER(m.industry) = @Industry)
          AND (@Tag IS NULL OR EXISTS (SELECT 1 FROM member_interests i WHERE i.member_id = m.id AND i.tag = @Tag))
        """;

    /// <summary>The filter's arguments for a request and a caller's scope (with paging).</summary>
    public static object Arguments(SearchMembersRequest req, DepartmentScope scope) => new
    {
        scope.ScopeAll,
        scope.ScopeUserId,
        Status = req.Status?.ToString(),
        Pattern = Like.Containing(req.Q),
        Department = Upper(req.Department),
        Faculty = Upper(req.Faculty),
        req.GraduatedFrom,
        req.GraduatedTo,
        Country = Upper(req.Country),
        City = Lower(req.City),
        Language = Lower(req.Language),
        Consent = req.Consent?.ToString(),
        Offer = req.Offers?.ToString(),
        Industry = Lower(req.Industry),
        Tag = Lower(req.Tag),
        Skip = (req.Page - 1) * req.PageSize,
        Take = req.PageSize,
    };

    private static string? Upper(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

    private static string? Lower(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
