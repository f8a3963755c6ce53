using Alumni.Contracts.Identity;

namespace Alumni.Api.Features.Identity.Audit;

/// <summary>
/// Which kind of event each audit action is: the one map of actions to <see cref="AuditKind"/>, by exact action or by
/// the prefix before the dot. The first match wins, so an exact action (<c>member.import</c>) is listed before the
/// prefix it would otherwise fall under (<c>member.</c>). A new action needs a line here (a test lists every action the
/// code writes) and a text in the web's <c>audit.actions</c>.
/// </summary>
internal static class AuditKinds
{
    private static readonly (AuditKind Kind, string Pattern)[] Map =
    [
        (AuditKind.Imports, "member.import"),
        (AuditKind.Imports, "import.%"),
        (AuditKind.SignIn, "auth.%"),
        (AuditKind.SignIn, "session.%"),
        (AuditKind.Members, "member.%"),
        (AuditKind.Departments, "department.%"),
        (AuditKind.Departments, "faculty.%"),
        (AuditKind.People, "user.%"),
        (AuditKind.People, "role.%"),
        (AuditKind.ApiKeys, "api-key.%"),
        (AuditKind.Recruitment, "campaign.%"),
        (AuditKind.Events, "event.%"),
        (AuditKind.Events, "occasion.%"),
        (AuditKind.Newsletters, "newsletter.%"),
        (AuditKind.Network, "network.%"),
    ];

    /// <summary>The kind of an action, or null when the map has no line for it.</summary>
    public static AuditKind? Of(string action)
    {
        foreach (var (kind, pattern) in Map)
        {
            if (Matches(action, pattern))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The fixed SQL condition on <c>a.action</c> that holds exactly for the actions of a kind.</summary>
    public static string Condition(AuditKind kind)
    {
        var own = Enumerable.Range(0, Map.Length).Where(i => Map[i].Kind == kind).ToList();
        var taken = Enumerable.Range(0, Map.Length)
            .Where(i => Map[i].Kind != kind && own.Any(o => i < o && Matches(Literal(Map[i].Pattern), Map[o].Pattern)))
            .Select(i => Map[i].Pattern)
            .ToList();
        var condition = "(" + string.Join(" OR ", own.Select(i => Like(Map[i].Pattern))) + ")";
        return taken.Count == 0 ? condition : $"{condition} AND NOT ({string.Join(" OR ", taken.Select(Like))})";
    }

    private static string Like(string pattern) => pattern.EndsWith('%') ? $"a.action LIKE '{pattern}'" : $"a.action = '{pattern}'";

    private static string Literal(string pattern) => pattern.TrimEnd('%');

    private static bool Matches(string action, string pattern) =>
        pattern.EndsWith('%') ? action.StartsWith(Literal(pattern), StringComparison.Ordinal) : action == pattern;
}
