using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Preferences;

/// <summary>
/// Changes made on the preference page reached from a mail's link: topics on and off, the language, or everything off;
/// consents change as the member's own act (method <c>UnsubscribeLink</c> in the consent history).
/// </summary>
[Access(Caller.Anonymous)]
public sealed class UpdatePreferences(Database db, PreferenceLinks links, PreferenceSql preferences, TimeProvider time)
    : Endpoint<UpdatePreferencesRequest, PreferencesResponse>
{
    public override void Configure()
    {
        Put("/newsletters/preferences/{token}");
        Options(b => b.RequireRateLimiting(PreferenceRules.AnonymousLimit));
        Description(b => b
            .WithName("newsletters_updatePreferences")
            .WithSummary("Change my newsletter preferences (link from a mail)")
            .WithDescription("Topics not named stay as they are. Turning a topic on gives its consent when it is not given; turning the central newsletter "
                + "or event invitations off withdraws that consent; a department's mailings or another list off leaves the consent for the rest. "
                + "unsubscribeAll withdraws all three newsletter consents. A malformed or forged token is a 404, an expired one a 410.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status410Gone, StatusCodes.Status429TooManyRequests));
    }

    public override async Task HandleAsync(UpdatePreferencesRequest req, CancellationToken ct)
    {
        var token = await PreferenceRules.ReadAsync(links, req.Token, ct);
        await using var session = await db.BeginAsync(ct);
        var member = await PreferenceSql.MemberAsync(session, token.MemberId, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.preferenceLinkNotValid"));
        await preferences.ChangeAsync(session, member, req, token.CampaignId, PreferenceMethod.PreferencePage, time.GetUtcNow(), ct);
        var answer = await PreferenceSql.LoadAsync(session, (await PreferenceSql.MemberAsync(session, member.MemberId, ct))!, ct);
        await session.CommitAsync(ct);
        await Send.OkAsync(answer, ct);
    }

    public sealed class Validator : Validator<UpdatePreferencesRequest>
    {
        public Validator() => PreferenceRules.ForChange(this);
    }
}
