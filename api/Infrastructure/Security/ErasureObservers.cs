using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>
/// Told of every member's erasure, inside the erasure's transaction, so that a slice that keeps something personal of
/// members in its own tables (a calendar feed's token) removes it with the rest. The slice that erases members calls
/// every registered observer; an observer writes only its own tables.
/// </summary>
public interface IErasureObserver
{
    Task OnMemberErasedAsync(DbSession session, Guid memberId, DateTimeOffset now, CancellationToken ct);
}
