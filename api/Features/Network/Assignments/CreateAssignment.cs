using System.Data.Common;
using System.Text.RegularExpressions;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Assignments;

/// <summary>Makes a person a coordinator of a department: records the assignment and gives the department's scope, in one transaction.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class CreateAssignment(Database db, IDepartmentAccess access, IAuditLog audit, TimeProvider time)
    : Endpoint<CreateAssignmentRequest, AssignmentResponse>
{
    [Unscoped("the office (admins) assigns coordinators to any department")]
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO coordinator_assignments (id, user_id, department_id, kind, time_share, started_on, role_title, contact_email,
                                             contact_phone, created_by, created_at, updated_at, version)
        VALUES (@Id, @UserId, @DepartmentId, @Kind, @TimeShare, @StartedOn, @RoleTitle, @ContactEmail,
                @ContactPhone, @CreatedBy, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/network/assignments");
        Description(b => b
            .WithName("network_createAssignment")
            .WithSummary("Assign a coordinator")
            .WithDescription("Makes a person a coordinator of an active department from startedOn (today when left out; never in the future) "
                + "and gives them the department's scope at once. An assignment that overlaps another of the same person and "
                + "department (an active one, or an ended one that ended after the new start) is a 409 and nothing is changed.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<AssignmentResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CreateAssignmentRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var startedOn = AssignmentSql.StartedOn(req.StartedOn, time);
        await using var session = await db.BeginAsync(ct);
        var department = await session.QuerySingleOrDefaultAsync<AssignmentSql.DepartmentRow>(AssignmentSql.Department,
            new { Code = req.DepartmentCode.Trim().ToUpperInvariant() }, ct);
        if (department is not { IsActive: true })
        {
            ThrowError(r => r.DepartmentCode, Texts.Get("network.assignments.noActiveDepartmentHasThatCode"));
        }

        if (await session.ExecuteScalarAsync<long>(AssignmentSql.PersonExists, new { req.UserId }, ct) == 0)
        {
            ThrowError(r => r.UserId, Texts.Get("network.assignments.noPersonHasThatId"));
        }

        await AssignmentSql.CheckNoOverlapAsync(session, id, req.UserId, department.Id, startedOn, ct);
        try
        {
            await session.ExecuteAsync(Insert, new
            {
                Id = id,
                req.UserId,
                DepartmentId = department.Id,
                Kind = AssignmentSql.Db(req.Kind),
                req.TimeShare,
                StartedOn = startedOn,
                RoleTitle = TextRules.Clean(req.RoleTitle),
                ContactEmail = AssignmentSql.Email(req.ContactEmail),
                ContactPhone = TextRules.Clean(req.ContactPhone),
                CreatedBy = User.CallerId(),
                Now = now,
            }, ct);
        }
        catch (DbException e) when (db.IsUniqueViolation(e))
        {
            // Another assign of the same person and department won the race (the filtered unique index on active rows).
            throw ProblemException.Conflict(Texts.Get("network.assignments.overlapsAnother"));
        }

        await access.GrantAsync(session, req.UserId, department.Id, now, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.assignment-create", AssignmentSql.EntityType, id.ToString(),
            Detail: department.Code), ct);
        var assignment = await AssignmentSql.GetAsync(session, id, ct);
        await session.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/network/assignments/{id}";
        await AssignmentSql.SendAsync(HttpContext, assignment, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateAssignmentRequest>
    {
        public Validator()
        {
            RuleFor(r => r.UserId).NotEmpty().WithMessage(_ => Texts.Get("common.thisFieldIsRequired"));
            RuleFor(r => r.DepartmentCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => Texts.Get("common.enterACode"))
                .Must(c => Regex.IsMatch(c.Trim().ToUpperInvariant(), TextRules.CodePattern)).WithMessage(_ => Texts.Get("common.use216CharactersAn"));
            this.AddInputRules();
        }
    }
}
