using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Me;

/// <summary>
/// The sign-up made for my address that waits for my confirmation: the names, studies and consents it asks for.
/// 404 when there is none.
/// </summary>
[Access(Caller.SignedIn)]
public sealed class GetMyPendingSignUp(Database db) : EndpointWithoutRequest<PendingSignUpResponse>
{
    public override void Configure()
    {
        Get("/me/pending-sign-up");
        Description(b => b
            .WithName("members_getMyPendingSignUp")
            .WithSummary("Get the sign-up waiting for my confirmation")
            .WithDescription("Anyone can sign up with any address, so a sign-up counts only once the owner of the address, signed in, confirms it "
                + "(members_confirmMyPendingSignUp) or rejects it (members_rejectMyPendingSignUp). The ETag is the sign-up's version.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var pending = await MyPendingSignUp.FindAsync(session, HttpContext, ct);
        await MyPendingSignUp.SendAsync(session, HttpContext, pending, ct);
    }
}
