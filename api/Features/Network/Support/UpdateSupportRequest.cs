using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Support;

/// <summary>The asking department changes its request while it is submitted, guarded by its version (If-Match).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkWrite)]
public sealed class UpdateSupportRequest(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateSupportRequestRequest, SupportRequestResponse>
{
    private static readonly Sql Update = Sql.Portable($"""
        UPDATE network_support_requests
        SET department_id = @DepartmentId, title = @Title, description = @Description, starts_on = @StartsOn, ends_on = @EndsOn,
            help_note = @HelpNote, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = @From AND version = @Version
          AND EXISTS (SELECT 1 FROM network_support_requests r WHERE r.id = @Id AND {SupportSql.Asking})
        """);

    public override void Configure()
    {
        Put("/network/support-requests/{id}");
        Description(b => b
            .WithName("network_updateSupportRequest")
            .WithSummary("Change a support request")
            .WithDescription("Replaces the request's fields while it is submitted (409 once the office decided or it was withdrawn). The asking "
                + "department's coordinators and admins; a department that only takes part is a 403. Send the ETag in If-Match: a stale "
                + "one gets 412, none 428. The same rules as on create.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateSupportRequestRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var current = await SupportSql.RowToMoveAsync(session, req.Id, scope, SupportMove.Edit, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        SupportStateMachine.Target(current.Status, SupportMove.Edit);
        var (asking, takingPart) = await SupportSql.DepartmentsAsync(session, req, scope, ct);
        var values = SupportSql.Values(req.Id, asking, req, now);
        values.Add("From", SupportStateMachine.Db(current.Status));
        values.Add("Version", version);
        values.Add("ScopeAll", scope.ScopeAll);
        values.Add("ScopeUserId", scope.ScopeUserId);
        if (await session.ExecuteAsync(Update, values, ct) == 0)
        {
            await SupportSql.LostRaceAsync(session, req.Id, current.Status, SupportMove.Edit, ct);
        }

        await SupportSql.WriteChildrenAsync(session, req.Id, takingPart, req.Help, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.support-request-update", "support-request", req.Id.ToString()), ct);
        var updated = await SupportSql.ReadAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await SupportSql.SendAsync(HttpContext, updated, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<UpdateSupportRequestRequest>
    {
        public Validator() => this.AddSupportRules();
    }
}
