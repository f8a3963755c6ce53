using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members;

/// <summary>
/// A member's consents and language changed by another slice on the member's own behalf (the newsletters' preference
/// page and one-click unsubscribe), with the profile's own steps: each real change in the consent history with its
/// method, the directory listing following the directory consent, an unsubscription ended by giving any consent, and
/// the member unsubscribed once no consent is left.
/// </summary>
public sealed class MemberConsents : IMemberConsents
{
    private static readonly Sql SetLanguage = Sql.Portable("""
        UPDATE members SET preferred_language = @Language, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status <> 'Erased' AND preferred_language <> @Language
        """);

    public async Task SetAsync(DbSession session, Guid memberId, IReadOnlyCollection<(ConsentChannel Channel, bool Granted)> changes, ConsentMethod method,
        DateTimeOffset now, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }

        await MemberSql.SetConsentsAsync(session, memberId, changes, method, now, ct);
        var given = await MemberSql.GivenConsentsAsync(session, memberId, ct);
        await session.ExecuteAsync(MemberSql.SyncListing, new
        {
            Id = memberId,
            Listed = given.Contains(ConsentChannel.Directory),
            AnyGranted = changes.Any(c => c.Granted),
            Now = now,
        }, ct);
        if (given.Count == 0)
        {
            await session.ExecuteAsync(MemberSql.Unsubscribe, new { Id = memberId, Now = now }, ct);
        }
    }

    public Task SetLanguageAsync(DbSession session, Guid memberId, string language, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(SetLanguage, new { Id = memberId, Language = language, Now = now }, ct);
}
