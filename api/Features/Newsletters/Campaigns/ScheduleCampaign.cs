using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>Schedules a draft (or re-times a scheduled campaign): the schedule starts it when the time comes.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class ScheduleCampaign(Database db, CampaignSending sending, IAuditLog audit, TimeProvider time) : Endpoint<ScheduleNewsletterCampaignRequest, NewsletterCampaignResponse>
{
    private static readonly Sql Schedule = Sql.Portable($"""
        UPDATE newsletter_campaigns
        SET status = 'scheduled', scheduled_at = @ScheduledAt, updated_at = @Now, version = version + 1
        WHERE id = @Id AND status IN ('draft', 'scheduled')
          AND EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope})
        """);

    public override void Configure()
    {
        Post("/newsletters/campaigns/{id}/schedule");
        Description(b => b
            .WithName("newsletters_scheduleCampaign")
            .WithSummary("Schedule a campaign")
            .WithDescription("A draft or scheduled campaign is sent at scheduledAt (in the future: 400 otherwise). The mail is checked now as "
                + "for a send (400 naming the field); the recipients are fixed when sending starts. 409 once sending started or when cancelled.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable));
    }

    public override async Task HandleAsync(ScheduleNewsletterCampaignRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        if (req.ScheduledAt <= now)
        {
            ThrowError(r => r.ScheduledAt, Texts.Get("newsletters.campaigns.scheduleInTheFuture"));
        }

        await sending.CheckSendableAsync(req.Id, scope, HttpContext.RequestServices, ct);
        await using var session = await db.BeginAsync(ct);
        if (await session.ExecuteAsync(Schedule, new { req.Id, req.ScheduledAt, Now = now, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.onlyADraftOrScheduledStarts"));
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.campaign-schedule", "newsletter-campaign", req.Id.ToString()), ct);
        var scheduled = await CampaignSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await CampaignSql.SendAsync(HttpContext, scheduled, StatusCodes.Status200OK, ct);
    }
}
