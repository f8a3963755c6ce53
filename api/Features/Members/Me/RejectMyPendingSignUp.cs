using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>Rejects the sign-up made for my address: it is removed with everything it said.</summary>
[Access(Caller.SignedIn)]
public sealed class RejectMyPendingSignUp(Database db) : EndpointWithoutRequest
{
    private static readonly Sql DeletePending = Sql.Portable("""
        DELETE FROM members WHERE id = @Id AND version = @Version AND status = 'Pending' AND user_id IS NULL
        """);

    public override void Configure()
    {
        Delete("/me/pending-sign-up");
        Description(b => b
            .WithName("members_rejectMyPendingSignUp")
            .WithSummary("Reject the sign-up made for my address")
            .WithDescription("Removes it, with its names, studies and the consents it asked for. With If-Match, only the version read.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var pending = await MyPendingSignUp.FindAsync(session, HttpContext, ct);
        var version = Preconditions.Check(HttpContext, pending.Version);
        Preconditions.Changed(await session.ExecuteAsync(DeletePending, new { pending.Id, Version = version }, ct));
        await session.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
