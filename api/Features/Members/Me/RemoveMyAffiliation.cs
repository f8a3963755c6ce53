using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>Removes a self-declared study of mine; one confirmed by the student records stays (409).</summary>
[Access(Caller.SignedIn)]
public sealed class RemoveMyAffiliation(Database db) : Endpoint<AffiliationByIdRequest, MemberResponse>
{
    [Unscoped("the caller's own record")]
    private static readonly Sql Find = Sql.Portable("""
        SELECT verified FROM member_affiliations WHERE id = @AffiliationId AND member_id = @Id
        """);

    [Unscoped("the caller's own record")]
    private static readonly Sql DeleteUnverified = Sql.Portable("""
        DELETE FROM member_affiliations WHERE id = @AffiliationId AND member_id = @Id AND verified = 0
        """);

    public override void Configure()
    {
        Delete("/me/affiliations/{id}");
        Description(b => b
            .WithName("members_removeMyAffiliation")
            .WithSummary("Remove a self-declared study")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(AffiliationByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var id = await MyMember.IdAsync(session, HttpContext, ct);

        var verified = await session.ExecuteScalarAsync<bool?>(Find, new { Id = id, AffiliationId = req.Id }, ct);
        if (verified ?? throw ProblemException.NotFound("You have no study with that id."))
        {
            throw ProblemException.Conflict("This study is confirmed by the student records and cannot be removed here.");
        }

        await session.ExecuteAsync(DeleteUnverified, new { Id = id, AffiliationId = req.Id }, ct);
        var member = (await MemberSql.LoadAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        await MyMember.SendAsync(HttpContext, member, StatusCodes.Status200OK, ct);
    }
}
