using Alumni.Api.Infrastructure.Text;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members.Me;

/// <summary>Gives or withdraws my consents, channel by channel; each change is kept in the history.</summary>
[Access(Caller.SignedIn)]
public sealed class UpdateMyConsents(Database db, TimeProvider time) : Endpoint<UpdateConsentsRequest, MemberResponse>
{
    public override void Configure()
    {
        Put("/me/consents");
        Description(b => b
            .WithName("members_updateMyConsents")
            .WithSummary("Change my consents")
            .WithDescription("Channels not named stay as they are. Granting any consent ends an unsubscription.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(UpdateConsentsRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var id = await MyMember.IdAsync(session, HttpContext, ct);

        await MemberSql.SetConsentsAsync(session, id, req.Changes.Select(c => (c.Channel, c.Granted)), ConsentMethod.ProfilePage, now, ct);
        var current = (await MemberSql.LoadAsync(session, id, ct))!;
        await session.ExecuteAsync(MemberSql.SyncListing, new
        {
            Id = id,
            Listed = current.Consents.Any(c => c.Channel == ConsentChannel.Directory && c.Granted),
            AnyGranted = req.Changes.Any(c => c.Granted),
            Now = now,
        }, ct);
        var member = (await MemberSql.LoadAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        await MyMember.SendAsync(HttpContext, member, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<UpdateConsentsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Changes).NotEmpty();
            RuleFor(r => r.Changes).Must(c => c.Select(x => x.Channel).Distinct().Count() == c.Count)
                .WithMessage(_ => Texts.Get("members.nameEachChannelOnce"));
        }
    }
}
