using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Staff;

/// <summary>Erases a member on their request (the central office only); audited, irreversible.</summary>
[Access(Caller.Admin)]
public sealed class EraseMember(Database db, IAccounts accounts, IEnumerable<IErasureObserver> erasureObservers, IAuditLog audit, TimeProvider time) : Endpoint<MemberByIdRequest>
{
    public override void Configure()
    {
        Post("/members/{id}/erase");
        Description(b => b
            .WithName("members_erase")
            .WithSummary("Erase a member on request")
            .WithDescription("Removes every personal field; studies stay as anonymous counts. 404 when there is no such member or nothing left to erase.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(MemberByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (!await MemberErasure.EraseAsync(session, accounts, erasureObservers, req.Id, time.GetUtcNow(), ct))
        {
            throw new ProblemException(StatusCodes.Status404NotFound, "No member with that id, or already erased.");
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("member.erase", "member", req.Id.ToString(), Detail: "on request"), ct);
        await session.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
