using Alumni.Api.Infrastructure.Text;
using FluentValidation;

namespace Alumni.Api.Features.Departments;

/// <summary>The rules department use cases share.</summary>
internal static class DepartmentRules
{
    public const int NameMaxLength = 200;

    /// <summary>The API-key scope that lets an integration create and change departments.</summary>
    public const string WriteScope = "departments:write";
    public const string CodePattern = "^[A-Z][A-Z0-9-]{1,15}$";

    /// <summary>A department or faculty code: 2–16 characters, an upper-case letter first, then upper-case letters, digits or hyphens.</summary>
    public static IRuleBuilderOptions<T, string> IsCode<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage(_ => Texts.Pick("Enter a code.", "Ange en kod."))
        .Matches(CodePattern).WithMessage(_ => Texts.Pick(
            "Use 2–16 characters: an upper-case letter first, then upper-case letters (A–Z), digits or hyphens.",
            "Använd 2–16 tecken: först en versal, sedan versaler (A–Z), siffror eller bindestreck."));

    /// <summary>A name shown to people: present, at most 200 characters, no markup.</summary>
    public static IRuleBuilderOptions<T, string> IsName<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Texts.Pick("Enter a name.", "Ange ett namn."))
        .MaximumLength(NameMaxLength).WithMessage(_ => Texts.Pick($"Use at most {NameMaxLength} characters.", $"Använd högst {NameMaxLength} tecken."))
        .Must(n => n.IndexOfAny(['<', '>']) < 0).WithMessage(_ => Texts.Pick("Names cannot contain < or >.", "Namn får inte innehålla < eller >."));

    /// <summary>The field error for a faculty code that names no faculty.</summary>
    public static string UnknownFaculty(string code) =>
        Texts.Pick($"No faculty has the code {code}.", $"Det finns ingen fakultet med koden {code}.");

    /// <summary>Route codes are matched case-insensitively: <c>/departments/dsv</c> is DSV.</summary>
    public static string NormaliseCode(string code) => code.Trim().ToUpperInvariant();
}
