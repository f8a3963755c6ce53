using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>How the calendar use cases answer: <c>text/calendar</c>, their caching, and a 304 for a copy still current.</summary>
internal static class CalendarResponses
{
    /// <summary>The media type of every calendar answer.</summary>
    public const string MediaType = "text/calendar; charset=utf-8";

    /// <summary>A public event's file: anyone may keep it, but asks again each time (a cancellation shows at once).</summary>
    public const string PublicFile = "public, no-cache";

    /// <summary>A member's own file: only their browser keeps it, and asks again each time.</summary>
    public const string PrivateFile = "private, no-cache";

    /// <summary>The private feed: never kept anywhere (its address is the credential, its content personal).</summary>
    public const string PrivateFeed = "private, no-store";

    /// <summary>The public feed: the web site and calendars may keep it five minutes.</summary>
    public const string PublicFeed = "public, max-age=300";

    /// <summary>
    /// An event's entity tag: its version, the language and what the reader may see of it (<paramref name="view"/>), so
    /// that another registration or language is another tag.
    /// </summary>
    public static string ETag(CalendarRow row, string language, string view) =>
        $"\"ics-{row.Version.ToString(CultureInfo.InvariantCulture)}-{language}-{view}\"";

    /// <summary>Sets the validators, and answers 304 when the request's <c>If-None-Match</c> names the tag (true: nothing more to write).</summary>
    public static async Task<bool> NotModifiedAsync(HttpContext http, string etag, DateTimeOffset lastModified, string cacheControl, CancellationToken ct)
    {
        var headers = http.Response.Headers;
        headers.CacheControl = cacheControl;
        headers.ETag = etag;
        headers.LastModified = lastModified.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        headers.Vary = HeaderNames.AcceptLanguage;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return false;
        }

        var matches = ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t == "*" || (t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t) == etag);
        if (matches)
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            await http.Response.StartAsync(ct);
        }

        return matches;
    }

    /// <summary>Writes a calendar; with <paramref name="fileName"/> as a download of that name.</summary>
    public static async Task WriteAsync(HttpContext http, byte[] calendar, string cacheControl, string? fileName, CancellationToken ct)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.CacheControl = cacheControl;
        response.ContentType = MediaType;
        if (fileName is not null)
        {
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        }

        response.ContentLength = calendar.Length;
        await response.Body.WriteAsync(calendar, ct);
    }
}
