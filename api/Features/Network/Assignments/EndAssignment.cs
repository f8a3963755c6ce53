using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Assignments;

/// <summary>Ends an active assignment today and takes the department's scope from the person at once (their next request).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class EndAssignment(Database db, IDepartmentAccess access, IAuditLog audit, TimeProvider time)
    : Endpoint<EndAssignmentRequest, AssignmentResponse>
{
    [Unscoped("the office (admins) ends coordinators' assignments of any department")]
    private static readonly Sql End = Sql.Portable("""
        UPDATE coordinator_assignments
        SET ended_on = @Today, end_reason = @Reason, ended_at = @Now, ended_by = @EndedBy, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND ended_on IS NULL
        """);

    /// <summary>The person's other active assignments to the department (the unique index allows none; the access rule stays here).</summary>
    [Unscoped("the office (admins) ends coordinators' assignments of any department")]
    private static readonly Sql StillActive = Sql.Portable("""
        SELECT COUNT(*) FROM coordinator_assignments
        WHERE user_id = @UserId AND department_id = @DepartmentId AND ended_on IS NULL
        """);

    public override void Configure()
    {
        Post("/network/assignments/{id}/end");
        Description(b => b
            .WithName("network_endAssignment")
            .WithSummary("End an assignment")
            .WithDescription("Ends an active assignment today, with an optional reason, and takes the department's scope from the person: "
                + "their next request no longer reaches the department's members or events. An ended assignment is a 409. "
                + "If-Match (the ETag) is optional: a stale one gets 412.")
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed));
    }

    public override async Task HandleAsync(EndAssignmentRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var current = await AssignmentSql.GetAsync(session, req.Id, ct);
        if (current.EndedOn is not null)
        {
            throw ProblemException.Conflict(Texts.Get("network.assignments.thisAssignmentHasAlreadyEnded"));
        }

        var version = Preconditions.Check(HttpContext, current.Version);
        var today = AssignmentSql.Today(time);
        Preconditions.Changed(await session.ExecuteAsync(End, new
        {
            req.Id,
            Version = version,
            Today = today < current.StartedOn ? current.StartedOn : today,
            Reason = TextRules.Clean(req.Reason),
            EndedBy = User.CallerId(),
            Now = now,
        }, ct));
        if (await session.ExecuteScalarAsync<long>(StillActive, new { current.UserId, current.DepartmentId }, ct) == 0)
        {
            await access.RevokeAsync(session, current.UserId, current.DepartmentId, ct);
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.assignment-end", AssignmentSql.EntityType, req.Id.ToString(),
            Detail: current.DepartmentCode), ct);
        var assignment = await AssignmentSql.GetAsync(session, req.Id, ct);
        await session.CommitAsync(ct);
        await AssignmentSql.SendAsync(HttpContext, assignment, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<EndAssignmentRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).IsOptionalText(500);
        }
    }
}
