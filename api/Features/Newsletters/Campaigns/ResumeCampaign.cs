using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>Resumes a paused send: a job again for every batch with recipients still queued (none waiting or running for it).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class ResumeCampaign(Database db, IAuditLog audit, TimeProvider time) : Endpoint<NewsletterCampaignByIdRequest, NewsletterCampaignResponse>
{
    private static readonly Sql Resume = Sql.Portable($"""
        UPDATE newsletter_campaigns SET status = 'sending', updated_at = @Now, version = version + 1
        WHERE id = @Id AND status = 'paused'
          AND EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope})
        """);

    public override void Configure()
    {
        Post("/newsletters/campaigns/{id}/resume");
        Description(b => b
            .WithName("newsletters_resumeCampaign")
            .WithSummary("Resume a paused send")
            .WithDescription("Only a paused campaign resumes (409 otherwise). When nothing is left to send it is marked sent.")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(NewsletterCampaignByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        await CampaignSql.GetAsync(session, req.Id, scope, ct);
        if (await session.ExecuteAsync(Resume, new { req.Id, Now = now, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.onlyAPausedCampaignResumes"));
        }

        await CampaignSending.RequeueAsync(session, req.Id, now, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.campaign-resume", "newsletter-campaign", req.Id.ToString()), ct);
        var resumed = await CampaignSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await CampaignSql.SendAsync(HttpContext, resumed, StatusCodes.Status200OK, ct);
    }
}
