using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.Me;

/// <summary>Who is signed in: address, roles, departments, and the anti-forgery token for unsafe requests.</summary>
[Access(Caller.SignedIn)]
public sealed class GetMe(Database db) : EndpointWithoutRequest<MeResponse>
{
    public override void Configure()
    {
        Get("/me");
        Description(b => b
            .WithName("identity_me")
            .WithSummary("Who am I")
            .WithDescription("The signed-in person, their roles (admin, coordinator, alumnus) and departments."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await IdentitySql.GetMeAsync(session, User.PersonId()!.Value, User.FindFirst(AlumniClaims.Csrf)!.Value, ct), ct);
    }
}
