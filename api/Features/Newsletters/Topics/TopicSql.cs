using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Newsletters;

namespace Alumni.Api.Features.Newsletters.Topics;

/// <summary>The SQL the topic use cases share: a topic's columns, its read, and the count of its subscribers.</summary>
internal static class TopicSql
{
    /// <summary>The columns of <see cref="TopicResponse"/> from <c>newsletter_topics t</c> (without the count).</summary>
    public const string Columns = """
        t.id AS Id, t.topic_key AS "Key", t.kind AS Kind, t.department_id AS DepartmentId, t.consent_channel AS ConsentChannel,
        t.name_sv AS NameSv, t.name_en AS NameEn, t.description_sv AS DescriptionSv, t.description_en AS DescriptionEn,
        t.active AS Active, t.version AS Version
        """;

    [Unscoped("topics are the office's lists, which every staff member reads (coordinators may read central topics)")]
    public static readonly Sql Get = Sql.Portable($"""
        SELECT {Columns} FROM newsletter_topics t WHERE t.id = @Id
        """);

    [Unscoped("topics are the office's lists, which every staff member reads (coordinators may read central topics)")]
    public static readonly Sql All = Sql.Portable($"""
        SELECT {Columns} FROM newsletter_topics t
        WHERE t.active = 1 OR @IncludeInactive = 1
        ORDER BY CASE t.kind WHEN 'central' THEN 0 WHEN 'events' THEN 1 WHEN 'custom' THEN 2 ELSE 3 END, t.topic_key
        """);

    /// <summary>The members on the topic <c>@TopicId</c> now (<see cref="TopicAudience.Subscribed"/>).</summary>
    [Unscoped("a count of a topic's subscribers, the same for every staff member; no member is named")]
    public static readonly Sql Subscribers = Sql.Portable($"""
        SELECT COUNT(*) FROM member_contacts c WHERE {TopicAudience.Subscribed}
        """);

    /// <summary>A topic with its subscribers now; 404 when there is none.</summary>
    public static async Task<TopicResponse> GetAsync(DbSession session, Guid id, CancellationToken ct)
    {
        var topic = await session.QuerySingleOrDefaultAsync<TopicResponse>(Get, new { Id = id }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.topics.noTopicWithThatId"));
        return await WithSubscribersAsync(session, topic, ct);
    }

    public static async Task<TopicResponse> WithSubscribersAsync(DbSession session, TopicResponse topic, CancellationToken ct) =>
        topic with { Subscribers = (int)await session.ExecuteScalarAsync<long>(Subscribers, new { TopicId = topic.Id }, ct) };

    /// <summary>Answers the topic with its version as the ETag.</summary>
    public static async Task SendAsync(HttpContext context, TopicResponse topic, int status, CancellationToken ct)
    {
        Preconditions.SetETag(context, topic.Version);
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(topic, ct);
    }
}
