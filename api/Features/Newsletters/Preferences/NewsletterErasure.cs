using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Newsletters.Preferences;

/// <summary>
/// A member's erasure removes what the newsletters keep of them, in the erasure's transaction: their topic choices and
/// welcome mail rows are deleted, the address is cleared from their rows of every campaign's recipients (the counts
/// stay), their unsubscribes stay as anonymous counts for the figures, and the addresses the campaigns mailed them at
/// are taken out of the bounces (kept as counts) and the suppressions. Members' own tables are already anonymised when
/// this runs, so the addresses are those of the recipients' rows.
/// </summary>
public sealed class NewsletterErasure : IErasureObserver
{
    /// <summary>What the stored address of a bounce becomes once its owner is erased.</summary>
    public const string ErasedAddress = "erased";

    private static readonly Sql Addresses = Sql.Portable("""
        SELECT DISTINCT email FROM newsletter_recipients WHERE member_id = @MemberId AND email IS NOT NULL
        """);

    private static readonly Sql DeleteSuppression = Sql.Portable("""
        DELETE FROM newsletter_suppressions WHERE email = @Email
        """);

    private static readonly Sql ForgetBounces = Sql.Portable("""
        UPDATE newsletter_bounces SET email = @Erased, reason = NULL WHERE email = @Email
        """);

    /// <summary>The personal data of the member, in the order it is removed.</summary>
    private static readonly Sql[] Forget =
    [
        Sql.Portable("DELETE FROM newsletter_topic_choices WHERE member_id = @MemberId"),
        Sql.Portable("DELETE FROM newsletter_welcome_mail WHERE member_id = @MemberId"),
        Sql.Portable("UPDATE newsletter_recipients SET email = NULL WHERE member_id = @MemberId AND email IS NOT NULL"),
        Sql.Portable("UPDATE newsletter_unsubscribes SET member_id = NULL WHERE member_id = @MemberId"),
    ];

    public async Task OnMemberErasedAsync(DbSession session, Guid memberId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var email in await session.QueryAsync<string>(Addresses, new { MemberId = memberId }, ct))
        {
            await session.ExecuteAsync(DeleteSuppression, new { Email = email }, ct);
            await session.ExecuteAsync(ForgetBounces, new { Email = email, Erased = ErasedAddress }, ct);
        }

        foreach (var statement in Forget)
        {
            await session.ExecuteAsync(statement, new { MemberId = memberId }, ct);
        }
    }
}
