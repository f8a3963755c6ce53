using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Network.Assignments;

/// <summary>
/// At start-up, after Identity's own start-up work: every department scope a person holds without an active
/// assignment (given before the network kept assignments, or the demo coordinator) is recorded as an informal
/// assignment since the day it was given, so the directory and the coverage count everyone who has the access.
/// </summary>
public sealed class RecordExistingAccess(Database db, TimeProvider time) : IStartupTask
{
    [Unscoped("start-up work over every department; no staff caller")]
    private static readonly Sql Unrecorded = Sql.Portable("""
        SELECT a.user_id AS UserId, a.department_id AS DepartmentId, a.granted_at AS GrantedAt
        FROM staff_department_access a
        WHERE NOT EXISTS (SELECT 1 FROM coordinator_assignments c
                          WHERE c.user_id = a.user_id AND c.department_id = a.department_id AND c.ended_on IS NULL)
        """);

    [Unscoped("start-up work over every department; no staff caller")]
    private static readonly Sql Record = Sql.Portable("""
        INSERT INTO coordinator_assignments (id, user_id, department_id, kind, started_on, created_at, updated_at, version)
        SELECT @Id, @UserId, @DepartmentId, 'informal', @StartedOn, @Now, @Now, 1
        WHERE NOT EXISTS (SELECT 1 FROM coordinator_assignments c
                          WHERE c.user_id = @UserId AND c.department_id = @DepartmentId AND c.ended_on IS NULL)
        """);

    /// <inheritdoc />
    public int Order => 20;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        foreach (var access in await session.QueryAsync<Access>(Unrecorded, null, ct))
        {
            await session.ExecuteAsync(Record, new
            {
                Id = Guid.CreateVersion7(now),
                access.UserId,
                access.DepartmentId,
                StartedOn = DateOnly.FromDateTime(access.GrantedAt.UtcDateTime),
                Now = now,
            }, ct);
        }

        await session.CommitAsync(ct);
    }

    private sealed record Access
    {
        public Guid UserId { get; init; }
        public Guid DepartmentId { get; init; }
        public DateTimeOffset GrantedAt { get; init; }
    }
}
