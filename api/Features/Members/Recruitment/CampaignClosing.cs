using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>
/// Closing and reopening a campaign: the same change in two directions. Idempotent, also when two requests race; an
/// If-Match header is optional, and when sent it must name the current version. A closed campaign's link tells its visitors so, and counts no visits and
/// no sign-ups (members_openCampaignLink, members_signUp); what it counted before stays.
/// </summary>
internal static class CampaignClosing
{
    private static readonly Sql SetClosed = Sql.Portable($"""
        UPDATE recruitment_campaigns
        SET closed_at = @ClosedAt,
            version = version + 1
        WHERE id = @Id
          AND (@Pinned = 0 OR version = @Version)
          AND ((@Close = 1 AND closed_at IS NULL) OR (@Close = 0 AND closed_at IS NOT NULL))
          AND {StaffScope.Predicate("department_id")}
        """);

    /// <summary>Closes (or reopens) the campaign and answers with it.</summary>
    public static async Task HandleAsync(HttpContext context, Database db, IAuditLog audit, TimeProvider time, Guid id, bool close, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(context.User);
        await using var session = await db.BeginAsync(ct);
        var campaign = await RecruitmentSql.GetAsync(session, id, scope, ct);
        var version = Preconditions.Check(context, campaign.Version);
        // With If-Match the change is made against that version only; without, against the state: a second close that
        // meets a campaign someone has just closed is what was asked for, not a conflict.
        var pinned = EntityTags.ReadIfMatch(context.Request) is { Present: true, Any: false };
        if (campaign.ClosedAt is not null != close)
        {
            var rows = await session.ExecuteAsync(SetClosed, new
            {
                Id = id,
                Version = version,
                Pinned = pinned,
                Close = close,
                ClosedAt = close ? time.GetUtcNow() : (DateTimeOffset?)null,
                scope.ScopeAll,
                scope.ScopeUserId,
            }, ct);
            if (rows > 0)
            {
                var entry = close
                    ? new AuditEvent("campaign.close", "campaign", id.ToString())
                    : new AuditEvent("campaign.reopen", "campaign", id.ToString());
                await audit.WriteAsync(session, context, entry, ct);
            }

            campaign = await RecruitmentSql.GetAsync(session, id, scope, ct);
            // No row: another writer changed the campaign first; fine when it is now as asked and no version was named.
            Preconditions.Changed(rows > 0 || (!pinned && campaign.ClosedAt is not null == close) ? 1 : 0);
            await session.CommitAsync(ct);
        }

        await RecruitmentSql.SendAsync(context, campaign, ct);
    }
}
