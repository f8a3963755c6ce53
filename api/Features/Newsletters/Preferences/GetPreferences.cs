using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Preferences;

/// <summary>
/// The preference page reached from a newsletter's link, without signing in: the member's topics with their state and
/// language. Reading it changes nothing (mail scanners follow links).
/// </summary>
[Access(Caller.Anonymous)]
public sealed class GetPreferences(Database db, PreferenceLinks links) : Endpoint<PreferenceTokenRequest, PreferencesResponse>
{
    public override void Configure()
    {
        Get("/newsletters/preferences/{token}");
        Options(b => b.RequireRateLimiting(PreferenceRules.AnonymousLimit));
        Description(b => b
            .WithName("newsletters_getPreferences")
            .WithSummary("Read my newsletter preferences (link from a mail)")
            .WithDescription("The token of a mail's preference link stands for signing in. Changes nothing. "
                + "A malformed or forged token is a 404, an expired one a 410.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status410Gone, StatusCodes.Status429TooManyRequests));
    }

    public override async Task HandleAsync(PreferenceTokenRequest req, CancellationToken ct)
    {
        var token = await PreferenceRules.ReadAsync(links, req.Token, ct);
        await using var session = await db.OpenAsync(ct);
        var member = await PreferenceSql.MemberAsync(session, token.MemberId, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.preferenceLinkNotValid"));
        await Send.OkAsync(await PreferenceSql.LoadAsync(session, member, ct), ct);
    }
}
