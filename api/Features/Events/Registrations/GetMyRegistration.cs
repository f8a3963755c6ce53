using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Registrations;

/// <summary>My registration for an event: the confirmed or waiting one, else my latest (cancelled, or left the waiting list); 404 when I never registered.</summary>
[Access(Caller.SignedIn, Claim = MemberClaims.ActiveMember, ClaimHolders = MemberClaims.ActiveMembers)]
public sealed class GetMyRegistration(Database db) : Endpoint<MyRegistrationRequest, RegistrationResponse>
{
    public override void Configure()
    {
        Get("/me/events/{id}/registration");
        Description(b => b
            .WithName("events_getMyRegistration")
            .WithSummary("Get my registration for an event")
            .WithDescription("The confirmed or waiting registration (with the position on the waiting list), else the latest cancelled one; 404 when I never registered.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(MyRegistrationRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var member = await RegistrationSql.CallerMemberAsync(session, User, ct);
        var id = await session.ExecuteScalarAsync<Guid?>(RegistrationSql.LatestRegistration, new { EventId = req.Id, member.MemberId }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("events.youAreNotRegistered"));
        await Send.OkAsync((await RegistrationSql.LoadAsync(session, id, ct))!, ct);
    }
}
