using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FluentValidation;

namespace Alumni.Api.Features.Members;

/// <summary>
/// What Members publishes of the member search's filters for other slices (Newsletters' segments): each filter as a
/// subquery of member ids, a fixed text with parameters named <c>@Filter…</c>, declared in
/// <see cref="MembersModule.Published"/>. Another slice embeds a text character for character, as
/// <c>column IN (text)</c>, and passes the parameters; it never writes conditions over Members' tables itself.
/// The filters mean what the member search's mean: city and industry in any case, interests by their key, and the
/// studies filters holding for one and the same study.
/// </summary>
public static class MemberFilters
{
    /// <summary>
    /// Members with a study that matches every studies filter given: at any of the departments with the codes
    /// <c>@FilterDepartments</c> (a list; ignored when <c>@FilterAnyDepartment</c> is 1), of the faculty
    /// <c>@FilterFaculty</c>, ending in <c>@FilterGraduatedFrom</c> or later and in <c>@FilterGraduatedTo</c> or earlier
    /// (each ignored when null). Arguments: <see cref="StudiesArguments"/>.
    /// </summary>
    public const string Studies = """
        SELECT a.member_id FROM member_affiliations a
        WHERE (@FilterAnyDepartment = 1 OR a.department_id IN (SELECT d.id FROM department_directory d WHERE d.code IN @FilterDepartments))
          AND (@FilterFaculty IS NULL OR a.department_id IN (SELECT d.id FROM department_directory d WHERE d.faculty_code = @FilterFaculty))
          AND (@FilterGraduatedFrom IS NULL OR a.end_year >= @FilterGraduatedFrom)
          AND (@FilterGraduatedTo IS NULL OR a.end_year <= @FilterGraduatedTo)
        """;

    /// <summary>Members living in the country <c>@FilterCountry</c> (upper-cased ISO code).</summary>
    public const string Country = "SELECT m.id FROM members m WHERE m.country = @FilterCountry";

    /// <summary>Members living in the city <c>@FilterCity</c> (lower-cased).</summary>
    public const string City = "SELECT m.id FROM members m WHERE LOWER(m.city) = @FilterCity";

    /// <summary>Members preferring the language <c>@FilterLanguage</c> (<c>sv</c>, <c>en</c>).</summary>
    public const string Language = "SELECT m.id FROM members m WHERE m.preferred_language = @FilterLanguage";

    /// <summary>Members working in the industry <c>@FilterIndustry</c> (lower-cased).</summary>
    public const string Industry = "SELECT m.id FROM members m WHERE LOWER(m.industry) = @FilterIndustry";

    /// <summary>Members with any of the interests <c>@FilterTags</c> (a list of keys, <see cref="InterestKey"/>).</summary>
    public const string Tags = "SELECT i.member_id FROM member_interests i WHERE i.tag_key IN @FilterTags";

    /// <summary>Every offer's text, published one by one.</summary>
    public static IReadOnlyList<MemberOffer> AllOffers { get; } = Enum.GetValues<MemberOffer>();

    /// <summary>Members who offer this (no parameters; the search's own condition, so that SQL Server's filtered indexes apply).</summary>
    public static string Offer(MemberOffer offer) => $"SELECT m.id FROM members m WHERE {MemberSql.OfferCondition(offer)}";

    /// <summary>The arguments of <see cref="Studies"/>: department codes and faculty upper-cased, none given as null or empty.</summary>
    public static object StudiesArguments(IReadOnlyCollection<string> departmentCodes, string? faculty, int? graduatedFrom, int? graduatedTo) => new
    {
        FilterAnyDepartment = departmentCodes.Count == 0,
        FilterDepartments = departmentCodes.Count == 0 ? new List<string> { "" } : departmentCodes.Select(Code).Distinct().ToList(),
        FilterFaculty = string.IsNullOrWhiteSpace(faculty) ? null : Code(faculty),
        FilterGraduatedFrom = graduatedFrom,
        FilterGraduatedTo = graduatedTo,
    };

    /// <summary>A department or faculty code as stored: trimmed, upper case.</summary>
    public static string Code(string code) => code.Trim().ToUpperInvariant();

    /// <summary>What an interest is matched by (the member search's rule).</summary>
    public static string InterestKey(string tag) => MemberSql.InterestKey(tag);

    /// <summary>A city or an industry as the filters compare it.</summary>
    public static string? Folded(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
}

/// <summary>
/// The member search's rules for its filters, which every filter in its vocabulary follows (the staff search, and
/// Newsletters' segments).
/// </summary>
public static class MemberFilterRules
{
    /// <summary>The graduation years: the last not before the first.</summary>
    public static void GraduationYears<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, int?>> from,
        System.Linq.Expressions.Expression<Func<T, int?>> to)
    {
        var first = from.Compile();
        var last = to.Compile();
        validator.RuleFor(to).GreaterThanOrEqualTo(from).When(r => first(r) is not null && last(r) is not null);
    }

    /// <summary>Blank, or a known ISO country code in any case.</summary>
    public static IRuleBuilderOptions<T, string?> IsCountryFilter<T>(this IRuleBuilderInitial<T, string?> rule) => rule.IsCountry();

    /// <summary>Blank, or <c>sv</c> or <c>en</c> in any case.</summary>
    public static IRuleBuilderOptions<T, string?> IsLanguageFilter<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Must(l => l is null || MemberRules.Languages.Contains(l.Trim().ToLowerInvariant()))
        .WithMessage(_ => Texts.Get("members.chooseSvOrEn"));

    /// <summary>An interest tag as a member may write one.</summary>
    public static IRuleBuilderOptions<T, string> IsInterestFilter<T>(this IRuleBuilder<T, string> rule) => rule
        .Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 50 && !TextRules.HasMarkup(t))
        .WithMessage(_ => Texts.Get("members.eachInterest150Characters"));
}
