using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>Whether I have a private calendar feed, and since when; never its address (which is shown only when made).</summary>
[Access(Caller.SignedIn, Claim = MemberClaims.ActiveMember, ClaimHolders = MemberClaims.ActiveMembers)]
public sealed class GetMyCalendarFeed(Database db) : EndpointWithoutRequest<CalendarFeedResponse>
{
    public override void Configure()
    {
        Get("/me/calendar-feed");
        Description(b => b
            .WithName("events_getMyCalendarFeed")
            .WithSummary("Do I have a private calendar feed?")
            .WithDescription("Whether one exists and when it was made. Its address cannot be shown again: make a new one to get one."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var memberId = await session.ExecuteScalarAsync<Guid?>(EventSql.MemberOfUser, new { UserId = User.PersonId() }, ct);
        var created = memberId is null ? null : await session.ExecuteScalarAsync<DateTimeOffset?>(CalendarFeeds.Created, new { MemberId = memberId }, ct);
        await Send.OkAsync(new CalendarFeedResponse { Exists = created is not null, CreatedAt = created }, ct);
    }
}
