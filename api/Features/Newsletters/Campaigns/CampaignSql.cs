using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;
using Alumni.Contracts.Problems;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>The SQL the campaign use cases share: staff's read of a campaign, and the checks of what a campaign names.</summary>
internal static class CampaignSql
{
    /// <summary>
    /// The staff who see and change the campaign <c>m</c>: admins and keys all; a coordinator their departments'
    /// campaigns. The central office's (no department) only admins.
    /// </summary>
    public static readonly string Scope = StaffScope.Predicate("m.department_id");

    /// <summary>The columns of <see cref="NewsletterCampaignResponse"/> from <c>newsletter_campaigns m</c>, its topic <c>t</c> and department <c>d</c>.</summary>
    public const string Columns = """
        m.id AS Id, m.kind AS Kind, m.name AS Name, m.department_id AS DepartmentId, d.code AS DepartmentCode,
        m.topic_id AS TopicId, t.topic_key AS TopicKey, m.segment_id AS SegmentId, m.event_id AS EventId, m.layout_id AS LayoutId,
        m.source_message_id AS SourceMessageId, m.subject_sv AS SubjectSv, m.subject_en AS SubjectEn,
        m.preheader_sv AS PreheaderSv, m.preheader_en AS PreheaderEn, m.body_sv AS BodySv, m.body_en AS BodyEn,
        m.status AS Status, m.scheduled_at AS ScheduledAt, m.started_at AS StartedAt, m.finished_at AS FinishedAt,
        m.recipient_count AS RecipientCount, m.created_at AS CreatedAt, m.updated_at AS UpdatedAt, m.version AS Version
        """;

    public const string From = """
        newsletter_campaigns m
        JOIN newsletter_topics t ON t.id = m.topic_id
        LEFT JOIN department_directory d ON d.id = m.department_id
        """;

    public static readonly Sql Get = Sql.Portable($"""
        SELECT {Columns}
        FROM {From}
        WHERE m.id = @Id AND {Scope}
        """);

    [Unscoped("reads the department the request names, to refuse one outside the caller's scope with a 403 rather than a 400")]
    public static readonly Sql Department = Sql.Portable("""
        SELECT id FROM department_directory WHERE id = @Id
        """);

    public static readonly Sql DepartmentInScope = Sql.Portable($"""
        SELECT COUNT(*) FROM department_directory d WHERE d.id = @Id AND {StaffScope.Predicate("d.id")}
        """);

    [Unscoped("topics are the office's lists, which every staff member reads; which topic a department may use is checked by the handler")]
    public static readonly Sql Topic = Sql.Portable("""
        SELECT t.id AS Id, t.kind AS Kind, t.department_id AS DepartmentId, t.active AS Active
        FROM newsletter_topics t WHERE t.id = @Id
        """);

    public static readonly Sql SegmentInScope = Sql.Portable($"""
        SELECT COUNT(*) FROM newsletter_segments s WHERE s.id = @Id AND {StaffScope.Predicate("s.department_id")}
        """);

    /// <summary>A published event the caller sees: an admin any, a coordinator one their departments organise or co-host.</summary>
    public static readonly Sql EventVisible = Sql.Portable($"""
        SELECT COUNT(*) FROM event_invitation_facts e
        WHERE e.id = @Id AND e.status = 'published'
          AND (@ScopeAll = 1 OR EXISTS (SELECT 1 FROM event_hosts h WHERE h.event_id = e.id AND {StaffScope.Predicate("h.department_id")}))
        """);

    public static readonly Sql Layout = Sql.Portable("""
        SELECT COUNT(*) FROM newsletter_layouts WHERE id = @Id
        """);

    /// <summary>A campaign the staff caller sees; 404 for any other.</summary>
    public static async Task<NewsletterCampaignResponse> GetAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<NewsletterCampaignResponse>(Get, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("newsletters.campaigns.noCampaignWithThatId"));

    /// <summary>Answers the campaign with its version as the ETag.</summary>
    public static async Task SendAsync(HttpContext context, NewsletterCampaignResponse campaign, int status, CancellationToken ct)
    {
        Preconditions.SetETag(context, campaign.Version);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(campaign, ct);
    }

    /// <summary>
    /// Checks what a campaign names: the sender (one of the caller's departments, or the central office for an admin:
    /// 403 otherwise), the topic (active; a department sends to its own topic or event invitations: 403 otherwise),
    /// and the segment, event and layout (each one the caller may use, or a 400 on its field).
    /// </summary>
    public static async Task CheckTargetsAsync(DbSession session, NewsletterCampaignInput input, DepartmentScope scope, CancellationToken ct)
    {
        if (input.DepartmentId is not { } department)
        {
            if (!scope.ScopeAll)
            {
                throw Forbidden(Texts.Get("newsletters.campaigns.onlyAdminsSendCentral"));
            }
        }
        else
        {
            if (await session.ExecuteScalarAsync<Guid?>(Department, new { Id = department }, ct) is null)
            {
                throw ProblemException.Field("departmentId", Texts.Get("newsletters.campaigns.noSuchDepartment"));
            }

            if (await session.ExecuteScalarAsync<long>(DepartmentInScope, new { Id = department, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
            {
                throw Forbidden(Texts.Get("newsletters.campaigns.notOneOfYourDepartments"));
            }
        }

        var topic = await session.QuerySingleOrDefaultAsync<TopicRow>(Topic, new { Id = input.TopicId }, ct);
        if (topic is not { Active: true })
        {
            throw ProblemException.Field("topicId", Texts.Get("newsletters.campaigns.noActiveTopicWithThatId"));
        }

        if (input.DepartmentId is { } sender && !(topic.Kind == TopicKind.Events || topic.Kind == TopicKind.Department && topic.DepartmentId == sender))
        {
            throw Forbidden(Texts.Get("newsletters.campaigns.departmentsSendToTheirTopic"));
        }

        if (input.SegmentId is { } segment
            && await session.ExecuteScalarAsync<long>(SegmentInScope, new { Id = segment, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw ProblemException.Field("segmentId", Texts.Get("newsletters.campaigns.noSegmentOfYoursWithThatId"));
        }

        if (input.EventId is { } ev
            && await session.ExecuteScalarAsync<long>(EventVisible, new { Id = ev, scope.ScopeAll, scope.ScopeUserId }, ct) == 0)
        {
            throw ProblemException.Field("eventId", Texts.Get("newsletters.campaigns.noPublishedEventOfYours"));
        }

        if (input.LayoutId is { } layout && await session.ExecuteScalarAsync<long>(Layout, new { Id = layout }, ct) == 0)
        {
            throw ProblemException.Field("layoutId", Texts.Get("newsletters.campaigns.noLayoutWithThatId"));
        }
    }

    private static ProblemException Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail, ProblemTypes.Forbidden);

    private sealed record TopicRow
    {
        public Guid Id { get; init; }
        public TopicKind Kind { get; init; }
        public Guid? DepartmentId { get; init; }
        public bool Active { get; init; }
    }
}
