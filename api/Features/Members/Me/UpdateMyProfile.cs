using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>Changes my profile (If-Match with the version I read). The directory listing also sets the directory consent.</summary>
[Access(Caller.SignedIn)]
public sealed class UpdateMyProfile(Database db, TimeProvider time) : Endpoint<ProfileInput, MemberResponse>
{
    public override void Configure()
    {
        Put("/me/profile");
        Validator<MemberRules.ProfileValidator>();
        Description(b => b
            .WithName("members_updateMyProfile")
            .WithSummary("Update my member profile")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(ProfileInput req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var id = await MyMember.IdAsync(session, HttpContext, ct);
        var current = (await MemberSql.LoadAsync(session, id, ct))!;
        var version = Preconditions.Check(HttpContext, current.Version);
        var now = time.GetUtcNow();
        await MemberSql.SaveProfileAsync(session, id, current.Email, req, version, now, ct);
        await MemberSql.SetConsentsAsync(session, id, MyMember.DirectoryConsent(req.DirectoryListed), ConsentMethod.ProfilePage, now, ct);
        var member = (await MemberSql.LoadAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        await MyMember.SendAsync(HttpContext, member, StatusCodes.Status200OK, ct);
    }
}
