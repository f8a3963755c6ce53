using System.Text.RegularExpressions;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>
/// The placeholders a toolkit item's texts may hold, written <c>{{name}}</c> (spaces inside the braces allowed), and
/// their filling for a department. A placeholder without a value is left as a visible marker
/// (<c>[saknas: name]</c> in Swedish texts, <c>[missing: name]</c> in English ones) and reported as missing, never blank.
/// </summary>
public static partial class ToolkitPlaceholders
{
    public const string DepartmentName = "department.name";
    public const string DepartmentCode = "department.code";
    public const string RecruitmentLink = "department.recruitment_link";
    public const string RecruitmentQr = "department.recruitment_qr";
    public const string CoordinatorName = "coordinator.name";
    public const string CoordinatorEmail = "coordinator.email";
    public const string CoordinatorPhone = "coordinator.phone";

    /// <summary>Every placeholder an item may use, in the order the editor lists them.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [DepartmentName, DepartmentCode, RecruitmentLink, RecruitmentQr, CoordinatorName, CoordinatorEmail, CoordinatorPhone];

    /// <summary>The placeholders in a text that are not <see cref="Known"/>, once each, as written (without braces).</summary>
    public static IEnumerable<string> Unknown(string? text) => Used(text).Where(name => !Known.Contains(name, StringComparer.Ordinal));

    /// <summary>The placeholders a text uses, once each, in order.</summary>
    public static IEnumerable<string> Used(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The text with each placeholder put in from <paramref name="values"/> (a null value: the missing marker of the
    /// text's language), adding the names without a value to <paramref name="missing"/>.
    /// </summary>
    public static string? Fill(string? text, IReadOnlyDictionary<string, string?> values, bool swedish, ISet<string> missing) =>
        text is null
            ? null
            : Placeholder().Replace(text, m =>
            {
                var name = m.Groups["name"].Value;
                if (values.TryGetValue(name, out var value) && value is not null)
                {
                    return value;
                }

                missing.Add(name);
                return swedish ? $"[saknas: {name}]" : $"[missing: {name}]";
            });

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}]*?)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
