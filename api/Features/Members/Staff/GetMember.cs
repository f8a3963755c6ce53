using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>A member's whole record with the staff notes; every read is written to the audit log.</summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersRead)]
public sealed class GetMember(Database db, IAuditLog audit) : Endpoint<MemberByIdRequest, StaffMemberResponse>
{
    private static readonly Sql Notes = Sql.Portable("""
        SELECT id AS Id, text AS Text, author_name AS AuthorName, created_at AS CreatedAt
        FROM member_notes WHERE member_id = @Id ORDER BY created_at DESC
        """);

    public override void Configure()
    {
        Get("/members/{id}");
        Description(b => b
            .WithName("members_get")
            .WithSummary("Get a member")
            .WithDescription("The member's whole record; the read is audited. 404 for a member outside a coordinator's departments.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(MemberByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        await StaffMember.CheckAsync(session, HttpContext, req.Id, ct);

        var member = (await MemberSql.LoadAsync(session, req.Id, ct))!;
        var notes = await session.QueryAsync<NoteResponse>(Notes, new { req.Id }, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("member.read", "member", req.Id.ToString()), ct);
        await session.CommitAsync(ct);
        HttpContext.Response.Headers.ETag = EntityTags.For(member.Version);
        await Send.OkAsync(new StaffMemberResponse { Member = member, Notes = notes }, ct);
    }
}
