using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.Users;

/// <summary>Takes the admin role from a person; the last admin cannot be removed. Idempotent.</summary>
[Access(Caller.Admin)]
public sealed class RevokeAdmin(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UserByIdRequest, UserResponse>
{
    private static readonly Sql OtherAdmins = Sql.Portable("""
        SELECT COUNT(*) FROM users WHERE is_admin = 1 AND id <> @Id
        """);

    private static readonly Sql Revoke = Sql.Portable("""
        UPDATE users SET is_admin = 0, updated_at = @Now WHERE id = @Id AND is_admin = 1
        """);

    public override void Configure()
    {
        Delete("/admin/users/{id}/admin");
        Description(b => b
            .WithName("identity_revokeAdmin")
            .WithSummary("Take the admin role from a person")
            .WithDescription("409 when it would leave no admin.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override Task HandleAsync(UserByIdRequest req, CancellationToken ct) =>
        UserChange.HandleAsync(HttpContext, db, audit, req.Id, async session =>
        {
            if (await session.ExecuteScalarAsync<long>(OtherAdmins, new { req.Id }, ct) == 0)
            {
                return ChangeOutcome.Problem(StatusCodes.Status409Conflict, "This is the last admin: make someone else an admin first.");
            }

            return await session.ExecuteAsync(Revoke, new { req.Id, Now = time.GetUtcNow() }, ct) > 0
                ? ChangeOutcome.Changed(new AuditEvent("role.revoke-admin", "user", req.Id.ToString()))
                : ChangeOutcome.Unchanged;
        }, ct);
}
