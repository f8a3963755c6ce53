using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Support;

/// <summary>
/// A coordinator asks the office for support with a cross-department activity, on behalf of one of their departments:
/// what, when, which departments take part (the asking one always among them) and what help (status submitted).
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkWrite)]
public sealed class CreateSupportRequest(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateSupportRequestRequest, SupportRequestResponse>
{
    private static readonly Sql Insert = Sql.Portable($"""
        INSERT INTO network_support_requests (id, department_id, title, description, starts_on, ends_on, help_note, status,
                                              created_by, created_at, updated_at, version)
        SELECT @Id, @DepartmentId, @Title, @Description, @StartsOn, @EndsOn, @HelpNote, 'submitted', @CreatedBy, @Now, @Now, 1
        WHERE {Identity.StaffScope.Predicate("@DepartmentId")}
        """);

    public override void Configure()
    {
        Post("/network/support-requests");
        Description(b => b
            .WithName("network_createSupportRequest")
            .WithSummary("Ask for support with a cross-department activity")
            .WithDescription("On behalf of one of the caller's departments (another department is a 403). The departments taking part are named "
                + "by code, at least one; the asking department is always among them (added when left out); an unknown code is a 400 on "
                + "departments[i]. The last day on or after the first; at least one kind of help. The request starts as submitted.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<SupportRequestResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(CreateSupportRequestRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var (asking, takingPart) = await SupportSql.DepartmentsAsync(session, req, scope, ct);
        var id = Guid.CreateVersion7(now);
        var values = SupportSql.Values(id, asking, req, now);
        values.Add("CreatedBy", User.PersonId());
        values.Add("ScopeAll", scope.ScopeAll);
        values.Add("ScopeUserId", scope.ScopeUserId);
        await session.ExecuteAsync(Insert, values, ct);
        await SupportSql.WriteChildrenAsync(session, id, takingPart, req.Help, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.support-request-create", "support-request", id.ToString()), ct);
        var created = await SupportSql.ReadAsync(session, id, scope, ct);
        await session.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/network/support-requests/{id}";
        await SupportSql.SendAsync(HttpContext, created, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateSupportRequestRequest>
    {
        public Validator() => this.AddSupportRules();
    }
}
