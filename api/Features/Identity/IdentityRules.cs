using Alumni.Api.Infrastructure.Text;
using FluentValidation;

namespace Alumni.Api.Features.Identity;

/// <summary>The rules Identity use cases share.</summary>
internal static class IdentityRules
{
    public const int EmailMaxLength = 320;

    /// <summary>An e-mail address: present, at most 320 characters, of the form name@domain.</summary>
    public static IRuleBuilderOptions<T, string> IsEmail<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage(_ => Texts.Pick("Enter an e-mail address.", "Ange en e-postadress."))
        .MaximumLength(EmailMaxLength).WithMessage(_ => Texts.Pick($"Use at most {EmailMaxLength} characters.", $"Använd högst {EmailMaxLength} tecken."))
        .Must(e => System.Net.Mail.MailAddress.TryCreate(e.Trim(), out var parsed) && parsed.Address == e.Trim() && parsed.Host.Contains('.'))
        .WithMessage(_ => Texts.Pick("Enter a valid e-mail address, like name@example.org.", "Ange en giltig e-postadress, som namn@example.org."));
}
