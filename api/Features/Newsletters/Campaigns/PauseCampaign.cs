using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>Pauses a send: each batch job stops before its next message (the sender checks the status); resume goes on.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class PauseCampaign(Database db, IAuditLog audit, TimeProvider time) : Endpoint<NewsletterCampaignByIdRequest, NewsletterCampaignResponse>
{
    private static readonly Sql Pause = Sql.Portable($"""
        UPDATE newsletter_campaigns SET status = 'paused', updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'sending'
          AND EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope})
        """);

    public override void Configure()
    {
        Post("/newsletters/campaigns/{id}/pause");
        Description(b => b
            .WithName("newsletters_pauseCampaign")
            .WithSummary("Pause a send")
            .WithDescription("Only a campaign that is sending pauses (409 otherwise). Mail already handed to the mail server is not called back.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(NewsletterCampaignByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.BeginAsync(ct);
        await CampaignSql.GetAsync(session, req.Id, scope, ct);
        if (await session.ExecuteAsync(Pause, new { req.Id, Now = time.GetUtcNow(), scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.onlyASendingCampaignPauses"));
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.campaign-pause", "newsletter-campaign", req.Id.ToString()), ct);
        var paused = await CampaignSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await CampaignSql.SendAsync(HttpContext, paused, StatusCodes.Status200OK, ct);
    }
}
