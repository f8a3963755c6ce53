using Alumni.Api.Features.Events.Mail;
using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Registrations;

/// <summary>
/// Cancels my registration (confirmed → cancelled, its seats freed) or takes me off the waiting list (waiting → left,
/// at any time), with the event locked; freed seats promote from the waiting list (<see cref="WaitingList"/>).
/// </summary>
[Access(Caller.SignedIn, Claim = MemberClaims.ActiveMember, ClaimHolders = MemberClaims.ActiveMembers)]
public sealed class CancelMyRegistration(Database db, TimeProvider time, EventMailSignal mail) : Endpoint<MyRegistrationRequest, RegistrationResponse>
{
    public override void Configure()
    {
        Delete("/me/events/{id}/registration");
        Description(b => b
            .WithName("events_cancelMyRegistration")
            .WithSummary("Cancel my registration or leave the waiting list")
            .WithDescription("A confirmed registration is cancelled and its seats freed; a waiting one leaves the waiting list (at any time). "
                + "Freed seats promote from the waiting list: in queue order, every registration whose seats fit in the seats still free is "
                + "promoted (and told by mail); a group that does not fit is never split and keeps its place, and a later, smaller "
                + "registration that fits is promoted past it, so no seat stays empty. Answers the registration as it is now; 404 when I "
                + "have no confirmed or waiting registration for the event.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(MyRegistrationRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var ev = await RegistrationSql.LockEventAsync(session, req.Id, ct);
        var now = time.GetUtcNow();
        var member = await RegistrationSql.CallerMemberAsync(session, User, ct);
        var active = await session.QuerySingleOrDefaultAsync<RegistrationSql.ActiveRow>(RegistrationSql.ActiveRegistration,
            new { EventId = ev.Id, member.MemberId }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("events.youAreNotRegistered"));
        var promoted = await RegistrationSql.EndAsync(session, ev.Id, active, now, ct);
        var registration = (await RegistrationSql.LoadAsync(session, active.Id, ct))!;
        await session.CommitAsync(ct);
        if (promoted)
        {
            mail.Pulse();
        }

        await Send.OkAsync(registration, ct);
    }
}
