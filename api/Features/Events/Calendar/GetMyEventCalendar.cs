using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>
/// An event of my audience (or one I am registered for) as a calendar file. With a confirmed registration it holds the
/// online link (URL, LOCATION when it has no place, and the description); on the waiting list it says so. A cancelled
/// event has STATUS:CANCELLED; a draft is a 404.
/// </summary>
[Access(Caller.SignedIn)]
public sealed class GetMyEventCalendar(Database db) : Endpoint<EventCalendarRequest>
{
    [Unscoped("a member's read of an event of their own audience: the audience departments are matched with the member's own departments")]
    private static readonly Sql Read = Sql.Portable($"""
        SELECT {CalendarRows.Columns},
               CASE WHEN r.status = 'confirmed' THEN e.online_url ELSE NULL END AS OnlineUrl,
               CASE WHEN r.status = 'waiting' THEN 1 ELSE 0 END AS Waiting
        FROM events e
        LEFT JOIN event_registrations r ON r.event_id = e.id AND r.member_id = @MemberId AND r.status IN ('confirmed', 'waiting')
        WHERE e.id = @Id AND e.status <> 'draft' AND e.published_at IS NOT NULL
          AND (r.id IS NOT NULL OR {EventSql.InAudience})
        """);

    public override void Configure()
    {
        Get("/me/events/{id}/calendar.ics");
        Description(b => b
            .WithName("events_getMyCalendar")
            .WithSummary("Download an event's calendar file for me")
            .WithDescription("iCalendar (METHOD:PUBLISH) with a UID that stays the same and a SEQUENCE that rises with each change; a cancelled "
                + "event has STATUS:CANCELLED. The online link only with a confirmed registration. ETag and Last-Modified: If-None-Match "
                + "answers 304. A draft or an event outside my audience is a 404.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(EventCalendarRequest req, CancellationToken ct)
    {
        CalendarRow row;
        await using (var session = await db.OpenAsync(ct))
        {
            var (memberId, isStaff) = await EventSql.AudienceOfAsync(session, User, ct);
            row = await session.QuerySingleOrDefaultAsync<CalendarRow>(Read, new { req.Id, MemberId = memberId, IsStaff = isStaff }, ct)
                ?? throw ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));
        }

        var language = CalendarRows.LanguageOf(req.Language);
        var view = row.OnlineUrl is not null ? "confirmed" : row.Waiting ? "waiting" : "member";
        if (await CalendarResponses.NotModifiedAsync(HttpContext, CalendarResponses.ETag(row, language, view), row.UpdatedAt, CalendarResponses.PrivateFile, ct))
        {
            return;
        }

        using (Texts.In(language))
        {
            var calendar = EventCalendar.Single(CalendarRows.Entry(row, CalendarRows.Origin(HttpContext.Request)));
            await CalendarResponses.WriteAsync(HttpContext, calendar, CalendarResponses.PrivateFile, CalendarRows.FileName(row), ct);
        }
    }

    // The request's checks (the language) are GetPublicEventCalendar.Validator's: FastEndpoints finds one validator per request type.
}
