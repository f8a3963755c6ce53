using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>Unsubscribes me from everything: every consent withdrawn, nothing more is sent.</summary>
[Access(Caller.SignedIn)]
public sealed class UnsubscribeMe(Database db, TimeProvider time) : EndpointWithoutRequest<MemberResponse>
{
    public override void Configure()
    {
        Post("/me/unsubscribe");
        Description(b => b
            .WithName("members_unsubscribeMe")
            .WithSummary("Unsubscribe from everything")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var id = await MyMember.IdAsync(session, HttpContext, ct);

        await MemberSql.SetConsentsAsync(session, id, Enum.GetValues<ConsentChannel>().Select(c => (c, false)), ConsentMethod.ProfilePage, now, ct);
        await session.ExecuteAsync(MemberSql.Unsubscribe, new { Id = id, Now = now }, ct);
        var member = (await MemberSql.LoadAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        await MyMember.SendAsync(HttpContext, member, StatusCodes.Status200OK, ct);
    }
}
