using Alumni.Api.Features.Newsletters.Campaigns;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Figures;

/// <summary>A campaign's figures: recipients by state, bounces and the unsubscribes its links caused; polled, the live progress.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class GetCampaignFigures(Database db) : Endpoint<NewsletterCampaignByIdRequest, CampaignFiguresResponse>
{
    private static readonly Sql Campaign = Sql.Portable($"""
        SELECT m.id AS CampaignId, m.status AS Status, m.recipient_count AS Recipients, m.started_at AS StartedAt, m.finished_at AS FinishedAt,
               (SELECT COUNT(*) FROM newsletter_bounces b WHERE b.campaign_id = m.id) AS Bounces,
               (SELECT COUNT(*) FROM newsletter_unsubscribes u WHERE u.campaign_id = m.id) AS Unsubscribes
        FROM newsletter_campaigns m
        WHERE m.id = @Id AND {CampaignSql.Scope}
        """);

    private static readonly Sql ByState = Sql.Portable("""
        SELECT state AS State, COUNT(*) AS Count FROM newsletter_recipients WHERE campaign_id = @Id GROUP BY state
        """);

    public override void Configure()
    {
        Get("/newsletters/campaigns/{id}/figures");
        Description(b => b
            .WithName("newsletters_getCampaignFigures")
            .WithSummary("A campaign's figures")
            .WithDescription("Recipients by state (queued, sending, sent, failed, skipped, uncertain), bounces recorded for its mail and the "
                + "unsubscribes made through its links. Poll it for a send's progress. Opens and clicks are not tracked.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(NewsletterCampaignByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.OpenAsync(ct);
        var figures = await session.QuerySingleOrDefaultAsync<CampaignFiguresResponse>(Campaign, new { req.Id, scope.ScopeAll, scope.ScopeUserId }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.campaigns.noCampaignWithThatId"));
        var counts = (await session.QueryAsync<StateCount>(ByState, new { req.Id }, ct)).ToDictionary(c => c.State, c => (int)c.Count);
        int Of(RecipientState state) => counts.GetValueOrDefault(CampaignRules.Db(state));
        await Send.OkAsync(figures with
        {
            Queued = Of(RecipientState.Queued),
            Sending = Of(RecipientState.Sending),
            Sent = Of(RecipientState.Sent),
            Failed = Of(RecipientState.Failed),
            Skipped = Of(RecipientState.Skipped),
            Uncertain = Of(RecipientState.Uncertain),
        }, ct);
    }

    private sealed record StateCount
    {
        public string State { get; init; } = "";
        public long Count { get; init; }
    }
}
