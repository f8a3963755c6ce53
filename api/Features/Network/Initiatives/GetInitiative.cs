using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>One initiative with who joined, what each offers and their own events and campaigns under it.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetInitiative(Database db) : Endpoint<InitiativeByIdRequest, InitiativeResponse>
{
    public override void Configure()
    {
        Get("/network/initiatives/{id}");
        Description(b => b
            .WithName("network_getInitiative")
            .WithSummary("Get an initiative")
            .WithDescription("The initiative's texts (the descriptions also as safe HTML), period and status, and every department that joined: what it "
                + "offers, when and by whom it joined, and its linked event (title, start, status) and campaign (name, status). The ETag is the "
                + "initiative's version; each join carries its own.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(InitiativeByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var found = await InitiativeSql.GetAsync(session, req.Id, DepartmentScope.Of(User), ct);
        await InitiativeSql.SendAsync(HttpContext, found, StatusCodes.Status200OK, ct);
    }
}
