using Alumni.Api.Features.Events.Calendar;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Me;

/// <summary>
/// An event of my audience as an iCalendar file, to add to my calendar: its stable UID and SEQUENCE, cancelled when the
/// event is, in the event's own time zone, titled in my language (the other when missing). The online link only for a
/// caller with a confirmed registration, as for the event itself. A draft, or an event outside my audience, is a 404.
/// </summary>
[Access(Caller.SignedIn)]
public sealed class GetMyEventCalendar(Database db) : Endpoint<EventByIdRequest>
{
    [Unscoped("a member's read of an event of their own audience: the audience departments are matched with the member's own departments")]
    private static readonly Sql Select = Sql.Portable($"""
        SELECT e.id AS Id, e.status AS Status, e.title_sv AS TitleSv, e.title_en AS TitleEn, e.summary_sv AS SummarySv,
               e.summary_en AS SummaryEn, e.starts_at AS StartsAt, e.ends_at AS EndsAt, e.time_zone AS TimeZone, e.venue AS Venue,
               e.address AS Address, e.city AS City, e.country AS Country,
               CASE WHEN EXISTS (SELECT 1 FROM event_registrations cr
                                 WHERE cr.event_id = e.id AND cr.member_id = @MemberId AND cr.status = 'confirmed')
                    THEN e.online_url ELSE NULL END AS OnlineUrl,
               e.sequence AS Sequence, e.updated_at AS UpdatedAt
        FROM events e
        WHERE e.id = @Id AND e.status <> 'draft'
          AND {EventSql.InAudience}
        """);

    public override void Configure()
    {
        Get("/me/events/{id}/calendar");
        Description(b => b
            .WithName("events_getMyCalendarFile")
            .WithSummary("Download an event open to me as a calendar file (.ics)")
            .WithDescription("The event as iCalendar (METHOD:PUBLISH) with a UID that stays the same across changes, its SEQUENCE, "
                + "STATUS:CANCELLED once cancelled, and DTSTART/DTEND in the event's time zone with its VTIMEZONE; the title in the "
                + "request's language, else the other. The online link is in it only for a member with a confirmed registration. "
                + "A draft or an event outside my audience is a 404.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(EventByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var (memberId, isStaff) = await EventSql.AudienceOfAsync(session, User, ct);
        var row = await session.QuerySingleOrDefaultAsync<Row>(Select, new { req.Id, MemberId = memberId, IsStaff = isStaff }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));

        var english = Texts.Current == "en";
        var title = (english ? row.TitleEn ?? row.TitleSv : row.TitleSv ?? row.TitleEn) ?? "";
        var summary = english ? row.SummaryEn ?? row.SummarySv : row.SummarySv ?? row.SummaryEn;
        var place = string.Join(", ", new[] { row.Venue, row.Address, row.City, row.Country }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        var file = EventCalendar.Single(new CalendarEntry(
            row.Id,
            row.Sequence,
            row.Status == "cancelled" ? CalendarEntryStatus.Cancelled : CalendarEntryStatus.Published,
            title,
            summary,
            row.StartsAt,
            row.EndsAt,
            row.TimeZone,
            place.Length > 0 ? place : row.OnlineUrl,
            row.OnlineUrl,
            OrganiserName: null,
            OrganiserEmail: null,
            row.UpdatedAt));

        await Send.BytesAsync(file, "event.ics", "text/calendar; charset=utf-8", cancellation: ct);
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public string? TitleSv { get; init; }
        public string? TitleEn { get; init; }
        public string? SummarySv { get; init; }
        public string? SummaryEn { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset EndsAt { get; init; }
        public string TimeZone { get; init; } = "";
        public string? Venue { get; init; }
        public string? Address { get; init; }
        public string? City { get; init; }
        public string? Country { get; init; }
        public string? OnlineUrl { get; init; }
        public int Sequence { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }
}
