using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Members;

/// <summary>
/// Erasure (GDPR art. 17): every personal field removed, addresses, interests, notes and consent records deleted,
/// the person's sign-in revoked and anonymised, and what other slices keep of the member removed by them. What stays is anonymous: the member row's status, source, times
/// and campaign, and the affiliations (department, degree, years, credits) that the statistics count.
/// </summary>
internal static class MemberErasure
{
    private static readonly Sql UserOf = Sql.Portable("SELECT user_id AS UserId, email AS Email FROM members WHERE id = @Id");

    [Unscoped("the notes the erased person wrote as staff, about any member: their address goes, the notes stay")]
    private static readonly Sql ForgetAuthor = Sql.Portable("""
        UPDATE member_notes SET author_name = NULL WHERE author_id = @UserId
        """);

    private static readonly Sql Anonymise = Sql.Portable("""
        UPDATE members
        SET user_id = NULL, email = NULL, first_name = NULL, last_name = NULL, country = NULL, city = NULL, employer = NULL,
            job_title = NULL, industry = NULL, linkedin_url = NULL, bio = NULL, offers_mentor = 0, offers_guest_lecture = 0,
            offers_study_visit = 0, offers_panel = 0, directory_listed = 0, directory_fields = '', search_text = '',
            status = 'Erased', erased_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status <> 'Erased'
        """);

    [Unscoped("erases one member already checked: the caller's own record, or an admin's erasure on request")]
    private static readonly Sql AnonymiseAffiliations = Sql.Portable("""
        UPDATE member_affiliations SET programme = NULL WHERE member_id = @Id
        """);

    private static readonly Sql[] DeletePersonal =
    [
        Sql.Portable("DELETE FROM member_emails WHERE member_id = @Id"),
        Sql.Portable("DELETE FROM member_interests WHERE member_id = @Id"),
        Sql.Portable("DELETE FROM member_notes WHERE member_id = @Id"),
        Sql.Portable("DELETE FROM member_consents WHERE member_id = @Id"),
        Sql.Portable("DELETE FROM member_consent_history WHERE member_id = @Id"),
    ];

    /// <summary>
    /// Erases the member in the caller's transaction, telling every <see cref="IErasureObserver"/> (the other slices'
    /// personal data of the member); false when there was nothing left to erase.
    /// </summary>
    public static async Task<bool> EraseAsync(DbSession session, IAccounts accounts, IEnumerable<IErasureObserver> observers, Guid id,
        DateTimeOffset now, CancellationToken ct)
    {
        var person = await session.QuerySingleOrDefaultAsync<ErasedPerson>(UserOf, new { Id = id }, ct);
        if (person is null || await session.ExecuteAsync(Anonymise, new { Id = id, Now = now }, ct) == 0)
        {
            return false;
        }

        await session.ExecuteAsync(AnonymiseAffiliations, new { Id = id }, ct);
        foreach (var statement in DeletePersonal)
        {
            await session.ExecuteAsync(statement, new { Id = id }, ct);
        }

        if (person.UserId is { } user)
        {
            await session.ExecuteAsync(ForgetAuthor, new { UserId = user }, ct);
            await accounts.EraseUserAsync(session, user, now, ct);
        }
        else if (person.Email is { } email)
        {
            await accounts.ForgetAddressAsync(session, email, ct);
        }

        foreach (var observer in observers)
        {
            await observer.OnMemberErasedAsync(session, id, now, ct);
        }

        return true;
    }

    private sealed record ErasedPerson
    {
        public Guid? UserId { get; init; }
        public string? Email { get; init; }
    }
}
