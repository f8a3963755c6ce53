using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>Adds a study of mine (self-declared: unverified until an import from the student records confirms it).</summary>
[Access(Caller.SignedIn)]
public sealed class AddMyAffiliation(Database db, TimeProvider time) : Endpoint<AffiliationInput, MemberResponse>
{
    public override void Configure()
    {
        Post("/me/affiliations");
        Validator<MemberRules.AffiliationValidator>();
        Description(b => b
            .WithName("members_addMyAffiliation")
            .WithSummary("Add a study to my profile")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<MemberResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(AffiliationInput req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var id = await MyMember.IdAsync(session, HttpContext, ct);

        var departments = await MemberSql.DepartmentIdsAsync(session, [req.DepartmentCode], ct);
        if (departments.Count == 0)
        {
            ThrowError(r => r.DepartmentCode, Texts.Get("members.noActiveDepartmentHasThis"));
        }

        await MemberSql.AddAffiliationAsync(session, id, departments.Values.Single(), req, verified: false, time.GetUtcNow(), ct);
        var member = (await MemberSql.LoadAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        await MyMember.SendAsync(HttpContext, member, StatusCodes.Status201Created, ct);
    }
}
