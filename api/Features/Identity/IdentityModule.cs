using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.OpenApi;
using Alumni.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.OpenApi;

namespace Alumni.Api.Features.Identity;

/// <summary>What the Identity slice adds to the host: its options, the two authentication handlers, the audit log and rate limits.</summary>
public sealed class IdentityModule : ISliceModule
{
    public const string CodeRequestLimit = "identity-code";
    public const string SignInLimit = "identity-sign-in";

    /// <inheritdoc />
    public IReadOnlyList<string> OwnedTables { get; } = ["users", "user_departments", "sign_in_codes", "sessions", "api_keys", "audit_log", "caller_names", "staff_department_access"];

    /// <inheritdoc />
    public IReadOnlyList<Published> Published { get; } =
    [
        Infrastructure.Hosting.Published.Fragment("StaffScope.CallerDepartments", StaffScope.CallerDepartments),
        Infrastructure.Hosting.Published.View("caller_names"),
        Infrastructure.Hosting.Published.View("staff_department_access"),
    ];

    public void Add(WebApplicationBuilder builder)
    {
        // How callers authenticate, for the contract: the session cookie and its anti-forgery token, and API keys.
        builder.Services.ConfigureSwaggerGen(o =>
        {
                o.AddSecurityDefinition(ContractDocumentation.SessionScheme, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = SessionCookies.Session,
                    Description = "The session cookie set by identity_signIn (HttpOnly).",
                });
                o.AddSecurityDefinition(ContractDocumentation.CsrfScheme, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = AntiForgery.HeaderName,
                    Description = "The session's anti-forgery token (identity_me's csrfToken, or the " + SessionCookies.Csrf + " cookie), required on POST, PUT, PATCH and DELETE with the session cookie.",
                });
                o.AddSecurityDefinition(ContractDocumentation.ApiKeyScheme, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key made by an admin (identity_createApiKey), sent as Authorization: Bearer alk_... Its scopes decide what it may call.",
                });
        });
        var section = builder.Configuration.GetSection(IdentityOptions.Section);
        var options = section.Get<IdentityOptions>() ?? new IdentityOptions();
        builder.Services.Configure<IdentityOptions>(section);
        builder.Services.Configure<AlumniOptions>(builder.Configuration.GetSection(AlumniOptions.Section));
        builder.Services.AddSingleton<IdentitySecrets>();
        builder.Services.AddSingleton<SignInCodes>();
        builder.Services.AddSingleton<IAccounts, Accounts>();
        builder.Services.AddSingleton<IAuditLog, AuditLog>();
        builder.Services.AddSingleton<IDepartmentAccess, Users.DepartmentAccess>();
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
