using System.Reflection;
using System.Threading.RateLimiting;
using Alumni.Api.Infrastructure.Http;
using FastEndpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>Authentication schemes: the default one forwards to the session cookie or to an API key.</summary>
public static class AuthSchemes
{
    public const string Default = "Alumni";
    public const string Session = "Session";
    public const string ApiKey = "ApiKey";
}

/// <summary>
/// Authentication, authorization from the endpoints' <see cref="AccessAttribute"/>s, rate limiting with problem
/// answers, and the anti-forgery header. The Identity slice adds the handlers of the two schemes.
/// </summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Session cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? AuthSchemes.ApiKey
                    : AuthSchemes.Session);

        var rules = typeof(SecuritySetup).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<AccessAttribute>())
            .OfType<AccessAttribute>()
            .Where(r => r.Caller != Caller.Anonymous)
            .DistinctBy(r => r.PolicyName);
        builder.Services.AddAuthorization(o =>
        {
            foreach (var rule in rules)
            {
                o.AddPolicy(rule.PolicyName, p => p
                    .AddAuthenticationSchemes(AuthSchemes.Default)
                    .RequireAuthenticatedUser()
                    .RequireAssertion(c => c.User.Passes(rule)));
            }
        });

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => new ValueTask(context.HttpContext.SendTooManyRequestsAsync(
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1)));
        });
        return builder;
    }

    /// <summary>Between routing and the endpoints: who is calling, how often, with which token, and may they.</summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAntiForgeryHeader();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Applies an endpoint's access rule (FastEndpoints' endpoint configurator calls this for every endpoint).</summary>
    public static void ApplyAccessRule(EndpointDefinition endpoint)
    {
        var rule = endpoint.EndpointType.GetCustomAttribute<AccessAttribute>();
        if (rule is null)
        {
            // No declared rule: FastEndpoints' default (an authenticated caller) stays, and the authorization matrix test fails.
            return;
        }

        endpoint.Description(b => b.WithMetadata(rule));
        if (rule.Caller == Caller.Anonymous)
        {
            endpoint.AllowAnonymous();
        }
        else
        {
            endpoint.Policies(rule.PolicyName);
        }
    }

    /// <summary>A fixed-window limit per client address, for the rate-limited endpoints of a slice.</summary>
    public static RateLimiterOptions AddPerClientLimit(this RateLimiterOptions options, string policy, int permits, TimeSpan window) =>
        options.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
}
