using System.Globalization;

namespace Alumni.Api.Infrastructure.Http;

/// <summary>
/// Strong entity tags for optimistic concurrency: a resource's integer version, quoted (<c>"3"</c>).
/// </summary>
public static class EntityTags
{
    /// <summary>The entity tag of a version.</summary>
    public static string For(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Reads the request's <c>If-Match</c> header.</summary>
    public static IfMatch ReadIfMatch(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0 || values.All(string.IsNullOrWhiteSpace))
        {
            return new IfMatch(false, false, []);
        }

        var tags = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (tags.Contains("*"))
        {
            return new IfMatch(true, true, []);
        }

        // Weak tags never match under If-Match (RFC 9110 13.1.1: strong comparison); neither does anything unreadable.
        var versions = tags
            .Where(t => t.Length >= 2 && t[0] == '"' && t[^1] == '"')
            .Select(t => int.TryParse(t.AsSpan(1, t.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null)
            .OfType<int>()
            .ToList();
        return new IfMatch(true, false, versions);
    }
}

/// <summary>What an <c>If-Match</c> header asked for.</summary>
/// <param name="Present">The header was sent.</param>
/// <param name="Any">It was <c>*</c>: any current version.</param>
/// <param name="Versions">The versions it names.</param>
public sealed record IfMatch(bool Present, bool Any, IReadOnlyList<int> Versions)
{
    /// <summary>True when the header allows changing a resource at this version.</summary>
    public bool Matches(int version) => Any || Versions.Contains(version);
}
