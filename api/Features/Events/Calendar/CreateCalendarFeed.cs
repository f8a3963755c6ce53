using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>
/// Makes my private calendar feed, or a new one in place of the old (whose address stops working at once). The answer
/// holds the feed's address this once; only the token's hash is kept.
/// </summary>
[Access(Caller.SignedIn, Claim = MemberClaims.ActiveMember, ClaimHolders = MemberClaims.ActiveMembers)]
public sealed class CreateCalendarFeed(Database db, TimeProvider time) : EndpointWithoutRequest<CreatedCalendarFeedResponse>
{
    // SQL Server: HOLDLOCK keeps the member's key (or the gap where it would be) locked until the insert, so two
    // requests at once replace each other's feed instead of both inserting. SQLite's writers take turns anyway.
    private static readonly Sql Remove = Sql.Dialects(
        "DELETE FROM event_calendar_feeds WHERE member_id = @MemberId",
        "DELETE FROM dbo.event_calendar_feeds WITH (HOLDLOCK) WHERE member_id = @MemberId");

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO event_calendar_feeds (member_id, token_hash, created_at) VALUES (@MemberId, @TokenHash, @Now)
        """);

    public override void Configure()
    {
        Post("/me/calendar-feed");
        Description(b => b
            .WithName("events_createMyCalendarFeed")
            .WithSummary("Make my private calendar feed")
            .WithDescription("A calendar of the events I am registered for or waiting for, to subscribe to in a calendar application. The "
                + "address is in this answer only; anyone who has it sees my events. Making a new one revokes the old.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<CreatedCalendarFeedResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var token = CalendarFeeds.NewToken();
        await using var session = await db.BeginAsync(ct);
        var memberId = await session.ExecuteScalarAsync<Guid?>(EventSql.MemberOfUser, new { UserId = User.PersonId() }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("events.calendarNoMember"));
        await session.ExecuteAsync(Remove, new { MemberId = memberId }, ct);
        await session.ExecuteAsync(Insert, new { MemberId = memberId, TokenHash = CalendarFeeds.Hash(token), Now = now }, ct);
        await session.CommitAsync(ct);

        var url = CalendarFeeds.Url(HttpContext.Request, token);
        await Send.ResponseAsync(new CreatedCalendarFeedResponse
        {
            FeedUrl = url,
            WebcalUrl = "webcal" + url[url.IndexOf(':', StringComparison.Ordinal)..],
            CreatedAt = now,
        }, StatusCodes.Status201Created, ct);
    }
}
