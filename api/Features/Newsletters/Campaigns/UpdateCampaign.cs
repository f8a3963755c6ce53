using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>Changes a draft or scheduled campaign, guarded by its version (If-Match); once sending started it is a 409.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class UpdateCampaign(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateNewsletterCampaignRequest, NewsletterCampaignResponse>
{
    private static readonly Sql Update = Sql.Portable($"""
        UPDATE newsletter_campaigns
        SET kind = @Kind, name = @Name, department_id = @DepartmentId, topic_id = @TopicId, segment_id = @SegmentId, event_id = @EventId,
            layout_id = @LayoutId, subject_sv = @SubjectSv, subject_en = @SubjectEn, preheader_sv = @PreheaderSv, preheader_en = @PreheaderEn,
            body_sv = @BodySv, body_en = @BodyEn, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status IN ('draft', 'scheduled')
          AND EXISTS (SELECT 1 FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope})
        """);

    private static readonly Sql Status = Sql.Portable($"""
        SELECT m.status FROM newsletter_campaigns m WHERE m.id = @Id AND {CampaignSql.Scope}
        """);

    public override void Configure()
    {
        Put("/newsletters/campaigns/{id}");
        Description(b => b
            .WithName("newsletters_updateCampaign")
            .WithSummary("Update a campaign")
            .WithDescription("Replaces the campaign's fields while it is a draft or scheduled (409 once sending started, or when cancelled). "
                + "Send the ETag in If-Match: a stale one gets 412, none gets 428. The same rules as on create for the sender, topic, segment and event.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateNewsletterCampaignRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var current = await CampaignSql.GetAsync(session, req.Id, scope, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (!CampaignRules.IsEditable(current.Status))
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.onlyADraftOrScheduledChanges"));
        }

        await CampaignSql.CheckTargetsAsync(session, req, scope, ct);
        var values = CampaignRules.Values(req.Id, req, now);
        values.Add("Version", version);
        values.Add("ScopeAll", scope.ScopeAll);
        values.Add("ScopeUserId", scope.ScopeUserId);
        if (await session.ExecuteAsync(Update, values, ct) == 0)
        {
            // Another writer won: a newer version (412), or sending started meanwhile (409).
            var status = await session.ExecuteScalarAsync<string>(Status, new { req.Id, scope.ScopeAll, scope.ScopeUserId }, ct);
            if (status is not ("draft" or "scheduled"))
            {
                throw ProblemException.Conflict(Texts.Get("newsletters.campaigns.onlyADraftOrScheduledChanges"));
            }

            Preconditions.Changed(0);
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.campaign-update", "newsletter-campaign", req.Id.ToString()), ct);
        var updated = await CampaignSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await CampaignSql.SendAsync(HttpContext, updated, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<UpdateNewsletterCampaignRequest>
    {
        public Validator() => this.AddCampaignRules();
    }
}
