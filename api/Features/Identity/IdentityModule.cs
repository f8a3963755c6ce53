using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;

namespace Alumni.Api.Features.Identity;

/// <summary>What the Identity slice adds to the host: its options, the two authentication handlers, the audit log and rate limits.</summary>
public sealed class IdentityModule : ISliceModule
{
    public const string CodeRequestLimit = "identity-code";
    public const string SignInLimit = "identity-sign-in";

    /// <inheritdoc />
    public IReadOnlyList<string> OwnedTables { get; } = ["users", "user_departments", "sign_in_codes", "sessions", "api_keys", "audit_log"];

    /// <inheritdoc />
    public IReadOnlyList<Published> Published { get; } = [];

    public void Add(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(IdentityOptions.Section);
        var options = section.Get<IdentityOptions>() ?? new IdentityOptions();
        builder.Services.Configure<IdentityOptions>(section);
        builder.Services.Configure<AlumniOptions>(builder.Configuration.GetSection(AlumniOptions.Section));
        builder.Services.AddSingleton<IdentitySecrets>();
        builder.Services.AddSingleton<SignInCodes>();
        builder.Services.AddSingleton<IAccounts, Accounts>();
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(AuthSchemes.Session, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);

        var window = TimeSpan.FromMinutes(options.RateLimitWindowMinutes);
        builder.Services.AddRateLimiter(o => o
            .AddPerClientLimit(CodeRequestLimit, options.CodeRequestsPerClient, window)
            .AddPerClientLimit(SignInLimit, options.SignInAttemptsPerClient, window));
    }
}

/// <summary>Configuration section <c>Alumni</c>: who administers a fresh installation.</summary>
public sealed class AlumniOptions
{
    public const string Section = "Alumni";

    /// <summary>Addresses made admins at start-up (the first admins of a new installation).</summary>
    public List<string> BootstrapAdmins { get; set; } = [];

    /// <summary>Seed a demo admin and a demo coordinator (Development only; <c>make run</c> turns it on).</summary>
    public bool DemoUsers { get; set; }
}
