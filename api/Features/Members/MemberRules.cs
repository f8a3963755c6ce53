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

    /// <summary>Profile fields, as a member writes them on sign-up or their profile and staff on request.</summary>
    public sealed class ProfileValidator : AbstractValidator<ProfileInput>
    {
        public ProfileValidator()
        {
            RuleFor(p => p.FirstName).IsPersonName();
            RuleFor(p => p.LastName).IsPersonName();
            RuleFor(p => p.PreferredLanguage).IsLanguage();
            RuleFor(p => p.OtherEmails).Must(e => e.Count <= MaxOtherEmails)
                .WithMessage(_ => Texts.Pick($"At most {MaxOtherEmails} other addresses.", $"Högst {MaxOtherEmails} andra adresser."));
            RuleForEach(p => p.OtherEmails).Must(TextRules.IsEmailAddress).WithMessage(_ => TextRules.InvalidEmail);
            RuleFor(p => p.Country!).Must(c => CountryCode().IsMatch(c.Trim().ToUpperInvariant()))
                .WithMessage(_ => Texts.Pick("Use a two-letter country code, like SE.", "Använd en landskod med två bokstäver, som SE."))
                .When(p => !string.IsNullOrWhiteSpace(p.Country));
            RuleFor(p => p.City).IsOptionalText(100);
            RuleFor(p => p.Employer).IsOptionalText(200);
            RuleFor(p => p.JobTitle).IsOptionalText(200);
            RuleFor(p => p.Industry).IsOptionalText(100);
            RuleFor(p => p.Bio).IsOptionalText(2000);
            RuleFor(p => p.LinkedInUrl!).Must(u => LinkedIn().IsMatch(u.Trim()))
                .WithMessage(_ => Texts.Pick("Use the address of a LinkedIn profile, like https://www.linkedin.com/in/your-name.",
                    "Använd adressen till en LinkedIn-profil, som https://www.linkedin.com/in/ditt-namn."))
                .When(p => !string.IsNullOrWhiteSpace(p.LinkedInUrl));
            RuleFor(p => p.Interests).Must(i => i.Count <= MaxInterests)
                .WithMessage(_ => Texts.Pick($"At most {MaxInterests} interests.", $"Högst {MaxInterests} intressen."));
            RuleForEach(p => p.Interests).Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 50 && !TextRules.HasMarkup(t))
                .WithMessage(_ => Texts.Pick("Each interest: 1–50 characters, no < or >.", "Varje intresse: 1–50 tecken, utan < eller >."));
        }
    }

    /// <summary>A study at the university.</summary>
    public sealed class AffiliationValidator : AbstractValidator<AffiliationInput>
    {
        public AffiliationValidator(TimeProvider time)
        {
            var thisYear = time.GetUtcNow().Year;
            RuleFor(a => a.DepartmentCode).NotEmpty().WithMessage(_ => Texts.Pick("Choose a department.", "Välj en institution."));
            RuleFor(a => a.Programme).IsOptionalText(200);
            RuleFor(a => a.Credits)
                .GreaterThanOrEqualTo(0).WithMessage(_ => Texts.Pick("Credits cannot be negative.", "Högskolepoäng kan inte vara negativa."))
                .LessThanOrEqualTo(1000).WithMessage(_ => Texts.Pick("At most 1000 credits.", "Högst 1000 högskolepoäng."));
            RuleFor(a => a.StartYear)
                .Must(y => y is null || (y >= FirstYear && y <= thisYear + 1))
                .WithMessage(_ => Texts.Pick($"A year from {FirstYear} to {thisYear + 1}.", $"Ett år från {FirstYear} till {thisYear + 1}."));
            RuleFor(a => a.EndYear)
                .Cascade(CascadeMode.Stop)
                .Must(y => y is null || (y >= FirstYear && y <= thisYear + 10))
                .WithMessage(_ => Texts.Pick($"A year from {FirstYear} to {thisYear + 10}.", $"Ett år från {FirstYear} till {thisYear + 10}."))
                .Must((a, end) => end is null || a.StartYear is null || end >= a.StartYear)
                .WithMessage(_ => Texts.Pick("The end year cannot be before the start year.", "Slutåret kan inte vara före startåret."));
        }
    }

    public static IRuleBuilderOptions<T, string> IsLanguage<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Must(l => Languages.Contains(l))
        .WithMessage(_ => Texts.Pick("Choose sv or en.", "Välj sv eller en."));

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex(@"^https://([a-z]{2,3}\.)?linkedin\.com/(in|pub)/[A-Za-z0-9\-_%]{2,100}/?$")]
    private static partial Regex LinkedIn();
}
