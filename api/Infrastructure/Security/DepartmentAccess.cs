using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>
/// The department scope a staff person holds, kept by the slice that owns sign-in (Identity) and given and taken by the
/// slice that keeps the coordinators' assignments (the network), inside that slice's transaction, so the record of an
/// assignment and the access it gives never disagree. The scope is read on every request: a revoke takes effect on the
/// person's next request.
/// </summary>
public interface IDepartmentAccess
{
    /// <summary>Gives the person the department's scope; nothing when they have it already.</summary>
    Task GrantAsync(DbSession session, Guid userId, Guid departmentId, DateTimeOffset now, CancellationToken ct);

    /// <summary>Takes the department's scope from the person; nothing when they do not have it.</summary>
    Task RevokeAsync(DbSession session, Guid userId, Guid departmentId, CancellationToken ct);
}
