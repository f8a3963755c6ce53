using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Me;

/// <summary>The published events of the caller's audience, upcoming by default, soonest first.</summary>
[Access(Caller.SignedIn)]
public sealed class ListMyEvents(Database db, TimeProvider time) : Endpoint<ListMyEventsRequest, Paged<EventListItem>>
{
    private const string Registered = """
        EXISTS (SELECT 1 FROM event_registrations mr WHERE mr.event_id = e.id AND mr.member_id = @MemberId AND mr.status IN ('confirmed', 'waiting'))
        """;

    public override void Configure()
    {
        Get("/me/events");
        Description(b => b
            .WithName("events_listMine")
            .WithSummary("List the events open to me")
            .WithDescription("Published events for all members, for members of one of my departments, or (for staff) for coordinators. "
                + "Without from, only events that have not ended. With registered=true, only the events I am registered or waiting for "
                + "(also cancelled ones)."));
    }

    public override async Task HandleAsync(ListMyEventsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var (memberId, isStaff) = await EventSql.AudienceOfAsync(session, User, ct);
        await Send.OkAsync(await Query(req, memberId, isStaff, time.GetUtcNow()).ReadAsync<EventListItem>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for, of the events in the caller's audience.</summary>
    internal static PagedQuery Query(ListMyEventsRequest req, Guid? memberId, bool isStaff, DateTimeOffset now)
    {
        var conditions = new SqlConditions()
            .Add(req.Registered ? "e.status <> 'draft'" : "e.status = 'published'")
            .Add(EventSql.InAudience)
            .Add("e.kind = @Kind", "Kind", req.Kind is { } kind ? EventRules.Db(kind) : null)
            .Add("e.ends_at >= @From", "From", req.From ?? now)
            .Add("e.starts_at < @To", "To", req.To);
        if (req.Registered)
        {
            conditions.Add(Registered);
        }

        conditions.Arguments.Add("MemberId", memberId);
        conditions.Arguments.Add("IsStaff", isStaff);
        return new PagedQuery(EventSql.ListItemColumns, EventSql.ListFrom, conditions, "e.starts_at, e.id");
    }

    public sealed class Validator : Validator<ListMyEventsRequest>
    {
        public Validator() => this.ValidatePage();
    }
}
