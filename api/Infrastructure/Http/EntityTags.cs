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

/// <summary>
/// Optimistic concurrency, the one way: a handler checks the <c>If-Match</c> header against the version it read
/// (<see cref="Check"/>), then makes its change with <c>UPDATE ... WHERE version = @Version</c> first and hands the row
/// count to <see cref="Changed"/>: 0 rows means another writer got there first, and the 412 thrown rolls back the unit of
/// work, so nothing else of the request is written. A missing header on an operation marked <see cref="RequiresIfMatch"/>
/// was already answered with 428 by <see cref="IfMatchRequired"/>.
/// </summary>
public static class Preconditions
{
    /// <summary>The version to write against: <paramref name="current"/>, when the request's If-Match allows it (or it sent none); else 412.</summary>
    public static int Check(HttpContext context, int current)
    {
        var ifMatch = EntityTags.ReadIfMatch(context.Request);
        if (ifMatch.Present && !ifMatch.Matches(current))
        {
            throw new ProblemException(StatusCodes.Status412PreconditionFailed,
                $"This has changed since you read it (its ETag is now {EntityTags.For(current)}). Read it again and reapply your change.");
        }

        return current;
    }

    /// <summary>Ends the request with 412 when the version-conditional UPDATE changed no row.</summary>
    public static void Changed(int rows)
    {
        if (rows == 0)
        {
            throw new ProblemException(StatusCodes.Status412PreconditionFailed,
                "This was changed by someone else just now. Read it again and reapply your change.");
        }
    }

    /// <summary>Sets the response's ETag to a version.</summary>
    public static void SetETag(HttpContext context, int version) => context.Response.Headers.ETag = EntityTags.For(version);
}

/// <summary>Answers 428 for an operation marked <see cref="RequiresIfMatch"/> when the request has no <c>If-Match</c>.</summary>
public sealed class IfMatchRequired : FastEndpoints.IGlobalPreProcessor
{
    public Task PreProcessAsync(FastEndpoints.IPreProcessorContext context, CancellationToken ct)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RequiresIfMatch>() is not null
            && !EntityTags.ReadIfMatch(context.HttpContext.Request).Present)
        {
            throw new ProblemException(StatusCodes.Status428PreconditionRequired,
                "Send the ETag you read in If-Match, so that a change made in the meantime is not overwritten.");
        }

        return Task.CompletedTask;
    }
}
