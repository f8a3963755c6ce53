using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>My member record: profile, studies, consents. 404 for a signed-in person who is not a member.</summary>
[Access(Caller.SignedIn)]
public sealed class GetMyProfile(Database db) : EndpointWithoutRequest<MemberResponse>
{
    public override void Configure()
    {
        Get("/me/profile");
        Description(b => b
            .WithName("members_getMyProfile")
            .WithSummary("Get my member profile")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var id = await MyMember.IdAsync(session, HttpContext, ct);
        await MyMember.SendAsync(HttpContext, (await MemberSql.LoadAsync(session, id, ct))!, StatusCodes.Status200OK, ct);
    }
}
