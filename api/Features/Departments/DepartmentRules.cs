using FluentValidation;

namespace Alumni.Api.Features.Departments;

/// <summary>The rules department use cases share.</summary>
internal static class DepartmentRules
{
    public const int NameMaxLength = 200;
    public const string CodePattern = "^[A-Z][A-Z0-9-]{1,15}$";

    /// <summary>A department or faculty code: 2–16 characters, an upper-case letter first, then upper-case letters, digits or hyphens.</summary>
    public static IRuleBuilderOptions<T, string> IsCode<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty().WithMessage("Enter a code.")
        .Matches(CodePattern).WithMessage("Use 2–16 characters: an upper-case letter first, then upper-case letters (A–Z), digits or hyphens.");

    /// <summary>A name shown to people: present, at most 200 characters, no markup.</summary>
    public static IRuleBuilderOptions<T, string> IsName<T>(this IRuleBuilder<T, string> rule) => rule
        .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Enter a name.")
        .MaximumLength(NameMaxLength).WithMessage($"Use at most {NameMaxLength} characters.")
        .Must(n => n is null || n.IndexOfAny(['<', '>']) < 0).WithMessage("Names cannot contain < or >.");

    /// <summary>Route codes are matched case-insensitively: <c>/departments/dsv</c> is DSV.</summary>
    public static string NormaliseCode(string code) => code.Trim().ToUpperInvariant();
}
