using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Preferences;

/// <summary>The signed-in member changes their newsletter preferences (method <c>ProfilePage</c> in the consent history).</summary>
[Access(Caller.SignedIn)]
public sealed class UpdateMyPreferences(Database db, PreferenceSql preferences, TimeProvider time) : Endpoint<PreferencesChange, PreferencesResponse>
{
    public override void Configure()
    {
        Put("/me/newsletters/preferences");
        Description(b => b
            .WithName("newsletters_updateMyPreferences")
            .WithSummary("Change my newsletter preferences")
            .WithDescription("As newsletters_updatePreferences, signed in instead of with a mail's link.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(PreferencesChange req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var member = await PreferenceSql.MemberOfUserAsync(session, User.PersonId() ?? Guid.Empty, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.preferenceNoMemberRecord"));
        await preferences.ChangeAsync(session, member, req, null, PreferenceMethod.Profile, time.GetUtcNow(), ct);
        var answer = await PreferenceSql.LoadAsync(session, (await PreferenceSql.MemberAsync(session, member.MemberId, ct))!, ct);
        await session.CommitAsync(ct);
        await Send.OkAsync(answer, ct);
    }

    public sealed class Validator : Validator<PreferencesChange>
    {
        public Validator() => PreferenceRules.ForChange(this);
    }
}
