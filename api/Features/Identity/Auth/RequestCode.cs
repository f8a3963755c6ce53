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
/// A new code leaves the address's earlier codes working (the last few a client was sent), so a third party asking for
/// codes cannot take away the one the owner holds. Requests are limited per address and client together (a 429 for that
/// client), and per address alone by a higher ceiling: past it no code is sent, but the answer stays the same.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class RequestCode(Database db, IdentitySecrets secrets, IEmailSender email, IAuditLog audit, TimeProvider time, IOptions<IdentityOptions> options)
    : Endpoint<RequestCodeRequest, CodeRequestedResponse>
{
    private const string SameClient = "(client_ip = @ClientIp OR (client_ip IS NULL AND @ClientIp IS NULL))";

    // SQL Server: the address's rows stay locked (UPDLOCK, HOLDLOCK: a key range on the address) until the new code is
    // written, so two requests at once cannot both pass a limit that only one of them fits under.
    private static readonly Sql RecentCodes = Sql.Dialects(
        $"""
        SELECT COUNT(*) AS Count,
               COALESCE(SUM(CASE WHEN {SameClient} THEN 1 ELSE 0 END), 0) AS FromClient,
               MIN(CASE WHEN {SameClient} THEN created_at END) AS OldestFromClient
        FROM sign_in_codes
        WHERE email = @Email AND created_at > @Since
        """,
        $"""
        SELECT COUNT(*) AS Count,
               COALESCE(SUM(CASE WHEN {SameClient} THEN 1 ELSE 0 END), 0) AS FromClient,
               MIN(CASE WHEN {SameClient} THEN created_at END) AS OldestFromClient
        FROM dbo.sign_in_codes WITH (UPDLOCK, HOLDLOCK)
        WHERE email = @Email AND created_at > @Since
        """);

    /// <summary>Retires this client's live codes for the address beyond the newest <c>@Keep</c>, making room for the new one.</summary>
    private static readonly Sql RetireOldest = Sql.Dialects(
        $"""
        UPDATE sign_in_codes SET consumed_at = @Now
        WHERE email = @Email AND consumed_at IS NULL AND expires_at > @Now AND {SameClient}
          AND id NOT IN (
              SELECT id FROM sign_in_codes
              WHERE email = @Email AND consumed_at IS NULL AND expires_at > @Now AND {SameClient}
              ORDER BY created_at DESC
              LIMIT @Keep)
        """,
        $"""
        UPDATE dbo.sign_in_codes SET consumed_at = @Now
        WHERE email = @Email AND consumed_at IS NULL AND expires_at > @Now AND {SameClient}
          AND id NOT IN (
              SELECT TOP (@Keep) id FROM dbo.sign_in_codes
              WHERE email = @Email AND consumed_at IS NULL AND expires_at > @Now AND {SameClient}
              ORDER BY created_at DESC)
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
        var code = await IssueAsync(db, secrets, audit, HttpContext, settings, time.GetUtcNow(), address, ct);
        if (code is not null)
        {
            await email.SendAsync(Message(address, code, settings.CodeLifetimeMinutes), ct);
        }

        await Send.ResponseAsync(new CodeRequestedResponse
        {
            Message = Texts.Get("identity.ifThisAddressCanSign", settings.CodeLifetimeMinutes),
            ExpiresInMinutes = settings.CodeLifetimeMinutes,
        }, StatusCodes.Status202Accepted, ct);
    }

    /// <summary>
    /// Makes a new code for the address within the limits (429 past the client's), and returns it for the caller to
    /// send; null past the address's ceiling, when nothing may be sent (the owner's codes already sent still work).
    /// </summary>
    internal static async Task<string?> IssueAsync(Database db, IdentitySecrets secrets, IAuditLog audit, HttpContext http,
        IdentityOptions settings, DateTimeOffset now, string address, CancellationToken ct)
    {
        var window = TimeSpan.FromMinutes(settings.RateLimitWindowMinutes);
        var clientIp = http.Connection.RemoteIpAddress?.ToString();
        var code = IdentitySecrets.NewCode();
        var codeHash = await secrets.HashCodeAsync(address, code, ct);
        var send = true;

        await using (var session = await db.BeginAsync(ct))
        {
            var recent = (await session.QuerySingleOrDefaultAsync<RecentRow>(RecentCodes, new { Email = address, Since = now - window, ClientIp = clientIp }, ct))!;
            if (recent is { FromClient: var fromClient, OldestFromClient: { } oldest } && fromClient >= settings.CodeRequestsPerAddressAndClient)
            {
                throw ProblemException.TooManyRequests(oldest + window - now);
            }

            if (recent.Count >= settings.CodeRequestsPerAddress)
            {
                // The address's ceiling: send nothing, answer as always (the owner's codes already sent still work).
                send = false;
                var known = await session.ExecuteScalarAsync<Guid?>(IdentitySql.UserIdByEmail, new { Email = address }, ct);
                await audit.WriteAsync(session, http, new AuditEvent(
                    "auth.code-request", "user", known?.ToString() ?? address, AuditEvent.Denied, "address ceiling", AuditActor.Claimed(address)), ct);
            }
            else
            {
                await session.ExecuteAsync(RetireOldest, new { Email = address, Now = now, ClientIp = clientIp, Keep = Math.Max(0, settings.LiveCodesPerClient - 1) }, ct);
                await session.ExecuteAsync(Insert, new
                {
                    Id = Guid.CreateVersion7(now),
                    Email = address,
                    CodeHash = codeHash,
                    Now = now,
                    ExpiresAt = now.AddMinutes(settings.CodeLifetimeMinutes),
                    ClientIp = clientIp,
                }, ct);
            }

            await session.CommitAsync(ct);
        }

        return send ? code : null;
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
        public int FromClient { get; init; }
        public DateTimeOffset? OldestFromClient { get; init; }
    }

    public sealed class Validator : Validator<RequestCodeRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Email).IsEmail();
        }
    }
}
