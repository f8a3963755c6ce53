using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Members;
using Alumni.Contracts.Newsletters;

namespace Alumni.Api.Features.Newsletters.Preferences;

/// <summary>How a member changed their newsletter preferences (stored in <c>newsletter_topic_choices.method</c> and <c>newsletter_unsubscribes.method</c>).</summary>
public enum PreferenceMethod
{
    /// <summary>The RFC 8058 one-click unsubscribe of a mail.</summary>
    OneClick,

    /// <summary>The preference page reached from a mail's link.</summary>
    PreferencePage,

    /// <summary>The preference page of the signed-in member's profile.</summary>
    Profile,
}

/// <summary>
/// A member's newsletter preferences, read and changed: the topics they may be on (the central newsletter, event
/// invitations, their departments' mailings, the office's other lists), each on when the consent of its channel is in
/// force (Members' <c>member_channel_consents</c>) and the member has not turned it off (<c>newsletter_topic_choices</c>).
/// Consents change only through Members' <see cref="IMemberConsents"/>, as the member's own act. Every topic turned off
/// is recorded in <c>newsletter_unsubscribes</c> with the campaign whose link was used.
/// </summary>
public sealed class PreferenceSql(IMemberConsents consents)
{
    /// <summary>The consents a newsletter topic can rest on: "unsubscribe from everything" withdraws these.</summary>
    public static readonly ConsentChannel[] NewsletterChannels =
        [ConsentChannel.CentralNewsletter, ConsentChannel.DepartmentMailings, ConsentChannel.EventInvitations];

    private const string Own = "a member's own preferences: the topics open to them, not a staff caller's department rows";

    private static readonly Sql MemberById = Sql.Portable("""
        SELECT c.member_id AS MemberId, c.first_name AS FirstName, c.preferred_language AS Language
        FROM member_contacts c
        WHERE c.member_id = @MemberId AND c.is_erased = 0
        """);

    private static readonly Sql MemberByUser = Sql.Portable("""
        SELECT c.member_id AS MemberId, c.first_name AS FirstName, c.preferred_language AS Language
        FROM member_contacts c
        WHERE c.user_id = @UserId AND c.is_erased = 0
        """);

    [Unscoped(Own)]
    private static readonly Sql Topics = Sql.Portable("""
        SELECT t.id AS Id, t.topic_key AS "Key", t.kind AS Kind, t.consent_channel AS ConsentChannel, t.name_sv AS NameSv,
               t.name_en AS NameEn, t.description_sv AS DescriptionSv, t.description_en AS DescriptionEn,
               CASE WHEN EXISTS (SELECT 1 FROM member_channel_consents k WHERE k.member_id = @MemberId AND k.channel = t.consent_channel)
                     AND NOT EXISTS (SELECT 1 FROM newsletter_topic_choices x WHERE x.member_id = @MemberId AND x.topic_id = t.id AND x.subscribed = 0)
                    THEN 1 ELSE 0 END AS Subscribed
        FROM newsletter_topics t
        WHERE t.active = 1
          AND (t.department_id IS NULL
               OR EXISTS (SELECT 1 FROM member_departments md WHERE md.member_id = @MemberId AND md.department_id = t.department_id))
        ORDER BY CASE t.kind WHEN 'central' THEN 0 WHEN 'events' THEN 1 WHEN 'department' THEN 2 ELSE 3 END, t.name_en, t.id
        """);

    [Unscoped(Own)]
    private static readonly Sql TopicById = Sql.Portable("""
        SELECT t.id AS Id, t.topic_key AS "Key", t.kind AS Kind, t.consent_channel AS ConsentChannel, t.name_sv AS NameSv,
               t.name_en AS NameEn, t.description_sv AS DescriptionSv, t.description_en AS DescriptionEn,
               CASE WHEN EXISTS (SELECT 1 FROM member_channel_consents k WHERE k.member_id = @MemberId AND k.channel = t.consent_channel)
                     AND NOT EXISTS (SELECT 1 FROM newsletter_topic_choices x WHERE x.member_id = @MemberId AND x.topic_id = t.id AND x.subscribed = 0)
                    THEN 1 ELSE 0 END AS Subscribed
        FROM newsletter_topics t
        WHERE t.id = @TopicId
        """);

    [Unscoped("the topic of the campaign whose mail carried a member's own unsubscribe link")]
    private static readonly Sql CampaignTopic = Sql.Portable("""
        SELECT topic_id FROM newsletter_campaigns WHERE id = @CampaignId
        """);

