using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>The campaigns the staff caller sees (their departments'; all for admins), newest first.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class ListCampaigns(Database db) : Endpoint<ListNewsletterCampaignsRequest, Paged<NewsletterCampaignSummary>>
{
    private const string Columns = """
        SELECT m.id AS Id, m.kind AS Kind, m.name AS Name, m.department_id AS DepartmentId, d.code AS DepartmentCode,
               m.topic_id AS TopicId, t.topic_key AS TopicKey, m.event_id AS EventId, m.subject_sv AS SubjectSv, m.subject_en AS SubjectEn,
               m.status AS Status, m.scheduled_at AS ScheduledAt, m.started_at AS StartedAt, m.finished_at AS FinishedAt,
               m.recipient_count AS RecipientCount, m.updated_at AS UpdatedAt, m.version AS Version
        """;

    public override void Configure()
    {
        Get("/newsletters/campaigns");
        Description(b => b
            .WithName("newsletters_listCampaigns")
            .WithSummary("List campaigns")
            .WithDescription("Newest first. Filters: status, departmentId (the sender), central=true (the central office's only). "
                + "The total is exact up to 1,000 campaigns."));
    }

    public override async Task HandleAsync(ListNewsletterCampaignsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await Query(req, DepartmentScope.Of(User)).ReadAsync<NewsletterCampaignSummary>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for, within the caller's scope.</summary>
    internal static PagedQuery Query(ListNewsletterCampaignsRequest req, DepartmentScope scope)
    {
        var conditions = new SqlConditions()
            .Add(CampaignSql.Scope)
            .Add("m.status = @Status", "Status", req.Status is { } status ? CampaignRules.Db(status) : null)
            .Add("m.department_id = @DepartmentId", "DepartmentId", req.DepartmentId);
        if (req.Central == true)
        {
            conditions.Add("m.department_id IS NULL");
        }

        conditions.Arguments.Add("ScopeAll", scope.ScopeAll);
        conditions.Arguments.Add("ScopeUserId", scope.ScopeUserId);
        return new PagedQuery(Columns, CampaignSql.From, conditions, "m.created_at DESC, m.id DESC");
    }

    public sealed class Validator : Validator<ListNewsletterCampaignsRequest>
    {
        public Validator() => this.ValidatePage();
    }
}
