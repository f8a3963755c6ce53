using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>
/// Creates a campaign as a draft, for one of the caller's departments (or, for an admin, the central office), to a
/// topic that sender may use; from a ready-made message of the library when one is named (its texts fill those not given).
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class CreateCampaign(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateNewsletterCampaignRequest, NewsletterCampaignResponse>
{
    private static readonly Sql Insert = Sql.Portable($"""
        INSERT INTO newsletter_campaigns (id, kind, name, department_id, topic_id, segment_id, event_id, layout_id, source_message_id,
                                          subject_sv, subject_en, preheader_sv, preheader_en, body_sv, body_en, status, recipient_count,
                                          created_by, created_at, updated_at, version)
        SELECT @Id, @Kind, @Name, @DepartmentId, @TopicId, @SegmentId, @EventId, @LayoutId, @SourceMessageId,
               @SubjectSv, @SubjectEn, @PreheaderSv, @PreheaderEn, @BodySv, @BodyEn, 'draft', 0,
               @CreatedBy, @Now, @Now, 1
        WHERE {Identity.StaffScope.Predicate("@DepartmentId")}
        """);

    private static readonly Sql SourceMessage = Sql.Portable("""
        SELECT subject_sv AS SubjectSv, subject_en AS SubjectEn, preheader_sv AS PreheaderSv, preheader_en AS PreheaderEn,
               body_sv AS BodySv, body_en AS BodyEn
        FROM newsletter_messages WHERE id = @Id
        """);

    public override void Configure()
    {
        Post("/newsletters/campaigns");
        Description(b => b
            .WithName("newsletters_createCampaign")
            .WithSummary("Create a campaign")
            .WithDescription("A new draft. Coordinators send for their own departments, to their department's topic or to event invitations; "
                + "only admins for the central office (no department) and to the other topics (403 otherwise). With sourceMessageId the texts "
                + "not given are copied from that ready-made message. An eventId makes it an invitation (a published event the caller sees).")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<NewsletterCampaignResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(CreateNewsletterCampaignRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var input = (NewsletterCampaignInput)req;
        if (req.SourceMessageId is { } messageId)
        {
            var message = await session.QuerySingleOrDefaultAsync<MessageTexts>(SourceMessage, new { Id = messageId }, ct)
                ?? throw ProblemException.Field("sourceMessageId", Texts.Get("newsletters.campaigns.noMessageWithThatId"));
            input = req with
            {
                SubjectSv = TextRules.Clean(req.SubjectSv) ?? message.SubjectSv,
                SubjectEn = TextRules.Clean(req.SubjectEn) ?? message.SubjectEn,
                PreheaderSv = TextRules.Clean(req.PreheaderSv) ?? message.PreheaderSv,
                PreheaderEn = TextRules.Clean(req.PreheaderEn) ?? message.PreheaderEn,
                BodySv = TextRules.Clean(req.BodySv) ?? message.BodySv,
                BodyEn = TextRules.Clean(req.BodyEn) ?? message.BodyEn,
            };
        }

        await CampaignSql.CheckTargetsAsync(session, input, scope, ct);
        var id = Guid.CreateVersion7(now);
        var values = CampaignRules.Values(id, input, now);
        values.Add("SourceMessageId", req.SourceMessageId);
        values.Add("CreatedBy", User.PersonId());
        values.Add("ScopeAll", scope.ScopeAll);
        values.Add("ScopeUserId", scope.ScopeUserId);
        await session.ExecuteAsync(Insert, values, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.campaign-create", "newsletter-campaign", id.ToString()), ct);
        var created = await CampaignSql.GetAsync(session, id, scope, ct);
        await session.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/newsletters/campaigns/{id}";
        await CampaignSql.SendAsync(HttpContext, created, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateNewsletterCampaignRequest>
    {
        public Validator() => this.AddCampaignRules();
    }

    private sealed record MessageTexts
    {
        public string? SubjectSv { get; init; }
        public string? SubjectEn { get; init; }
        public string? PreheaderSv { get; init; }
        public string? PreheaderEn { get; init; }
        public string? BodySv { get; init; }
        public string? BodyEn { get; init; }
    }
}
