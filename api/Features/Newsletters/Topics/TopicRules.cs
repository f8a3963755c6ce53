using System.Text.Json;
using System.Text.RegularExpressions;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using Alumni.Contracts.Newsletters;

namespace Alumni.Api.Features.Newsletters.Topics;

/// <summary>The rules of topics: keys, the channels a topic may use, the lengths of its texts.</summary>
internal static partial class TopicRules
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    /// <summary>The three consents mail is sent on; a topic uses one of them.</summary>
    public static readonly ConsentChannel[] MailChannels = [ConsentChannel.CentralNewsletter, ConsentChannel.DepartmentMailings, ConsentChannel.EventInvitations];

    /// <summary>The key of a department's topic.</summary>
    public static string DepartmentKey(string code) => "department-" + code.Trim().ToLowerInvariant();

    /// <summary>An enum value as stored: <c>central</c>, <c>department</c>.</summary>
    public static string Db<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>A custom topic's key: 2–40 characters, a lower-case letter first, not a seeded key.</summary>
    public static bool IsCustomKey(string key) =>
        KeyPattern().IsMatch(key) && key is not ("central" or "events") && !key.StartsWith("department-", StringComparison.Ordinal);

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex KeyPattern();
}
