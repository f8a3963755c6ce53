using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>The office reopens an initiative (closed to open).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class ReopenInitiative(Database db, IAuditLog audit, TimeProvider time) : Endpoint<InitiativeByIdRequest, InitiativeResponse>
{
    private static readonly Sql SetStatus = Sql.Portable("""
        UPDATE network_initiatives
        SET status = 'open', updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = 'closed'
        """);

    public override void Configure()
    {
        Post("/network/initiatives/{id}/reopen");
        Description(b => b
            .WithName("network_reopenInitiative")
            .WithSummary("Reopen an initiative")
            .WithDescription("Opens a closed initiative again for departments to join. Reopening an open one is a 409. If-Match is optional: a stale ETag gets 412. Admins only.")
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed));
    }

    public override async Task HandleAsync(InitiativeByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.BeginAsync(ct);
        var current = await InitiativeSql.GetAsync(session, req.Id, scope, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (current.Status != InitiativeStatus.Closed)
        {
            throw ProblemException.Conflict(Texts.Get("network.initiatives.alreadyOpen"));
        }

        Preconditions.Changed(await session.ExecuteAsync(SetStatus, new { req.Id, Version = version, Now = time.GetUtcNow() }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.initiative-reopen", InitiativeRules.AuditEntity, req.Id.ToString()), ct);
        var changed = await InitiativeSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await InitiativeSql.SendAsync(HttpContext, changed, StatusCodes.Status200OK, ct);
    }
}
