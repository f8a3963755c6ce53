using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Assignments;

/// <summary>
/// The network directory, shared by every coordinator and the office: who covers which department, by faculty, with the
/// contacts they gave the network; and the active departments no one covers. It names no member.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetDirectory(Database db) : EndpointWithoutRequest<NetworkDirectoryResponse>
{
    [Unscoped("the directory of coordinators is shared by the whole network; it holds no member's data")]
    private static readonly Sql Coordinators = Sql.Portable("""
        SELECT a.id AS AssignmentId, a.department_id AS DepartmentId, d.code AS DepartmentCode, d.name_sv AS DepartmentNameSv,
               d.name_en AS DepartmentNameEn, d.faculty_code AS FacultyCode, a.user_id AS UserId, n.name AS Name, a.kind AS Kind,
               a.time_share AS TimeShare, a.started_on AS Since, a.role_title AS RoleTitle, a.contact_email AS ContactEmail,
               a.contact_phone AS ContactPhone
        FROM coordinator_assignments a
        JOIN department_directory d ON d.id = a.department_id
        LEFT JOIN caller_names n ON n.id = a.user_id AND n.kind = 'person'
        WHERE a.ended_on IS NULL
        ORDER BY d.faculty_code, d.code, a.started_on, a.id
        """);

    [Unscoped("the directory of coordinators is shared by the whole network; it holds no member's data")]
    private static readonly Sql Uncovered = Sql.Portable("""
        SELECT d.id AS Id, d.code AS Code, d.name_sv AS NameSv, d.name_en AS NameEn, d.faculty_code AS FacultyCode
        FROM department_directory d
        WHERE d.is_active = 1
          AND NOT EXISTS (SELECT 1 FROM coordinator_assignments a WHERE a.department_id = d.id AND a.ended_on IS NULL)
        ORDER BY d.faculty_code, d.code
        """);

    public override void Configure()
    {
        Get("/network/directory");
        Description(b => b
            .WithName("network_getDirectory")
            .WithSummary("The network directory")
            .WithDescription("Every active assignment with its department (code, names, faculty), the person's name, kind, time share, "
                + "since when, role title and the contacts given for the network, ordered by faculty, department and start; and the "
                + "active departments without a coordinator, in the same order."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var coordinators = await session.QueryAsync<DirectoryCoordinator>(Coordinators, null, ct);
        var uncovered = await session.QueryAsync<DirectoryDepartment>(Uncovered, null, ct);
        await Send.OkAsync(new NetworkDirectoryResponse { Coordinators = coordinators.ToList(), Uncovered = uncovered.ToList() }, ct);
    }
}
