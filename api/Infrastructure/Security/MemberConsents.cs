using Alumni.Api.Infrastructure.Data;
using Alumni.Contracts.Members;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>
/// What the Members slice offers other slices about a member's consents and language, always as the member's own act
/// (a newsletter's preference page, the one-click unsubscribe): staff never grant consents. Each change of a consent is
/// kept in the member's consent history with its method. Call it inside the caller's transaction.
/// </summary>
public interface IMemberConsents
{
    /// <summary>
    /// Gives or withdraws these channels; channels not named stay. As the profile does, giving any consent ends an
    /// unsubscription (status back to active), and withdrawing the last one leaves the member unsubscribed.
    /// </summary>
    Task SetAsync(DbSession session, Guid memberId, IReadOnlyCollection<(ConsentChannel Channel, bool Granted)> changes, ConsentMethod method,
        DateTimeOffset now, CancellationToken ct);

    /// <summary>Sets the member's preferred language (<c>sv</c> or <c>en</c>).</summary>
    Task SetLanguageAsync(DbSession session, Guid memberId, string language, DateTimeOffset now, CancellationToken ct);
}
