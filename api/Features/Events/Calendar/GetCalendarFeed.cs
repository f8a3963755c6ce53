using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>
/// A member's private calendar feed, by its token (the credential; nothing else is asked): the events of their confirmed
/// and waiting registrations that have not long ended, cancelled ones with STATUS:CANCELLED, the online link for the
/// confirmed ones, in the member's language. An unknown, revoked or replaced token, or a member no longer active, is a
/// 404. Never kept by a cache; nothing of it is logged.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class GetCalendarFeed(Database db, TimeProvider time) : Endpoint<CalendarFeedByTokenRequest>
{
    /// <summary>How long after an event has ended it stays in the feed.</summary>
    public static readonly TimeSpan KeptAfterTheEnd = TimeSpan.FromDays(90);

    private static readonly Sql Feed = Sql.Portable("""
        SELECT f.member_id AS MemberId, f.token_hash AS TokenHash, c.preferred_language AS Language
        FROM event_calendar_feeds f
        JOIN member_contacts c ON c.member_id = f.member_id
        WHERE f.token_hash = @TokenHash AND c.status = 'Active'
        """);

    private static readonly Sql Events = Sql.Portable($"""
        SELECT {CalendarRows.Columns},
               CASE WHEN r.status = 'confirmed' THEN e.online_url ELSE NULL END AS OnlineUrl,
               CASE WHEN r.status = 'waiting' THEN 1 ELSE 0 END AS Waiting
        FROM event_registrations r
        JOIN events e ON e.id = r.event_id
        WHERE r.member_id = @MemberId AND r.status IN ('confirmed', 'waiting')
          AND e.status <> 'draft' AND e.published_at IS NOT NULL AND e.ends_at >= @Since
        ORDER BY e.starts_at, e.id
        """);

    public override void Configure()
    {
        Get("/calendar/{token}.ics");
        Description(b => b
            .WithName("events_getCalendarFeed")
            .WithSummary("A member's private calendar feed")
            .WithDescription("The address made by events_createMyCalendarFeed; the token in it is the credential. iCalendar (METHOD:PUBLISH) of "
                + "the member's confirmed and waiting registrations' events (cancelled ones with STATUS:CANCELLED), the online link for "
                + "the confirmed ones. 404 for an unknown, revoked or replaced token. Cache-Control: private, no-store.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CalendarFeedByTokenRequest req, CancellationToken ct)
    {
        HttpContext.Response.Headers.CacheControl = CalendarResponses.PrivateFeed;
        var hash = CalendarFeeds.IsWellFormed(req.Token) ? CalendarFeeds.Hash(req.Token) : null;
        await using var session = await db.OpenAsync(ct);
        var feed = hash is null ? null : await session.QuerySingleOrDefaultAsync<FeedRow>(Feed, new { TokenHash = hash }, ct);
        if (feed is null || !CalendarFeeds.Same(feed.TokenHash, hash!))
        {
            throw ProblemException.NotFound(Texts.Get("events.calendarNoSuchFeed"));
        }

        var rows = await session.QueryAsync<CalendarRow>(Events, new { feed.MemberId, Since = time.GetUtcNow() - KeptAfterTheEnd }, ct);
        using (Texts.In(feed.Language ?? "en"))
        {
            var origin = CalendarRows.Origin(HttpContext.Request);
            var calendar = EventCalendar.Feed(rows.Select(r => CalendarRows.Entry(r, origin)), Texts.Get("events.calendarMyFeedName"));
            await CalendarResponses.WriteAsync(HttpContext, calendar, CalendarResponses.PrivateFeed, null, ct);
        }
    }

    private sealed record FeedRow
    {
        public Guid MemberId { get; init; }
        public string TokenHash { get; init; } = "";
        public string? Language { get; init; }
    }
}
