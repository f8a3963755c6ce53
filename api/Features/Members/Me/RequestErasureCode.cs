using System.Net;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>
/// Sends me the code that confirms erasing me (members_eraseMe): a mail of its own, in my language, that says what
/// erasure removes and that ignoring it keeps my data. The code is a fresh one-time code under the sign-in codes' limits.
/// </summary>
[Access(Caller.SignedIn)]
public sealed class RequestErasureCode(Database db, IAccounts accounts, IEmailSender email) : EndpointWithoutRequest<ErasureCodeResponse>
{
    private static readonly Sql Language = Sql.Portable("SELECT preferred_language FROM members WHERE id = @Id");

    public override void Configure()
    {
        Post("/me/erase/code");
        Description(b => b
            .WithName("members_requestErasureCode")
            .WithSummary("Send me the code that confirms erasing me")
            .WithDescription("E-mails a one-time code to my address, for members_eraseMe.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<ErasureCodeResponse>(StatusCodes.Status202Accepted)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var address = User.FindFirst(AlumniClaims.Email)!.Value;
        string language;
        await using (var session = await db.OpenAsync(ct))
        {
            var id = await MyMember.IdAsync(session, HttpContext, ct);
            language = await session.ExecuteScalarAsync<string>(Language, new { Id = id }, ct) ?? "sv";
        }

        var issued = await accounts.IssueCodeAsync(HttpContext, address, ct);
        if (issued is not null)
        {
            await email.SendAsync(Message(address, language, issued), ct);
        }

        await Send.ResponseAsync(new ErasureCodeResponse
        {
            Message = Texts.Get("members.erasureCode.sent"),
            ExpiresInMinutes = issued?.LifetimeMinutes ?? 0,
        }, StatusCodes.Status202Accepted, ct);
    }

    /// <summary>The confirmation mail, in the member's language.</summary>
    internal static EmailMessage Message(string to, string language, IssuedCode issued)
    {
        using var _ = Texts.In(language);
        var subject = Texts.Get("members.erasureCode.subject");
        var intro = Texts.Get("members.erasureCode.intro");
        var after = new[]
        {
            Texts.Get("members.erasureCode.whatIsErased"),
            Texts.Get("members.erasureCode.validFor", issued.LifetimeMinutes),
            Texts.Get("members.erasureCode.ignore"),
        };
        var html = $"""
            <!DOCTYPE html>
            <html lang="{language}"><body style="font-family: sans-serif">
            <p>{WebUtility.HtmlEncode(intro)}</p>
            <p style="font-size: 1.6em; letter-spacing: 0.2em"><strong>{issued.Code}</strong></p>
            {string.Concat(after.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>\n"))}</body></html>
            """;
        var text = string.Join("\n\n", new[] { intro, issued.Code }.Concat(after)) + "\n";
        return new EmailMessage(to, null, subject, text, html);
    }
}
