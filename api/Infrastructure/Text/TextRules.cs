using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;

namespace Alumni.Api.Infrastructure.Text;

/// <summary>
/// The one set of rules for text that people write, used by every validator: names of people and of organisations,
/// e-mail addresses (and the one way to normalise them), free text, codes, and page requests. Characters that no field
/// may hold (control characters, bidirectional overrides) are refused for every request by <c>StrictRequests</c>;
/// zero-width characters are stripped from every JSON string as it is read (<see cref="StripZeroWidthConverter"/>).
/// </summary>
public static class TextRules
{
    public const int PersonNameMaxLength = 100;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 320;

    /// <summary>A character no text may hold: control characters (a tab and line breaks only in multi-line text) and bidirectional overrides.</summary>
    public static bool IsForbidden(char c, bool singleLine) => c switch
    {
        '\n' or '\r' or '\t' => singleLine,
        < ' ' or '\u007F' or (>= '\u0080' and <= '\u009F') => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    /// <summary>Zero-width characters, which make equal-looking text differ: stripped on the way in.</summary>
    public static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>The text without zero-width characters.</summary>
    public static string StripZeroWidth(string text) =>
        text.AsSpan().IndexOfAny("\u200B\u200C\u200D\u2060\uFEFF") < 0 ? text : string.Concat(text.Where(c => !IsZeroWidth(c)));

    /// <summary>The one form an e-mail address is stored and compared in.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>Trimmed text, or null for blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>An e-mail address of the form name@domain.tld, at most 320 characters.</summary>
    public static bool IsEmailAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Length <= EmailMaxLength && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var parsed)
        && parsed.Address == email.Trim() && parsed.Host.Contains('.');

    /// <summary>Markup characters, refused in names and short texts shown to people.</summary>
    public static bool HasMarkup(string text) => text.IndexOfAny(['<', '>']) >= 0;

    /// <summary>A person's name: present, at most 100 characters, no markup.</summary>
    public static IRuleBuilderOptions<T, string> IsPersonName<T>(this IRuleBuilderInitial<T, string> rule) => rule.IsName(PersonNameMaxLength);

    /// <summary>The name of an organisation, a department or a thing: present, at most 200 characters, no markup.</summary>
    public static IRuleBuilderOptions<T, string> IsName<T>(this IRuleBuilderInitial<T, string> rule, int max = NameMaxLength) => rule
        .Cascade(CascadeMode.Stop)
        .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Texts.Get("common.enterAName"))
        .Must(n => n.Trim().Length <= max).WithMessage(_ => Texts.Get("common.useAtMostCharacters", max))
        .Must(n => !HasMarkup(n)).WithMessage(_ => Texts.Get("common.namesCannotContainOr"));

    /// <summary>An e-mail address: present, at most 320 characters, of the form name@domain.</summary>
    public static IRuleBuilderOptions<T, string> IsEmail<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage(_ => Texts.Get("common.enterAnEMailAddress"))
        .MaximumLength(EmailMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", EmailMaxLength))
        .Must(IsEmailAddress).WithMessage(_ => InvalidEmail);

    /// <summary>The message for an address that is not one.</summary>
    public static string InvalidEmail => Texts.Get("common.enterAValidEMail");

    /// <summary>Optional text of at most <paramref name="max"/> characters (after trimming), without markup.</summary>
    public static IRuleBuilderOptions<T, string?> IsOptionalText<T>(this IRuleBuilderInitial<T, string?> rule, int max) => rule
        .Cascade(CascadeMode.Stop)
        .Must(t => t is null || t.Trim().Length <= max).WithMessage(_ => Texts.Get("common.useAtMostCharacters", max))
        .Must(t => t is null || !HasMarkup(t)).WithMessage(_ => Texts.Get("common.cannotContainOr"));

    /// <summary>Required free text of at most <paramref name="max"/> characters (after trimming).</summary>
    public static IRuleBuilderOptions<T, string> IsText<T>(this IRuleBuilderInitial<T, string> rule, int max) => rule
        .Cascade(CascadeMode.Stop)
        .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Texts.Get("common.writeSomething"))
        .Must(t => t.Trim().Length <= max).WithMessage(_ => Texts.Get("common.useAtMostCharacters", max));

    /// <summary>A code (of a department, a faculty): 2–16 characters, an upper-case letter first, then upper-case letters, digits or hyphens.</summary>
    public static IRuleBuilderOptions<T, string> IsCode<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage(_ => Texts.Get("common.enterACode"))
        .Matches(CodePattern).WithMessage(_ => Texts.Get("common.use216CharactersAn"));

    /// <summary>The pattern of <see cref="IsCode{T}"/>.</summary>
    public const string CodePattern = "^[A-Z][A-Z0-9-]{1,15}$";
}

/// <summary>Reads every JSON string without zero-width characters (<see cref="TextRules.StripZeroWidth"/>).</summary>
public sealed class StripZeroWidthConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } text ? TextRules.StripZeroWidth(text) : null;

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
