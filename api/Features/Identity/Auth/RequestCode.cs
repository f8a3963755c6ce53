using System.Net;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Identity;
using FastEndpoints;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity.Auth;

/// <summary>
/// Sends a one-time sign-in code to an address. The answer is the same whether or not anyone has that address
/// (no account enumeration): whoever proves they read the mail may sign in, and a new address becomes a user.
/// A new code replaces the address's earlier ones.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class RequestCode(Database db, IdentitySecrets secrets, IEmailSender email, TimeProvider time, IOptions<IdentityOptions> options)
    : Endpoint<RequestCodeRequest, CodeRequestedResponse>
{
    private static readonly Sql RecentCodes = Sql.Portable("""
        SELECT COUNT(*) AS Count, MIN(created_at) AS Oldest
        FROM sign_in_codes
        WHERE email = @Email AND created_at > @Since
        """);

    private static readonly Sql Supersede = Sql.Portable("""
        UPDATE sign_in_codes SET consumed_at = @Now WHERE email = @Email AND consumed_at IS NULL
        """);

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO sign_in_codes (id, email, code_hash, created_at, expires_at, failed_attempts, client_ip)
        VALUES (@Id, @Email, @CodeHash, @Now, @ExpiresAt, 0, @ClientIp)
        """);

    public override void Configure()
    {
        Post("/auth/code");
        Options(b => b.RequireRateLimiting(IdentityModule.CodeRequestLimit));
        Description(b => b
            .WithName("identity_requestCode")
            .WithSummary("Send a sign-in code")
            .WithDescription("E-mails a one-time code (valid for a few minutes, single use). The answer is the same for every address.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<CodeRequestedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status429TooManyRequests));
    }

    public override async Task HandleAsync(RequestCodeRequest req, CancellationToken ct)
    {
        var address = TextRules.NormaliseEmail(req.Email);
        var settings = options.Value;
        var now = time.GetUtcNow();
        var window = TimeSpan.FromMinutes(settings.RateLimitWindowMinutes);
        var code = IdentitySecrets.NewCode();
        var codeHash = await secrets.HashCodeAsync(address, code, ct);

        await using (var session = await db.BeginAsync(ct))
        {
            var recent = await session.QuerySingleOrDefaultAsync<RecentRow>(RecentCodes, new { Email = address, Since = now - window }, ct);
            if (recent is { Count: var count, Oldest: { } oldest } && count >= settings.CodeRequestsPerAddress)
            {
                throw ProblemException.TooManyRequests(oldest + window - now);
            }

            await session.ExecuteAsync(Supersede, new { Email = address, Now = now }, ct);
            await session.ExecuteAsync(Insert, new
            {
                Id = Guid.CreateVersion7(now),
                Email = address,
                CodeHash = codeHash,
                Now = now,
                ExpiresAt = now.AddMinutes(settings.CodeLifetimeMinutes),
                ClientIp = HttpContext.Connection.RemoteIpAddress?.ToString(),
            }, ct);
            await session.CommitAsync(ct);
        }

        await email.SendAsync(Message(address, code, settings.CodeLifetimeMinutes), ct);
        await Send.ResponseAsync(new CodeRequestedResponse
        {
            Message = Texts.Get("identity.ifThisAddressCanSign", settings.CodeLifetimeMinutes),
            ExpiresInMinutes = settings.CodeLifetimeMinutes,
        }, StatusCodes.Status202Accepted, ct);
    }

    private static EmailMessage Message(string to, string code, int minutes)
    {
        var subject = Texts.Get("identity.yourSignInCode", code);
        var lines = new[]
        {
            Texts.Get("identity.yourCodeForSigningIn", code),
            Texts.Get("identity.itIsValidForMinutes", minutes),
            Texts.Get("identity.ifYouDidNotAsk"),
        };
        var html = $"""
            <!DOCTYPE html>
            <html><body style="font-family: sans-serif">
            <p>{WebUtility.HtmlEncode(lines[0])}</p>
            <p style="font-size: 1.6em; letter-spacing: 0.2em"><strong>{code}</strong></p>
            <p>{WebUtility.HtmlEncode(lines[1])}</p>
            <p>{WebUtility.HtmlEncode(lines[2])}</p>
            </body></html>
            """;
        return new EmailMessage(to, null, subject, string.Join("\n\n", lines) + "\n", html);
    }

    private sealed record RecentRow
    {
        public int Count { get; init; }
        public DateTimeOffset? Oldest { get; init; }
    }

    public sealed class Validator : Validator<RequestCodeRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Email).IsEmail();
        }
    }
}
