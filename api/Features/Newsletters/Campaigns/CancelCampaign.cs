using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>Cancels a campaign before or during its send: the recipients still queued are skipped (reason <c>cancelled</c>).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class CancelCampaign(Database db, IAuditLog audit, TimeProvider time) : Endpoint<NewsletterCampaignByIdRequest, NewsletterCampaignResponse>
{
    private static readonly Sql Cancel = Sql.Portable($"""
        UPDATE newsletter_campaigns SET status = 'cancelled', finished_at = @Now, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status IN ('draft', 'scheduled', 'sending', 'paused')
          AND EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope})
        """);

    private static readonly Sql SkipQueued = Sql.Portable("""
        UPDATE newsletter_recipients SET state = 'skipped', reason = @Reason, updated_at = @Now
        WHERE campaign_id = @Id AND state = 'queued'
        """);

    public override void Configure()
    {
        Post("/newsletters/campaigns/{id}/cancel");
        Description(b => b
            .WithName("newsletters_cancelCampaign")
            .WithSummary("Cancel a campaign")
            .WithDescription("A draft, scheduled, sending or paused campaign is cancelled; no more of its mail is sent (the recipients still queued "
                + "are recorded as skipped, reason cancelled). A sent or cancelled campaign is a 409.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(NewsletterCampaignByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        await CampaignSql.GetAsync(session, req.Id, scope, ct);
        if (await session.ExecuteAsync(Cancel, new { req.Id, Now = now, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.aFinishedCampaignStays"));
        }

        await session.ExecuteAsync(SkipQueued, new { req.Id, Reason = CampaignRules.CancelledReason, Now = now }, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.campaign-cancel", "newsletter-campaign", req.Id.ToString()), ct);
        var cancelled = await CampaignSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await CampaignSql.SendAsync(HttpContext, cancelled, StatusCodes.Status200OK, ct);
    }
}
