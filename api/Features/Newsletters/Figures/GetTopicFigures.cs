using Alumni.Api.Features.Newsletters.Campaigns;
using Alumni.Api.Features.Newsletters.Topics;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Figures;

/// <summary>
/// Each active topic with its subscribers now and, per month (UTC), the mail sent to it (from the campaigns the caller
/// sees) and the unsubscribes from it. An unsubscribe from everything names no topic and is not counted for one.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class GetTopicFigures(Database db, TimeProvider time) : Endpoint<TopicFiguresRequest, TopicFiguresResponse>
{
    private static readonly Sql Sent = Sql.Dialects(
        $"""
        SELECT m.topic_id AS TopicId, substr(r.updated_at, 1, 7) AS Month, COUNT(*) AS Count
        FROM newsletter_recipients r
        JOIN newsletter_campaigns m ON m.id = r.campaign_id
        WHERE r.state = 'sent' AND r.updated_at >= @Since AND {CampaignSql.Scope}
        GROUP BY m.topic_id, substr(r.updated_at, 1, 7)
        """,
        $"""
        SELECT m.topic_id AS TopicId, CONVERT(char(7), r.updated_at, 126) AS Month, COUNT(*) AS Count
        FROM newsletter_recipients r
        JOIN newsletter_campaigns m ON m.id = r.campaign_id
        WHERE r.state = 'sent' AND r.updated_at >= @Since AND {CampaignSql.Scope}
        GROUP BY m.topic_id, CONVERT(char(7), r.updated_at, 126)
        """);

    private static readonly Sql Unsubscribes = Sql.Dialects(
        """
        SELECT u.topic_id AS TopicId, substr(u.created_at, 1, 7) AS Month, COUNT(*) AS Count
        FROM newsletter_unsubscribes u
        WHERE u.topic_id IS NOT NULL AND u.created_at >= @Since
        GROUP BY u.topic_id, substr(u.created_at, 1, 7)
        """,
        """
        SELECT u.topic_id AS TopicId, CONVERT(char(7), u.created_at, 126) AS Month, COUNT(*) AS Count
        FROM newsletter_unsubscribes u
        WHERE u.topic_id IS NOT NULL AND u.created_at >= @Since
        GROUP BY u.topic_id, CONVERT(char(7), u.created_at, 126)
        """);

    public override void Configure()
    {
        Get("/newsletters/figures/topics");
        Description(b => b
            .WithName("newsletters_getTopicFigures")
            .WithSummary("Figures per topic and month")
            .WithDescription("For each active topic: members on it now, and per month of the last `months` (1–36, default 12; UTC) the mail sent "
                + "to it (campaigns the caller sees) and the unsubscribes from it. Opens and clicks are not tracked."));
    }

    public override async Task HandleAsync(TopicFiguresRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        var since = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1 - req.Months);
        await using var session = await db.OpenAsync(ct);
        var topics = await session.QueryAsync<TopicResponse>(TopicSql.All, new { IncludeInactive = false }, ct);
        var sent = await session.QueryAsync<MonthCount>(Sent, new { Since = since, scope.ScopeAll, scope.ScopeUserId }, ct);
        var unsubscribes = await session.QueryAsync<MonthCount>(Unsubscribes, new { Since = since }, ct);
        var result = new List<TopicFigures>(topics.Count);
        foreach (var topic in topics)
        {
            var months = sent.Where(s => s.TopicId == topic.Id).Select(s => s.Month)
                .Union(unsubscribes.Where(u => u.TopicId == topic.Id).Select(u => u.Month))
                .Order(StringComparer.Ordinal)
                .Select(month => new TopicMonth
                {
                    Month = month,
                    Sent = (int)sent.Where(s => s.TopicId == topic.Id && s.Month == month).Sum(s => s.Count),
                    Unsubscribes = (int)unsubscribes.Where(u => u.TopicId == topic.Id && u.Month == month).Sum(u => u.Count),
                })
                .ToList();
            result.Add(new TopicFigures
            {
                TopicId = topic.Id,
                Key = topic.Key,
                NameSv = topic.NameSv,
                NameEn = topic.NameEn,
                SubscribersNow = (await TopicSql.WithSubscribersAsync(session, topic, ct)).Subscribers,
                Months = months,
            });
        }

        await Send.OkAsync(new TopicFiguresResponse { Topics = result }, ct);
    }

    public sealed class Validator : Validator<TopicFiguresRequest>
    {
        public Validator() =>
            RuleFor(r => r.Months).InclusiveBetween(1, 36).WithMessage(_ => Texts.Get("newsletters.campaigns.from1To36Months"));
    }

    private sealed record MonthCount
    {
        public Guid TopicId { get; init; }
        public string Month { get; init; } = "";
        public long Count { get; init; }
    }
}
