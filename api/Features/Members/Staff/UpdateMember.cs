using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>
/// Staff change a member's profile on request (If-Match); audited. Consents are the member's own: staff and keys keep
/// the directory listing and its fields as they are, and may only withdraw the listing on the member's request
/// (<c>directoryListed: false</c>, which withdraws the directory consent too).
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersWrite)]
public sealed class UpdateMember(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateMemberRequest, MemberResponse>
{
    public override void Configure()
    {
        Put("/members/{id}");
        Validator<MemberRules.ProfileValidator>();
        Description(b => b
            .WithName("members_update")
            .WithSummary("Update a member")
            .WithDescription("On the member's request. directoryListed and directoryFields are the member's choice: send them as they are; "
                + "directoryListed false withdraws a listing (and the directory consent) on the member's request. Listing a member or "
                + "changing the fields shown is a field error.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateMemberRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        await StaffMember.CheckAsync(session, HttpContext, req.Id, ct);
        var current = (await MemberSql.LoadAsync(session, req.Id, ct))!;
        var version = Preconditions.Check(HttpContext, current.Version);
        if (req.DirectoryListed && !current.DirectoryListed)
        {
            ThrowError(r => r.DirectoryListed, Texts.Get("members.onlyTheMemberCanListThemselves"));
        }

        if (!req.DirectoryFields.ToHashSet().SetEquals(current.DirectoryFields))
        {
            ThrowError(r => r.DirectoryFields, Texts.Get("members.onlyTheMemberChoosesTheFields"));
        }

        var now = time.GetUtcNow();
        await MemberSql.SaveProfileAsync(session, req.Id, current.Email, req with { DirectoryFields = current.DirectoryFields }, version, now, ct);
        if (current.DirectoryListed && !req.DirectoryListed)
        {
            await MemberSql.SetConsentsAsync(session, req.Id, [(ConsentChannel.Directory, false)], ConsentMethod.StaffOnRequest, now, ct);
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("member.update", "member", req.Id.ToString()), ct);
        var member = (await MemberSql.LoadAsync(session, req.Id, ct))!;
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, member.Version);
        await Send.OkAsync(member, ct);
    }
}
