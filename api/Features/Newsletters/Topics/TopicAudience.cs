namespace Alumni.Api.Features.Newsletters.Topics;

/// <summary>
/// Who is on a topic: an active member with an address whose consent for the topic's channel is in force (Members'
/// <c>member_channel_consents</c>), who belongs to the topic's department when it has one (<c>member_departments</c>),
/// has not turned the topic off, and whose address is not suppressed (bounced). The one definition of "subscribed",
/// used by the audience count, the fixing of a send's recipients and the check before each batch.
/// </summary>
internal static class TopicAudience
{
    /// <summary>
    /// A condition on the member row <c>c</c> of <c>member_contacts</c> (member_id, email, status) for the topic
    /// <c>@TopicId</c>; both dialects.
    /// </summary>
    public const string Subscribed = """
        c.status = 'Active' AND c.is_erased = 0 AND c.email IS NOT NULL
        AND EXISTS (SELECT 1 FROM newsletter_topics t
                    WHERE t.id = @TopicId AND t.active = 1
                      AND EXISTS (SELECT 1 FROM member_channel_consents k WHERE k.member_id = c.member_id AND k.channel = t.consent_channel)
                      AND (t.department_id IS NULL
                           OR EXISTS (SELECT 1 FROM member_departments md WHERE md.member_id = c.member_id AND md.department_id = t.department_id)))
        AND NOT EXISTS (SELECT 1 FROM newsletter_topic_choices x WHERE x.member_id = c.member_id AND x.topic_id = @TopicId AND x.subscribed = 0)
        AND NOT EXISTS (SELECT 1 FROM newsletter_suppressions s WHERE s.email = c.email)
        """;
}
