namespace Alumni.Api.Features.Identity;

/// <summary>
/// The two cookies of a signed-in browser: the session token (HttpOnly, never readable by scripts) and the
/// anti-forgery token (readable, so the web app can echo it in <c>X-CSRF-Token</c>). Secure everywhere but plain
/// http on this machine (localhost, 127.0.0.1), SameSite=Lax.
/// </summary>
public static class SessionCookies
{
    public const string Session = "alumni_session";
    public const string Csrf = "alumni_csrf";

    public static void Append(HttpContext context, string token, string csrf, DateTimeOffset expires)
    {
        context.Response.Cookies.Append(Session, token, Options(context, expires, httpOnly: true));
        context.Response.Cookies.Append(Csrf, csrf, Options(context, expires, httpOnly: false));
    }

    public static void Clear(HttpContext context)
    {
        context.Response.Cookies.Delete(Session, Options(context, null, httpOnly: true));
        context.Response.Cookies.Delete(Csrf, Options(context, null, httpOnly: false));
    }

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires, bool httpOnly) => new()
    {
        HttpOnly = httpOnly,
        Secure = !IsPlainLocalHttp(context.Request),
        SameSite = SameSiteMode.Lax,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };

    private static bool IsPlainLocalHttp(HttpRequest request) =>
        request.Scheme == "http" && request.Host.Host is "localhost" or "127.0.0.1" or "[::1]";
}
