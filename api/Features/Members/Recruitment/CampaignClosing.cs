using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>
/// Closing and reopening a campaign: the same change in two directions. Idempotent; an If-Match header is optional, and
/// when sent it must name the current version. A closed campaign's link tells its visitors so, and counts no visits and
/// no sign-ups (members_openCampaignLink, members_signUp); what it counted before stays.
/// </summary>
internal static class CampaignClosing
{
    private static readonly Sql SetClosed = Sql.Portable($"""
        UPDATE recruitment_campaigns
        SET closed_at = @ClosedAt,
            version = version + 1
        WHERE id = @Id AND version = @Version
          AND {StaffScope.Predicate("department_id")}
        """);

    /// <summary>Closes (or reopens) the campaign and answers with it.</summary>
    public static async Task HandleAsync(HttpContext context, Database db, IAuditLog audit, TimeProvider time, Guid id, bool close, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(context.User);
        await using var session = await db.BeginAsync(ct);
        var campaign = await RecruitmentSql.GetAsync(session, id, scope, ct);
        var version = Preconditions.Check(context, campaign.Version);
        if (campaign.ClosedAt is not null != close)
        {
            Preconditions.Changed(await session.ExecuteAsync(SetClosed, new
            {
                Id = id,
                Version = version,
                ClosedAt = close ? time.GetUtcNow() : (DateTimeOffset?)null,
                scope.ScopeAll,
                scope.ScopeUserId,
            }, ct));
            var entry = close
                ? new AuditEvent("campaign.close", "campaign", id.ToString())
                : new AuditEvent("campaign.reopen", "campaign", id.ToString());
            await audit.WriteAsync(session, context, entry, ct);
            campaign = await RecruitmentSql.GetAsync(session, id, scope, ct);
            await session.CommitAsync(ct);
        }

        await RecruitmentSql.SendAsync(context, campaign, ct);
    }
}
