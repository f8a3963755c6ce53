using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Preferences;

/// <summary>
/// The one-click unsubscribe of RFC 8058, which mail clients POST to the <c>List-Unsubscribe</c> address with the form
/// body <c>List-Unsubscribe=One-Click</c>: the campaign's topic off (everything, for a link from mail outside a
/// campaign), recorded with the campaign. It takes effect before the campaign's next batch (each recipient is checked
/// right before sending). Only a POST changes anything; the same link's GET is no endpoint (the web app's page shows).
/// </summary>
[Access(Caller.Anonymous)]
public sealed class OneClickUnsubscribe(Database db, PreferenceLinks links, PreferenceSql preferences, TimeProvider time)
    : EndpointWithoutRequest<OneClickUnsubscribeResponse>
{
    public override void Configure()
    {
        Post("/newsletters/unsubscribe/{token}");
        // Mail clients send the RFC 8058 form body (List-Unsubscribe=One-Click, multipart/form-data or form-urlencoded),
        // not JSON; it says nothing the route does not, so it is not read. A POST in another content type, or without one, is a 415 problem.
        Options(b => b.RequireRateLimiting(PreferenceRules.AnonymousLimit));
        Description(b => b
            .Accepts<OneClickUnsubscribeForm>("application/x-www-form-urlencoded", "multipart/form-data")
            .WithName("newsletters_unsubscribeOneClick")
            .WithSummary("Unsubscribe with one click (RFC 8058)")
            .WithDescription("The List-Unsubscribe-Post target of every newsletter mail; the body is List-Unsubscribe=One-Click (form-encoded). "
                + "Turns off the topic of the token's campaign, or every newsletter consent for a token without a campaign. Doing it again changes nothing more. "
                + "A malformed or forged token is a 404, an expired one a 410.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status410Gone, StatusCodes.Status429TooManyRequests));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var token = await PreferenceRules.ReadAsync(links, Route<string>("token") ?? "", ct);
        await using var session = await db.BeginAsync(ct);
        var member = await PreferenceSql.MemberAsync(session, token.MemberId, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.preferenceLinkNotValid"));
        var topic = await preferences.OneClickAsync(session, member, token.CampaignId, time.GetUtcNow(), ct);
        await session.CommitAsync(ct);
        await Send.OkAsync(new OneClickUnsubscribeResponse { TopicId = topic, Everything = topic is null }, ct);
    }
}
