using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>
/// A published event's calendar file for anyone (and keys with <c>events:read</c>): never the online link. A cancelled
/// event stays, with STATUS:CANCELLED, so that calendars that have it remove it; a draft, or an event for coordinators
/// only, is a 404.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class GetPublicEventCalendar(Database db) : Endpoint<EventCalendarRequest>
{
    private static readonly Sql Read = Sql.Portable($"""
        SELECT {CalendarRows.Columns}
        FROM events e
        WHERE e.id = @Id AND e.status <> 'draft' AND e.published_at IS NOT NULL AND e.audience <> 'coordinators'
        """);

    public override void Configure()
    {
        Get("/public/events/{id}/calendar.ics");
        Description(b => b
            .WithName("events_getPublicCalendar")
            .WithSummary("Download a published event's calendar file (public)")
            .WithDescription("Without signing in, or with an API key (events:read). iCalendar (METHOD:PUBLISH) with a UID that stays the same "
                + "and a SEQUENCE that rises with each change; a cancelled event has STATUS:CANCELLED. Never the online link. "
                + "ETag and Last-Modified: If-None-Match answers 304. A draft or coordinators-only event is a 404.")
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
            row = await session.QuerySingleOrDefaultAsync<CalendarRow>(Read, new { req.Id }, ct)
                ?? throw ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));
        }

        var language = CalendarRows.LanguageOf(req.Language);
        if (await CalendarResponses.NotModifiedAsync(HttpContext, CalendarResponses.ETag(row, language, "public"), row.UpdatedAt, CalendarResponses.PublicFile, ct))
        {
            return;
        }

        using (Texts.In(language))
        {
            var calendar = EventCalendar.Single(CalendarRows.Entry(row, CalendarRows.Origin(HttpContext.Request)));
            await CalendarResponses.WriteAsync(HttpContext, calendar, CalendarResponses.PublicFile, CalendarRows.FileName(row), ct);
        }
    }

    public sealed class Validator : Validator<EventCalendarRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Language).Must(CalendarRows.IsLanguage).WithMessage(_ => Texts.Get("events.calendarLanguage"));
        }
    }
}
