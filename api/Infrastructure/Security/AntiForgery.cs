using Alumni.Api.Infrastructure.Http;
using Alumni.Contracts.Problems;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>
/// Refuses unsafe requests (POST, PUT, PATCH, DELETE) authenticated by the session cookie unless they carry the
/// session's anti-forgery token in <c>X-CSRF-Token</c>. A cross-site page can make the browser send the cookie, but
/// cannot read the token nor set a custom header without a CORS preflight, which this API never grants. Requests with
/// an API key carry no cookie and need no token.
/// </summary>
public static class AntiForgery
{
    public const string HeaderName = "X-CSRF-Token";

    public static IApplicationBuilder UseAntiForgeryHeader(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.IsPerson() && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method))
        {
            var expected = context.User.FindFirst(AlumniClaims.Csrf)?.Value;
            var sent = context.Request.Headers[HeaderName].ToString();
            if (string.IsNullOrEmpty(expected) || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(sent), System.Text.Encoding.UTF8.GetBytes(expected)))
            {
                await Problems.WriteAsync(context, Problems.Create(context, StatusCodes.Status403Forbidden,
                    $"This request was made with the session cookie but without the {HeaderName} header of the session.",
                    ProblemTypes.AntiForgeryFailed, "Anti-forgery check failed"));
                return;
            }
        }

        await next(context);
    });
}
