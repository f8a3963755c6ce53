using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>
/// The operator's choice to resend the recipients whose mail was in flight when its sender stopped (uncertain): they go
/// back to the queue and their batches get a job again. A sent campaign goes back to sending; a paused one waits for resume.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class ResendUncertain(Database db, IAuditLog audit, TimeProvider time) : Endpoint<NewsletterCampaignByIdRequest, UncertainResponse>
{
    /// <summary>First, to take the campaign's row: a sent campaign sends again; a cancelled one is not changed.</summary>
    private static readonly Sql Reopen = Sql.Portable($"""
        UPDATE newsletter_campaigns
        SET status = CASE WHEN status = 'sent' THEN 'sending' ELSE status END,
            finished_at = CASE WHEN status = 'sent' THEN NULL ELSE finished_at END,
            updated_at = @Now, version = version + 1
        WHERE id = @Id AND status IN ('sending', 'paused', 'sent')
          AND EXISTS (SELECT 1 FROM newsletter_recipients r WHERE r.campaign_id = @Id AND r.state = 'uncertain')
          AND EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope})
        """);

    private static readonly Sql Requeue = Sql.Portable("""
        UPDATE newsletter_recipients SET state = 'queued', reason = NULL, next_attempt_at = NULL, updated_at = @Now
        WHERE campaign_id = @Id AND state = 'uncertain'
        """);

    public override void Configure()
    {
        Post("/newsletters/campaigns/{id}/uncertain/resend");
        Description(b => b
            .WithName("newsletters_resendUncertain")
            .WithSummary("Resend the uncertain recipients")
            .WithDescription("The recipients whose mail may or may not have arrived (their sender stopped while sending) are queued again; "
                + "some of them may get the mail twice. 409 when there are none, or the campaign is cancelled.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(NewsletterCampaignByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        await CampaignSql.GetAsync(session, req.Id, scope, ct);
        if (await session.ExecuteAsync(Reopen, new { req.Id, Now = now, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.noUncertainRecipients"));
        }

        var moved = await session.ExecuteAsync(Requeue, new { req.Id, Now = now }, ct);
        var campaign = await CampaignSql.GetAsync(session, req.Id, scope, ct);
        if (campaign.Status == CampaignStatus.Sending)
        {
            await CampaignSending.RequeueAsync(session, req.Id, now, ct);
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.campaign-resend-uncertain", "newsletter-campaign", req.Id.ToString()), ct);
        campaign = await CampaignSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await Send.OkAsync(new UncertainResponse { Recipients = moved, Status = campaign.Status }, ct);
    }
}
