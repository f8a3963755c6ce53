using System.Reflection;
using Alumni.Api.Infrastructure.Security;
using FastEndpoints;

namespace Alumni.Api.Features.Identity;

/// <summary>
/// The scopes an API key can have: exactly those that some endpoint's access rule names, each with the operations
/// it opens (listed by the scopes endpoint). Stored on a key as a space-separated list.
/// </summary>
public static class ApiKeyScopes
{
    private static readonly Lazy<IReadOnlySet<string>> Known = new(() =>
        typeof(ApiKeyScopes).Assembly.GetTypes()
            .Where(t => t.IsAssignableTo(typeof(IEndpoint)))
            .Select(t => t.GetCustomAttribute<AccessAttribute>()?.Scope)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Every scope some endpoint accepts.</summary>
    public static IReadOnlySet<string> All => Known.Value;

    public static IReadOnlyList<string> Parse(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string Format(IEnumerable<string> scopes) => string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
