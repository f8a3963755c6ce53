using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Newsletters.Topics;
using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>
/// Who a campaign reaches, composed with a segment's condition when it has one (a condition over <c>c.member_id</c>
/// in each dialect, from nl-segments' <c>SegmentSql</c>): the fixing of the recipients when a send starts, and the
/// audience count. Their shapes, with and without a segment, are tested in <c>RecipientSqlTests</c>.
/// </summary>
internal static class RecipientSql
{
    /// <summary>No segment: the topic's subscribers within the sender's department.</summary>
    public static readonly (string Sqlite, string SqlServer) NoSegment = ("", "");

    /// <summary>
    /// The recipients, fixed: every member on the campaign's topic (<see cref="TopicAudience.Subscribed"/>) who, when the
    /// campaign is a department's, belongs to that department, and who is in the segment when one is given; numbered
    /// into batches of <c>@BatchSize</c> from 0. Arguments <c>@Id</c>, <c>@TopicId</c>, <c>@BatchSize</c>, <c>@Now</c>, the scope.
    /// </summary>
    public static Sql Insert((string Sqlite, string SqlServer) segment) => Sql.Dialects(InsertText(segment.Sqlite), InsertText(segment.SqlServer));

    /// <summary>
    /// How many are on the topic now, within <c>@DepartmentId</c> when given, always within a coordinator's departments,
    /// and in the segment when one is given. Arguments <c>@TopicId</c>, <c>@DepartmentId</c>, the scope.
    /// </summary>
    public static Sql Audience((string Sqlite, string SqlServer) segment) => Sql.Dialects(AudienceText(segment.Sqlite), AudienceText(segment.SqlServer));

    private static string And(string condition) => condition.Length == 0 ? "" : $"\n                AND {condition}";

    private static string InsertText(string segment) => $"""
        INSERT INTO newsletter_recipients (campaign_id, member_id, email, language, batch, state, attempts, updated_at)
        SELECT @Id, a.member_id, a.email, a.language, (a.n - 1) / @BatchSize, 'queued', 0, @Now
        FROM (SELECT c.member_id AS member_id, c.email AS email,
                     CASE WHEN c.preferred_language = 'en' THEN 'en' ELSE 'sv' END AS language,
                     ROW_NUMBER() OVER (ORDER BY c.member_id) AS n
              FROM member_contacts c
              WHERE {TopicAudience.Subscribed}
                AND EXISTS (SELECT 1 FROM newsletter_campaigns x
                            WHERE x.id = @Id AND x.topic_id = @TopicId AND {StaffScope.Predicate("x.department_id")}
                              AND (x.department_id IS NULL
                                   OR EXISTS (SELECT 1 FROM member_departments xd WHERE xd.member_id = c.member_id AND xd.department_id = x.department_id))){And(segment)}) a
        """;

    private static string AudienceText(string segment) => $"""
        SELECT COUNT(*) FROM member_contacts c
        WHERE {TopicAudience.Subscribed}
          AND (@DepartmentId IS NULL
               OR EXISTS (SELECT 1 FROM member_departments xd WHERE xd.member_id = c.member_id AND xd.department_id = @DepartmentId))
          AND (@ScopeAll = 1
               OR EXISTS (SELECT 1 FROM member_departments md WHERE md.member_id = c.member_id AND {StaffScope.Predicate("md.department_id")})){And(segment)}
        """;
}
