using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>Staff change a member's profile on request (If-Match); audited.</summary>
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
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateMemberRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        await StaffMember.CheckAsync(session, HttpContext, req.Id, ct);
        var current = (await MemberSql.LoadAsync(session, req.Id, ct))!;
        var version = Preconditions.Check(HttpContext, current.Version);
        var now = time.GetUtcNow();
        await MemberSql.SaveProfileAsync(session, req.Id, current.Email, req, version, now, ct);
        if (req.DirectoryListed != current.DirectoryListed)
        {
            await MemberSql.SetConsentsAsync(session, req.Id, [(ConsentChannel.Directory, req.DirectoryListed)], ConsentMethod.StaffOnRequest, now, ct);
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("member.update", "member", req.Id.ToString()), ct);
        var member = (await MemberSql.LoadAsync(session, req.Id, ct))!;
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, member.Version);
        await Send.OkAsync(member, ct);
    }
}
