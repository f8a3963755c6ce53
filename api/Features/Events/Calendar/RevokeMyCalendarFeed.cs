using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>Revokes my private calendar feed: its address answers 404 from now on. Revoking none is no error.</summary>
[Access(Caller.SignedIn, Claim = MemberClaims.ActiveMember, ClaimHolders = MemberClaims.ActiveMembers)]
public sealed class RevokeMyCalendarFeed(Database db) : EndpointWithoutRequest
{
    private static readonly Sql Remove = Sql.Portable("""
        DELETE FROM event_calendar_feeds WHERE member_id = @MemberId
        """);

    public override void Configure()
    {
        Delete("/me/calendar-feed");
        Description(b => b
            .WithName("events_revokeMyCalendarFeed")
            .WithSummary("Revoke my private calendar feed")
            .WithDescription("Calendars subscribed to it get nothing more (404).")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (await session.ExecuteScalarAsync<Guid?>(EventSql.MemberOfUser, new { UserId = User.PersonId() }, ct) is { } memberId)
        {
            await session.ExecuteAsync(Remove, new { MemberId = memberId }, ct);
        }

        await session.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
