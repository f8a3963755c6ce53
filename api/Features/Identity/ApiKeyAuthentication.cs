using System.Security.Claims;
using System.Text.Encodings.Web;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity;

/// <summary>
/// Authenticates an integration by <c>Authorization: Bearer alk_&lt;prefix&gt;_&lt;secret&gt;</c>: the prefix finds the key,
/// the SHA-256 of the whole key must match, and the key must be neither revoked nor expired. Its last use is
/// recorded (at most once a minute). A key never gets a session.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    Database db,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string KeyStart = "alk_";

    private static readonly Sql FindKey = Sql.Portable("""
        SELECT id           AS Id,
               name         AS Name,
               secret_hash  AS SecretHash,
               scopes       AS Scopes,
               expires_at   AS ExpiresAt,
               last_used_at AS LastUsedAt,
               revoked_at   AS RevokedAt
        FROM api_keys
        WHERE prefix = @Prefix
        """);

    private static readonly Sql Touch = Sql.Portable("""
        UPDATE api_keys SET last_used_at = @Now WHERE id = @Id
        """);

    /// <summary>The prefix of a presented key: <c>alk_</c> and the eight characters after it.</summary>
    public static string? PrefixOf(string key) =>
        key.StartsWith(KeyStart, StringComparison.Ordinal) && key.Length > KeyStart.Length + 9 && key[KeyStart.Length + 8] == '_'
            ? key[..(KeyStart.Length + 8)]
            : null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        if (PrefixOf(presented) is not { } prefix)
        {
            return AuthenticateResult.Fail("That is not an Alumni API key.");
        }

        var now = time.GetUtcNow();
        await using var session = await db.OpenAsync(Context.RequestAborted);
        var key = await session.QuerySingleOrDefaultAsync<KeyRow>(FindKey, new { Prefix = prefix }, Context.RequestAborted);
        if (key is null || !SecretTokens.Same(key.SecretHash, SecretTokens.Sha256(presented)))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        if (key.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The API key has been revoked.");
        }

        if (key.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The API key has expired.");
        }

        if (key.LastUsedAt is null || now - key.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await session.ExecuteAsync(Touch, new { key.Id, Now = now }, Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(AlumniClaims.Kind, AlumniClaims.Key),
            new(AlumniClaims.KeyId, key.Id.ToString()),
            new(AlumniClaims.KeyName, key.Name),
        };
        claims.AddRange(ApiKeyScopes.Parse(key.Scopes).Select(s => new Claim(AlumniClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, AlumniClaims.KeyName, null));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        await Problems.WriteAsync(Context, Problems.Create(Context, StatusCodes.Status401Unauthorized,
            result.Failure?.Message ?? "Send a valid API key as Authorization: Bearer <key>."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Problems.Create(Context, StatusCodes.Status403Forbidden, "The API key lacks the scope this needs."));

    private sealed record KeyRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string SecretHash { get; init; } = "";
        public string Scopes { get; init; } = "";
        public DateTimeOffset? ExpiresAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
    }
}
