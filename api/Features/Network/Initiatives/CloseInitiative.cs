using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>The office closes an initiative (open to closed).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class CloseInitiative(Database db, IAuditLog audit, TimeProvider time) : Endpoint<InitiativeByIdRequest, InitiativeResponse>
{
    private static readonly Sql SetStatus = Sql.Portable("""
        UPDATE network_initiatives
        SET status = 'closed', updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = 'open'
        """);

    public override void Configure()
    {
        Post("/network/initiatives/{id}/close");
        Description(b => b
            .WithName("network_closeInitiative")
            .WithSummary("Close an initiative")
            .WithDescription("Closes an open initiative: departments can no longer join, change what they offer or leave (who joined stays). Closing a closed one is a 409. If-Match is optional: a stale ETag gets 412. Admins only.")
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed));
    }

    public override async Task HandleAsync(InitiativeByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.BeginAsync(ct);
        var current = await InitiativeSql.GetAsync(session, req.Id, scope, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (current.Status != InitiativeStatus.Open)
        {
            throw ProblemException.Conflict(Texts.Get("network.initiatives.alreadyClosed"));
        }

        Preconditions.Changed(await session.ExecuteAsync(SetStatus, new { req.Id, Version = version, Now = time.GetUtcNow() }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.initiative-close", InitiativeRules.AuditEntity, req.Id.ToString()), ct);
        var changed = await InitiativeSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await InitiativeSql.SendAsync(HttpContext, changed, StatusCodes.Status200OK, ct);
    }
}
