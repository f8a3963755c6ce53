namespace Alumni.Api.Infrastructure.Http;

/// <summary>
/// The headers every response carries, written as the response starts (so error answers, which clear the headers
/// before writing their problem, carry them too): <c>X-Content-Type-Options: nosniff</c>, a referrer policy, a content
/// security policy the built web app runs under (its scripts and styles are files of its own, none inline) that also
/// forbids framing, and, outside Development and Testing, <c>Strict-Transport-Security</c> on HTTPS requests (also
/// HTTPS as a trusted proxy forwards it). Every <c>/api</c> response is <c>Cache-Control: no-store</c> unless the
/// endpoint sets its own <c>Cache-Control</c>: most of them carry personal data, and none is worth a stale copy.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The content security policy of every response.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>The referrer policy of every response.</summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>HSTS outside Development and Testing: a year, for the host only (subdomains are the university's business).</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    /// <summary>Adds the headers; <paramref name="hsts"/> whether HTTPS responses tell browsers to stay on HTTPS.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool hsts) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            if (hsts && context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }

            if (context.Request.Path.StartsWithSegments("/api") && string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
