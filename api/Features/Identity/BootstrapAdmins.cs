using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Identity;

/// <summary>
/// At start-up: makes the configured <c>Alumni:BootstrapAdmins</c> admins, and in Development with
/// <c>Alumni:DemoUsers</c> seeds a demo admin and a demo coordinator, printing their addresses.
/// </summary>
public sealed class BootstrapAdmins(
    Database db, TimeProvider time, IAuditLog audit, IOptions<AlumniOptions> options, IHostEnvironment environment,
    ILogger<BootstrapAdmins> logger) : IStartupTask
{
    public const string DemoAdmin = "admin@example.org";
    public const string DemoCoordinator = "coordinator@example.org";
    public const string DemoDepartment = "DSV";

    private static readonly Sql MakeAdmin = Sql.Portable("""
        UPDATE users SET is_admin = 1, updated_at = @Now WHERE id = @Id AND is_admin = 0
        """);

    private static readonly Sql AssignDepartment = Sql.Portable("""
        INSERT INTO user_departments (user_id, department_id, granted_at)
        SELECT @UserId, d.id, @Now
        FROM department_directory d
        WHERE d.code = @Code
          AND NOT EXISTS (SELECT 1 FROM user_departments ud WHERE ud.user_id = @UserId AND ud.department_id = d.id)
        """);

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var email in options.Value.BootstrapAdmins.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            await GrantAdminAsync(db, time, audit, TextRules.NormaliseEmail(email), ct);
        }

        if (options.Value.DemoUsers && environment.IsDevelopment())
        {
            await GrantAdminAsync(db, time, audit, DemoAdmin, ct);
            await using var session = await db.BeginAsync(ct);
            var coordinator = await IdentitySql.EnsureUserAsync(session, DemoCoordinator, "Demo Coordinator", time.GetUtcNow(), ct);
            await session.ExecuteAsync(AssignDepartment, new { UserId = coordinator, Code = DemoDepartment, Now = time.GetUtcNow() }, ct);
            await session.CommitAsync(ct);
            logger.LogWarning(
                "Demo sign-in: {Admin} (admin) and {Coordinator} (coordinator of {Department}). Codes arrive in the dev mailbox: /dev/mailbox in the web app.",
                DemoAdmin, DemoCoordinator, DemoDepartment);
        }
    }

    /// <summary>Makes the address an admin (adding the user if needed); audited when it changes anything.</summary>
    public static async Task<Guid> GrantAdminAsync(Database db, TimeProvider time, IAuditLog audit, string email, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var now = time.GetUtcNow();
        var id = await IdentitySql.EnsureUserAsync(session, email, null, now, ct);
        if (await session.ExecuteAsync(MakeAdmin, new { Id = id, Now = now }, ct) > 0)
        {
            await audit.WriteAsync(session, null, new AuditEvent("role.grant-admin", "user", id.ToString(), Detail: email), ct);
        }

        await session.CommitAsync(ct);
        return id;
    }
}
