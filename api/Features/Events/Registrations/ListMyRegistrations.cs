using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Registrations;

/// <summary>
/// My registrations with their events: upcoming (events that have not ended, soonest first) or past (latest first);
/// every status, so a cancelled registration or a left waiting list shows too.
/// </summary>
[Access(Caller.SignedIn, Claim = MemberClaims.ActiveMember, ClaimHolders = MemberClaims.ActiveMembers)]
public sealed class ListMyRegistrations(Database db, TimeProvider time) : Endpoint<ListMyRegistrationsRequest, Paged<MyRegistrationSummary>>
{
    private const string Columns = """
        SELECT r.id AS Id, r.event_id AS EventId,
               CASE WHEN @Language = 'sv' THEN COALESCE(e.title_sv, e.title_en) ELSE COALESCE(e.title_en, e.title_sv) END AS Title,
               e.status AS EventStatus, e.starts_at AS StartsAt, e.ends_at AS EndsAt, e.time_zone AS TimeZone, e.city AS City,
               e.country AS Country, r.status AS Status, r.seats AS Seats, r.registered_at AS RegisteredAt,
               CASE WHEN r.status = 'waiting'
                    THEN (SELECT COUNT(*) FROM event_registrations w
                          WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.queue_number <= r.queue_number)
               END AS Position
        """;

    private const string From = """
        event_registrations r
        JOIN events e ON e.id = r.event_id
        """;

    public override void Configure()
    {
        Get("/me/registrations");
        Description(b => b
            .WithName("events_listMyRegistrations")
            .WithSummary("List my registrations")
            .WithDescription("when=upcoming (the default): events that have not ended, soonest first; when=past: events that have ended, latest first. "
                + "Every status (confirmed, waiting with its position, cancelled, left). The title is in the request's language, else the other."));
    }

    public override async Task HandleAsync(ListMyRegistrationsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var member = await RegistrationSql.CallerMemberAsync(session, User, ct);
        var query = Query(req.When, member.MemberId, time.GetUtcNow());
        query.Conditions.Arguments.Add("Language", Texts.Current);
        var page = await query.ReadAsync<Row>(session, req, ct);
        await Send.OkAsync(new Paged<MyRegistrationSummary>
        {
            Items = page.Items.Select(r => r.ToSummary()).ToList(),
            Page = page.Page,
            PageSize = page.PageSize,
            Total = page.Total,
            TotalExact = page.TotalExact,
        }, ct);
    }

    /// <summary>The member's registrations of one period.</summary>
    internal static PagedQuery Query(RegistrationPeriod when, Guid memberId, DateTimeOffset now)
    {
        var conditions = new SqlConditions()
            .Add("r.member_id = @MemberId", "MemberId", memberId)
            .Add(when == RegistrationPeriod.Past ? "e.ends_at < @Now" : "e.ends_at >= @Now", "Now", now);
        return new PagedQuery(Columns, From, conditions,
            when == RegistrationPeriod.Past ? "e.starts_at DESC, r.registered_at DESC, r.id DESC" : "e.starts_at, r.registered_at, r.id");
    }

    public sealed class Validator : Validator<ListMyRegistrationsRequest>
    {
        public Validator() => this.ValidatePage();
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid EventId { get; init; }
        public string? Title { get; init; }
        public string EventStatus { get; init; } = "";
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset EndsAt { get; init; }
        public string TimeZone { get; init; } = "";
        public string? City { get; init; }
        public string? Country { get; init; }
        public string Status { get; init; } = "";
        public int Seats { get; init; }
        public DateTimeOffset RegisteredAt { get; init; }
        public long? Position { get; init; }

        public MyRegistrationSummary ToSummary() => new()
        {
            Id = Id,
            EventId = EventId,
            Title = Title ?? "",
            EventStatus = EventStatus,
            StartsAt = StartsAt,
            EndsAt = EndsAt,
            TimeZone = TimeZone,
            City = City,
            Country = Country,
            Status = RegistrationSql.StatusOf(Status),
            Seats = Seats,
            Position = Position is { } p ? (int)p : null,
            RegisteredAt = RegisteredAt,
        };
    }
}
