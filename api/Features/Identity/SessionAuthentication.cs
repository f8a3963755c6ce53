using System.Security.Claims;
using System.Text.Encodings.Web;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity;

/// <summary>
/// Authenticates a browser by its session cookie: the token's hash must name a session that is neither revoked nor
/// expired. Use slides the idle expiry (written at most once a minute), never past the absolute expiry.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    Database db,
    TimeProvider time,
    IOptions<IdentityOptions> identity,
    IEnumerable<IClaimsContributor> contributors) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly Sql FindSession = Sql.Portable("""
        SELECT s.id                  AS Id,
               s.user_id             AS UserId,
               s.csrf_token          AS CsrfToken,
               s.last_seen_at        AS LastSeenAt,
               s.absolute_expires_at AS AbsoluteExpiresAt,
               u.email               AS Email,
               u.is_admin            AS IsAdmin
        FROM sessions s
        JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = @TokenHash
          AND s.revoked_at IS NULL
          AND s.idle_expires_at > @Now
          AND s.absolute_expires_at > @Now
        """);

    private static readonly Sql DepartmentIds = Sql.Portable("""
        SELECT department_id FROM user_departments WHERE user_id = @UserId
        """);

    private static readonly Sql Touch = Sql.Portable("""
        UPDATE sessions SET last_seen_at = @Now, idle_expires_at = @IdleExpiresAt WHERE id = @Id
        """);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Request.Cookies[SessionCookies.Session];
        if (string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var now = time.GetUtcNow();
        await using var session = await db.OpenAsync(Context.RequestAborted);
        var found = await session.QuerySingleOrDefaultAsync<SessionRow>(FindSession, new { TokenHash = SecretTokens.Sha256(token), Now = now }, Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("The session has ended (signed out, revoked or expired). Sign in again.");
        }

        if (now - found.LastSeenAt > TimeSpan.FromMinutes(1))
        {
            var idle = now.AddDays(identity.Value.SessionIdleDays);
            await session.ExecuteAsync(Touch, new { found.Id, Now = now, IdleExpiresAt = idle < found.AbsoluteExpiresAt ? idle : found.AbsoluteExpiresAt }, Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(AlumniClaims.Kind, AlumniClaims.Person),
            new(AlumniClaims.UserId, found.UserId.ToString()),
            new(AlumniClaims.Email, found.Email),
            new(AlumniClaims.SessionId, found.Id.ToString()),
            new(AlumniClaims.Csrf, found.CsrfToken),
        };
        if (found.IsAdmin)
        {
            claims.Add(new Claim(AlumniClaims.Admin, "true"));
        }

        foreach (var department in await session.QueryAsync<Guid>(DepartmentIds, new { found.UserId }, Context.RequestAborted))
        {
            claims.Add(new Claim(AlumniClaims.Department, department.ToString()));
        }

        foreach (var contributor in contributors)
        {
            claims.AddRange(await contributor.ClaimsForAsync(session, found.UserId, Context.RequestAborted));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, AlumniClaims.Email, null));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await Problems.WriteAsync(Context, Problems.Create(Context, StatusCodes.Status401Unauthorized,
            result.Failure?.Message ?? "Sign in first: this needs a signed-in person or an API key."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Problems.Create(Context, StatusCodes.Status403Forbidden, "Your role does not allow this."));

    private sealed record SessionRow
    {
        public Guid Id { get; init; }
        public Guid UserId { get; init; }
        public string CsrfToken { get; init; } = "";
        public DateTimeOffset LastSeenAt { get; init; }
        public DateTimeOffset AbsoluteExpiresAt { get; init; }
        public string Email { get; init; } = "";
        public bool IsAdmin { get; init; }
    }
}