    private static readonly Sql Consents = Sql.Portable("""
        SELECT channel FROM member_channel_consents WHERE member_id = @MemberId
        """);

    private static readonly Sql DeleteChoice = Sql.Portable("""
        DELETE FROM newsletter_topic_choices WHERE member_id = @MemberId AND topic_id = @TopicId
        """);

    private static readonly Sql InsertChoice = Sql.Portable("""
        INSERT INTO newsletter_topic_choices (member_id, topic_id, subscribed, method, campaign_id, changed_at)
        VALUES (@MemberId, @TopicId, 0, @Method, @CampaignId, @Now)
        """);

    private static readonly Sql InsertUnsubscribe = Sql.Portable("""
        INSERT INTO newsletter_unsubscribes (id, member_id, topic_id, campaign_id, method, created_at)
        VALUES (@Id, @MemberId, @TopicId, @CampaignId, @Method, @Now)
        """);

    /// <summary>The member (not erased) by id, or null.</summary>
    public static Task<PreferenceMember?> MemberAsync(DbSession session, Guid memberId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<PreferenceMember>(MemberById, new { MemberId = memberId }, ct);

    /// <summary>The signed-in person's member record (not erased), or null.</summary>
    public static Task<PreferenceMember?> MemberOfUserAsync(DbSession session, Guid userId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<PreferenceMember>(MemberByUser, new { UserId = userId }, ct);

    /// <summary>The member's preferences as the page shows them.</summary>
    public static async Task<PreferencesResponse> LoadAsync(DbSession session, PreferenceMember member, CancellationToken ct)
    {
        var topics = await session.QueryAsync<PreferenceTopic>(Topics, new { member.MemberId }, ct);
        var given = await GivenAsync(session, member.MemberId, ct);
        return new PreferencesResponse
        {
            FirstName = member.FirstName ?? "",
            Language = member.Language ?? "sv",
            Topics = topics,
            UnsubscribedFromAll = !NewsletterChannels.Any(given.Contains),
        };
    }

    /// <summary>
    /// Makes the changes a member asked for on their preference page (all in the caller's transaction): the language;
    /// everything off; or topics on (giving a consent not yet given, while the channel's other topics that were off stay
    /// off) and off (a choice, or for the central newsletter and event invitations the consent withdrawn).
    /// </summary>
    public async Task ChangeAsync(DbSession session, PreferenceMember member, PreferencesChange change, Guid? campaignId, PreferenceMethod method,
        DateTimeOffset now, CancellationToken ct)
    {
        var consentMethod = ConsentMethodOf(method);
        var topics = (await session.QueryAsync<PreferenceTopic>(Topics, new { member.MemberId }, ct)).ToDictionary(t => t.Id);
        for (var i = 0; i < change.Topics.Count; i++)
        {
            if (!topics.ContainsKey(change.Topics[i].Id))
            {
                throw ProblemException.Field($"topics[{i}].id", Texts.Get("newsletters.preferenceTopicNotYours"));
            }
        }

        if (change.Language is { } language)
        {
            await consents.SetLanguageAsync(session, member.MemberId, language, now, ct);
        }

        if (change.UnsubscribeAll == true)
        {
            await UnsubscribeAllAsync(session, member.MemberId, campaignId, method, now, ct);
            return;
        }

        var given = await GivenAsync(session, member.MemberId, ct);
        var named = change.Topics.Select(t => t.Id).ToHashSet();
        var gives = change.Topics.Where(t => t.Subscribed).Select(t => topics[t.Id].ConsentChannel).Where(c => !given.Contains(c)).Distinct().ToList();
        foreach (var other in topics.Values.Where(t => gives.Contains(t.ConsentChannel) && !named.Contains(t.Id) && !t.Subscribed))
        {
            // Off because the consent was not given: giving it for another topic does not turn this one on.
            await ChooseOffAsync(session, member.MemberId, other.Id, campaignId, method, now, ct);
        }

        await consents.SetAsync(session, member.MemberId, gives.Select(c => (c, true)).ToList(), consentMethod, now, ct);
        foreach (var on in change.Topics.Where(t => t.Subscribed))
        {
            await session.ExecuteAsync(DeleteChoice, new { member.MemberId, TopicId = on.Id }, ct);
        }

        var withdrawals = new List<ConsentChannel>();
        foreach (var off in change.Topics.Where(t => !t.Subscribed).Select(t => topics[t.Id]).Where(t => t.Subscribed))
        {
            await TurnOffAsync(session, member.MemberId, off, campaignId, method, withdrawals, now, ct);
        }

        await consents.SetAsync(session, member.MemberId, withdrawals.Distinct().Select(c => (c, false)).ToList(), consentMethod, now, ct);
    }

    /// <summary>
    /// The one-click unsubscribe: the campaign's topic off (or everything, for a link without a campaign or whose
    /// campaign is gone); the topic turned off, or null for everything.
    /// </summary>
    public async Task<Guid?> OneClickAsync(DbSession session, PreferenceMember member, Guid? campaignId, DateTimeOffset now, CancellationToken ct)
    {
        var topicId = campaignId is null ? null : await session.ExecuteScalarAsync<Guid?>(CampaignTopic, new { CampaignId = campaignId }, ct);
        var topic = topicId is null ? null : await session.QuerySingleOrDefaultAsync<PreferenceTopic>(TopicById, new { member.MemberId, TopicId = topicId }, ct);
        if (topic is null)
        {
            await UnsubscribeAllAsync(session, member.MemberId, campaignId, PreferenceMethod.OneClick, now, ct);
            return null;
        }

        if (topic.Subscribed)
        {
            var withdrawals = new List<ConsentChannel>();
            await TurnOffAsync(session, member.MemberId, topic, campaignId, PreferenceMethod.OneClick, withdrawals, now, ct);
            await consents.SetAsync(session, member.MemberId, withdrawals.Select(c => (c, false)).ToList(), ConsentMethod.UnsubscribeLink, now, ct);
        }

        return topic.Id;
    }

    /// <summary>The stored name of a method (camel case, as the slice's other stored values).</summary>
    public static string Stored(PreferenceMethod method) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(method.ToString());

    private static ConsentMethod ConsentMethodOf(PreferenceMethod method) =>
        method == PreferenceMethod.Profile ? ConsentMethod.ProfilePage : ConsentMethod.UnsubscribeLink;

    private async Task UnsubscribeAllAsync(DbSession session, Guid memberId, Guid? campaignId, PreferenceMethod method, DateTimeOffset now, CancellationToken ct)
    {
        var given = await GivenAsync(session, memberId, ct);
        if (!NewsletterChannels.Any(given.Contains))
        {
            return;
        }

        await consents.SetAsync(session, memberId, NewsletterChannels.Select(c => (c, false)).ToList(), ConsentMethodOf(method), now, ct);
        await RecordAsync(session, memberId, null, campaignId, method, now, ct);
    }

    /// <summary>A topic that is on, off: the central newsletter and event invitations by their consent (collected), the others by a choice.</summary>
    private static async Task TurnOffAsync(DbSession session, Guid memberId, PreferenceTopic topic, Guid? campaignId, PreferenceMethod method,
        List<ConsentChannel> withdrawals, DateTimeOffset now, CancellationToken ct)
    {
        if (topic.Kind is TopicKind.Central or TopicKind.Events)
        {
            withdrawals.Add(topic.ConsentChannel);
        }
        else
        {
            await ChooseOffAsync(session, memberId, topic.Id, campaignId, method, now, ct);
        }

        await RecordAsync(session, memberId, topic.Id, campaignId, method, now, ct);
    }

    private static async Task ChooseOffAsync(DbSession session, Guid memberId, Guid topicId, Guid? campaignId, PreferenceMethod method, DateTimeOffset now, CancellationToken ct)
    {
        await session.ExecuteAsync(DeleteChoice, new { MemberId = memberId, TopicId = topicId }, ct);
        await session.ExecuteAsync(InsertChoice, new { MemberId = memberId, TopicId = topicId, Method = Stored(method), CampaignId = campaignId, Now = now }, ct);
    }

    private static Task RecordAsync(DbSession session, Guid memberId, Guid? topicId, Guid? campaignId, PreferenceMethod method, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync(InsertUnsubscribe, new
        {
            Id = Guid.CreateVersion7(now),
            MemberId = memberId,
            TopicId = topicId,
            CampaignId = campaignId,
            Method = Stored(method),
            Now = now,
        }, ct);

    private static async Task<HashSet<ConsentChannel>> GivenAsync(DbSession session, Guid memberId, CancellationToken ct) =>
        (await session.QueryAsync<string>(Consents, new { MemberId = memberId }, ct))
            .Select(c => Enum.TryParse<ConsentChannel>(c, out var channel) ? channel : (ConsentChannel?)null).OfType<ConsentChannel>().ToHashSet();
}

/// <summary>The member whose preferences are read or changed.</summary>
public sealed record PreferenceMember
{
    public Guid MemberId { get; init; }
    public string? FirstName { get; init; }
    public string? Language { get; init; }
}
