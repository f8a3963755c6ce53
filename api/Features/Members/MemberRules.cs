using System.Text.RegularExpressions;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FluentValidation;

namespace Alumni.Api.Features.Members;

/// <summary>The rules for what a member or staff may write about a member.</summary>
internal static partial class MemberRules
{
    public const int MaxOtherEmails = 5;
    public const int MaxInterests = 20;
    public const int FirstYear = 1900;

    /// <summary>The university's rule: an alumnus has earned at least 1 hp here.</summary>
    public const decimal EligibleCredits = 1m;

    public static readonly string[] Languages = ["sv", "en"];

    public static bool IsEligible(IEnumerable<decimal> credits) => credits.Sum() >= EligibleCredits;

    /// <summary>The consents a sign-up asks for, as <c>members.requested_consents</c> stores them (null for none).</summary>
    public static string? FormatConsents(IEnumerable<ConsentChannel> channels)
    {
        var text = string.Join(',', channels.Distinct().Order());
        return text.Length == 0 ? null : text;
    }

    /// <summary>The consents a pending sign-up asks for, read back from <c>members.requested_consents</c>.</summary>
    public static IReadOnlyList<ConsentChannel> ParseConsents(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => Enum.TryParse<ConsentChannel>(c, out var channel) ? channel : (ConsentChannel?)null)
            .OfType<ConsentChannel>().Distinct().Order().ToList();

    /// <summary>Profile fields, as a member writes them on sign-up or their profile and staff on request.</summary>
    public sealed class ProfileValidator : AbstractValidator<ProfileInput>
    {
        public ProfileValidator()
        {
            RuleFor(p => p.FirstName).IsPersonName();
            RuleFor(p => p.LastName).IsPersonName();
            RuleFor(p => p.PreferredLanguage).IsLanguage();
            RuleFor(p => p.OtherEmails).Must(e => e.Count <= MaxOtherEmails)
                .WithMessage(_ => Texts.Get("members.atMostOtherAddresses", MaxOtherEmails));
            RuleForEach(p => p.OtherEmails).Must(TextRules.IsEmailAddress).WithMessage(_ => TextRules.InvalidEmail);
            RuleFor(p => p.Country).IsCountry();
            RuleFor(p => p.City).IsOptionalText(100);
            RuleFor(p => p.Employer).IsOptionalText(200);
            RuleFor(p => p.JobTitle).IsOptionalText(200);
            RuleFor(p => p.Industry).IsOptionalText(100);
            RuleFor(p => p.Bio).IsOptionalText(2000);
            RuleFor(p => p.LinkedInUrl!).Must(u => LinkedIn().IsMatch(u.Trim()))
                .WithMessage(_ => Texts.Get("members.useTheAddressOfA"))
                .When(p => !string.IsNullOrWhiteSpace(p.LinkedInUrl));
            RuleFor(p => p.Interests).Must(i => i.Count <= MaxInterests)
                .WithMessage(_ => Texts.Get("members.atMostInterests", MaxInterests));
            RuleForEach(p => p.Interests).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 50 && !TextRules.HasMarkup(t))
                .WithMessage(_ => Texts.Get("members.eachInterest150Characters"));
        }
    }

    /// <summary>A study at the university.</summary>
    public sealed class AffiliationValidator : AbstractValidator<AffiliationInput>
    {
        public AffiliationValidator(TimeProvider time)
        {
            var thisYear = time.GetUtcNow().Year;
            RuleFor(a => a.DepartmentCode).NotEmpty().WithMessage(_ => Texts.Get("members.chooseADepartment"));
            RuleFor(a => a.Programme).IsOptionalText(200);
            RuleFor(a => a.Credits)
                .GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Get("members.creditsCannotBeNegative"))
                .LessThanOrEqualTo(1000).WithMessage(_ => Texts.Get("members.atMost1000Credits"));
            RuleFor(a => a.StartYear)
                .Must(y => y is null || (y >= FirstYear && y <= thisYear + 1))
                .WithMessage(_ => Texts.Get("members.aYearFromTo", FirstYear, thisYear + 1));
            RuleFor(a => a.EndYear)
                .Cascade(CascadeMode.Stop)
                .Must(y => y is null || (y >= FirstYear && y <= thisYear + 10))
                .WithMessage(_ => Texts.Get("members.aYearFromTo", FirstYear, thisYear + 10))
                .Must((a, end) => end is null || a.StartYear is null || end >= a.StartYear)
                .WithMessage(_ => Texts.Get("members.theEndYearCannotBe"));
        }
    }

    /// <summary>Blank, or a current ISO 3166-1 alpha-2 code in any case (stored upper-cased): "Sverige" or "SW" is refused.</summary>
    public static IRuleBuilderOptions<T, string?> IsCountry<T>(this IRuleBuilderInitial<T, string?> rule) => rule
        .Must(c => string.IsNullOrWhiteSpace(c) || Countries.IsKnown(c))
        .WithMessage(_ => Texts.Get("members.chooseAKnownCountry"));

    public static IRuleBuilderOptions<T, string> IsLanguage<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Must(l => Languages.Contains(l))
        .WithMessage(_ => Texts.Get("members.chooseSvOrEn"));

    [GeneratedRegex(@"^https://([a-z]{2,3}\.)?linkedin\.com/(in|pub)/[A-Za-z0-9\-_%]{2,100}/?$")]
    private static partial Regex LinkedIn();
}
