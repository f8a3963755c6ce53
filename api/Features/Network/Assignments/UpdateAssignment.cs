using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Assignments;

/// <summary>Changes an active assignment's kind, share, start, title and contacts, guarded by its version (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class UpdateAssignment(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateAssignmentRequest, AssignmentResponse>
{
    [Unscoped("the office (admins) changes coordinators' assignments of any department")]
    private static readonly Sql Update = Sql.Portable("""
        UPDATE coordinator_assignments
        SET kind = @Kind, time_share = @TimeShare, started_on = @StartedOn, role_title = @RoleTitle, contact_email = @ContactEmail,
            contact_phone = @ContactPhone, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND ended_on IS NULL
        """);

    public override void Configure()
    {
        Put("/network/assignments/{id}");
        Description(b => b
            .WithName("network_updateAssignment")
            .WithSummary("Change an assignment")
            .WithDescription("Replaces the kind, time share, role title and contacts, and the start when given (never in the future, "
                + "never overlapping another assignment of the person to the department: 409). An ended assignment cannot be "
                + "changed (409). Send the ETag in If-Match: a stale one gets 412, none gets 428.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateAssignmentRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var current = await AssignmentSql.GetAsync(session, req.Id, ct);
        if (current.EndedOn is not null)
        {
            throw ProblemException.Conflict(Texts.Get("network.assignments.anEndedAssignmentCannotBe"));
        }

        var version = Preconditions.Check(HttpContext, current.Version);
        var startedOn = req.StartedOn is null ? current.StartedOn : AssignmentSql.StartedOn(req.StartedOn, time);
        if (startedOn != current.StartedOn)
        {
            await AssignmentSql.CheckNoOverlapAsync(session, current.Id, current.UserId, current.DepartmentId, startedOn, ct);
        }

        Preconditions.Changed(await session.ExecuteAsync(Update, new
        {
            req.Id,
            Version = version,
            Kind = AssignmentSql.Db(req.Kind),
            req.TimeShare,
            StartedOn = startedOn,
            RoleTitle = TextRules.Clean(req.RoleTitle),
            ContactEmail = AssignmentSql.Email(req.ContactEmail),
            ContactPhone = TextRules.Clean(req.ContactPhone),
            Now = time.GetUtcNow(),
        }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.assignment-update", AssignmentSql.EntityType, req.Id.ToString(),
            Detail: current.DepartmentCode), ct);
        var assignment = await AssignmentSql.GetAsync(session, req.Id, ct);
        await session.CommitAsync(ct);
        await AssignmentSql.SendAsync(HttpContext, assignment, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<UpdateAssignmentRequest>
    {
        public Validator() => this.AddInputRules();
    }
}
