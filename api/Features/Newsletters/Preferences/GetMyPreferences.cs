using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Preferences;

/// <summary>The signed-in member's newsletter preferences, as the preference page shows them.</summary>
[Access(Caller.SignedIn)]
public sealed class GetMyPreferences(Database db) : EndpointWithoutRequest<PreferencesResponse>
{
    public override void Configure()
    {
        Get("/me/newsletters/preferences");
        Description(b => b
            .WithName("newsletters_getMyPreferences")
            .WithSummary("Read my newsletter preferences")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var member = await PreferenceSql.MemberOfUserAsync(session, User.PersonId() ?? Guid.Empty, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.preferenceNoMemberRecord"));
        await Send.OkAsync(await PreferenceSql.LoadAsync(session, member, ct), ct);
    }
}
