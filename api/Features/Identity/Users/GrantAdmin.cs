using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.Users;

/// <summary>Makes a person a central admin. Idempotent.</summary>
[Access(Caller.Admin)]
public sealed class GrantAdmin(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UserByIdRequest, UserResponse>
{
    private static readonly Sql Grant = Sql.Portable("""
        UPDATE users SET is_admin = 1, updated_at = @Now WHERE id = @Id AND is_admin = 0
        """);

    public override void Configure()
    {
        Put("/admin/users/{id}/admin");
        Description(b => b
            .WithName("identity_grantAdmin")
            .WithSummary("Make a person an admin")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override Task HandleAsync(UserByIdRequest req, CancellationToken ct) =>
        UserChange.HandleAsync(HttpContext, db, audit, req.Id, async session =>
            await session.ExecuteAsync(Grant, new { req.Id, Now = time.GetUtcNow() }, ct) > 0
                ? ChangeOutcome.Changed(new AuditEvent("role.grant-admin", "user", req.Id.ToString()))
                : ChangeOutcome.Unchanged, ct);
}
