using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members.Me;

/// <summary>
/// Erases me, irreversibly, confirmed by a fresh code sent to my address (members_requestErasureCode just before).
/// My personal data is removed, my studies stay only as anonymous counts, my sessions end, nothing more is sent.
/// </summary>
[Access(Caller.SignedIn)]
public sealed class EraseMe(Database db, IAccounts accounts, IEnumerable<IErasureObserver> erasureObservers, IAuditLog audit, TimeProvider time) : Endpoint<EraseMeRequest>
{
    public override void Configure()
    {
        Post("/me/erase");
        Description(b => b
            .WithName("members_eraseMe")
            .WithSummary("Erase me")
            .WithDescription("Irreversible. Ask for a code first (members_requestErasureCode) and send it here.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(EraseMeRequest req, CancellationToken ct)
    {
        var email = User.FindFirst(AlumniClaims.Email)!.Value;
        Guid id;
        await using (var lookup = await db.OpenAsync(ct))
        {
            id = await MyMember.IdAsync(lookup, HttpContext, ct);
        }

        if (!await accounts.ConsumeCodeAsync(email, req.Code, ct))
        {
            ThrowError(r => r.Code, Texts.Get("members.theCodeIsWrongOr"));
        }

        await using var session = await db.BeginAsync(ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("member.erase", "member", id.ToString(), Detail: "by the member"), ct);
        await MemberErasure.EraseAsync(session, accounts, erasureObservers, id, time.GetUtcNow(), ct);
        await session.CommitAsync(ct);
        Identity.SessionCookies.Clear(HttpContext);
        await Send.NoContentAsync(ct);
    }

    public sealed class Validator : Validator<EraseMeRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Code).NotEmpty().MaximumLength(32);
        }
    }
}
