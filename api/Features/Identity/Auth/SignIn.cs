using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Identity;
using FastEndpoints;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity.Auth;

/// <summary>
/// Signs in with an e-mailed code: checks it against the address's live codes (wrong tries counted against the address,
/// its codes die at the limit), adds the user if new, opens a server-side session and sets its cookies.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class SignIn(Database db, SignInCodes codes, IAuditLog audit, TimeProvider time, IOptions<IdentityOptions> options, IEnumerable<ISignInObserver> observers)
    : Endpoint<SignInRequest, MeResponse>
{
    private static readonly Sql RecordSignIn = Sql.Portable("""
        UPDATE users SET last_sign_in_at = @Now WHERE id = @Id
        """);

    private static readonly Sql InsertSession = Sql.Portable("""
        INSERT INTO sessions (id, user_id, token_hash, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at, user_agent, client_ip)
        VALUES (@Id, @UserId, @TokenHash, @CsrfToken, @Now, @Now, @IdleExpiresAt, @AbsoluteExpiresAt, @UserAgent, @ClientIp)
        """);

    public override void Configure()
    {
        Post("/auth/session");
        Options(b => b.RequireRateLimiting(IdentityModule.SignInLimit));
        Description(b => b
            .WithName("identity_signIn")
            .WithSummary("Sign in with a code")
            .WithDescription("Checks the e-mailed code and opens a session: an HttpOnly session cookie and a readable anti-forgery cookie. "
                + "A wrong or expired code is a field error on code; after too many wrong tries the code stops working.")
            .ProducesProblems(StatusCodes.Status429TooManyRequests));
    }

    public override async Task HandleAsync(SignInRequest req, CancellationToken ct)
    {
        var address = TextRules.NormaliseEmail(req.Email);
        var settings = options.Value;
        var now = time.GetUtcNow();
        var presented = await codes.HashAsync(address, req.Code, ct);
        await using var session = await db.BeginAsync(ct);
        var check = await codes.CheckAsync(session, address, presented, ct);
        if (check != CodeCheck.Accepted)
        {
            var known = await session.ExecuteScalarAsync<Guid?>(IdentitySql.UserIdByEmail, new { Email = address }, ct);
            await audit.WriteAsync(session, HttpContext, new AuditEvent(
                "auth.sign-in", "user", known?.ToString() ?? address, AuditEvent.Failure, check.ToString(), AuditActor.Claimed(address)), ct);
            await session.CommitAsync(ct);
            ThrowError(r => r.Code, check == CodeCheck.TooManyTries
                ? Texts.Get("identity.tooManyWrongTriesThis")
                : Texts.Get("identity.theCodeIsWrongOr"));
        }

        var userId = await IdentitySql.EnsureUserAsync(session, address, null, now, ct);
        await session.ExecuteAsync(RecordSignIn, new { Id = userId, Now = now }, ct);
        foreach (var observer in observers)
        {
            await observer.OnSignedInAsync(session, userId, address, now, ct);
        }

        var token = SecretTokens.NewToken();
        var csrf = SecretTokens.NewToken(24);
        var absolute = now.AddDays(settings.SessionAbsoluteDays);
        var idle = now.AddDays(settings.SessionIdleDays);
        var sessionId = Guid.CreateVersion7(now);
        await session.ExecuteAsync(InsertSession, new
        {
            Id = sessionId,
            UserId = userId,
            TokenHash = SecretTokens.Sha256(token),
            CsrfToken = csrf,
            Now = now,
            IdleExpiresAt = idle < absolute ? idle : absolute,
            AbsoluteExpiresAt = absolute,
            UserAgent = Truncate(HttpContext.Request.Headers.UserAgent.ToString(), 400),
            ClientIp = HttpContext.Connection.RemoteIpAddress?.ToString(),
        }, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent(
            "auth.sign-in", "user", userId.ToString(), Detail: $"session {sessionId}", Actor: new AuditActor(userId, address)), ct);
        var me = await IdentitySql.GetMeAsync(session, userId, csrf, ct);
        await session.CommitAsync(ct);

        SessionCookies.Append(HttpContext, token, csrf, absolute);
        await Send.OkAsync(me, ct);
    }

    private static string? Truncate(string value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];

    public sealed class Validator : Validator<SignInRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Email).IsEmail();
            RuleFor(r => r.Code)
                .Must(c => !string.IsNullOrWhiteSpace(c)).WithMessage(_ => Texts.Get("identity.enterTheCodeFromThe"))
                .MaximumLength(32).WithMessage(_ => Texts.Get("identity.thatIsNotACode"));
        }
    }
}
