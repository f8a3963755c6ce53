using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>
/// The operator's choice not to resend the uncertain recipients: each is recorded as skipped with the reason
/// "not resent (uncertain)" (the mail may have arrived; nobody gets it twice). A send with nothing else left is then sent.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class SettleUncertain(Database db, IAuditLog audit, TimeProvider time) : Endpoint<NewsletterCampaignByIdRequest, UncertainResponse>
{
    /// <summary>First, to take the campaign's row (and so wait for a concurrent resend).</summary>
    private static readonly Sql Touch = Sql.Portable($"""
        UPDATE newsletter_campaigns SET updated_at = @Now, version = version + 1
        WHERE id = @Id
          AND EXISTS (SELECT 1 FROM newsletter_recipients r WHERE r.campaign_id = @Id AND r.state = 'uncertain')
          AND EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope})
        """);

    private static readonly Sql Settle = Sql.Portable("""
        UPDATE newsletter_recipients SET state = 'skipped', reason = @Reason, updated_at = @Now
        WHERE campaign_id = @Id AND state = 'uncertain'
        """);

    private static readonly Sql Unfinished = Sql.Portable("""
        SELECT COUNT(*) FROM newsletter_recipients WHERE campaign_id = @Id AND state IN ('queued', 'sending')
        """);

    private static readonly Sql Finish = Sql.Portable($"""
        UPDATE newsletter_campaigns SET status = 'sent', finished_at = @Now
        WHERE id = @Id AND status = 'sending'
          AND EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope})
        """);

    public override void Configure()
    {
        Post("/newsletters/campaigns/{id}/uncertain/settle");
        Description(b => b
            .WithName("newsletters_settleUncertain")
            .WithSummary("Do not resend the uncertain recipients")
            .WithDescription("Records each uncertain recipient as skipped, reason \"not resent (uncertain)\": their mail may have arrived and is "
                + "not sent again. 409 when there are none.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(NewsletterCampaignByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        await CampaignSql.GetAsync(session, req.Id, scope, ct);
        var args = new { req.Id, Now = now, Reason = CampaignRules.NotResentReason, scope.ScopeAll, scope.ScopeUserId };
        if (await session.ExecuteAsync(Touch, args, ct) == 0)
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.noUncertainRecipients"));
        }

        var settled = await session.ExecuteAsync(Settle, args, ct);
        if (await session.ExecuteScalarAsync<long>(Unfinished, args, ct) == 0)
        {
            await session.ExecuteAsync(Finish, args, ct);
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.campaign-settle-uncertain", "newsletter-campaign", req.Id.ToString()), ct);
        var campaign = await CampaignSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await Send.OkAsync(new UncertainResponse { Recipients = settled, Status = campaign.Status }, ct);
    }
}
