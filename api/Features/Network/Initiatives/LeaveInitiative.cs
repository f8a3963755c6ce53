using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>
/// A department leaves an open initiative; its own event or campaign stays in Events or Newsletters, only the link goes.
/// Once the initiative is closed, who took part stays as it was (409).
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkWrite)]
public sealed class LeaveInitiative(Database db, IAuditLog audit) : Endpoint<InitiativeJoinByIdRequest>
{
    private static readonly Sql Status = Sql.Portable("SELECT status FROM network_initiatives WHERE id = @Id");

    private static readonly Sql Remove = Sql.Portable($"""
        DELETE FROM network_initiative_joins
        WHERE initiative_id = @Id AND department_id = @DepartmentId AND version = @Version
          AND {StaffScope.Predicate("department_id")}
        """);

    public override void Configure()
    {
        Delete("/network/initiatives/{id}/joins/{departmentCode}");
        Description(b => b
            .WithName("network_leaveInitiative")
            .WithSummary("Leave an initiative")
            .WithDescription("The department's join is removed (204); its own event or campaign is kept, only unlinked. A closed initiative is a "
                + "409; a department that has not joined a 404; one that is not the coordinator's own a 403. If-Match (the join's ETag) is "
                + "optional: a stale one gets 412.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed));
    }

    public override async Task HandleAsync(InitiativeJoinByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.BeginAsync(ct);
        var status = await session.ExecuteScalarAsync<string?>(Status, new { req.Id }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("network.initiatives.noInitiativeWithThatId"));
        if (status != "open")
        {
            throw ProblemException.Conflict(Texts.Get("network.initiatives.closedTakesNoChanges"));
        }

        var departmentId = await InitiativeSql.DepartmentAsync(session, req.DepartmentCode, scope, ct);
        var code = InitiativeRules.NormaliseCode(req.DepartmentCode);
        var existing = await InitiativeSql.JoinAsync(session, req.Id, departmentId, scope, ct)
            ?? throw ProblemException.NotFound(Texts.Get("network.initiatives.notJoined", code));
        var version = Preconditions.Check(HttpContext, existing.Version);
        Preconditions.Changed(await session.ExecuteAsync(Remove,
            new { req.Id, DepartmentId = departmentId, Version = version, scope.ScopeAll, scope.ScopeUserId }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.initiative-leave", InitiativeRules.AuditEntity, req.Id.ToString(), Detail: code), ct);
        await session.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }

    public sealed class Validator : Validator<InitiativeJoinByIdRequest>
    {
        public Validator()
        {
            RuleFor(r => r.DepartmentCode).Must(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length <= 16)
                .WithMessage(_ => Texts.Get("network.initiatives.chooseADepartment"));
        }
    }
}
