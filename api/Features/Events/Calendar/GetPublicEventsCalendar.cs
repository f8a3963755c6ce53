using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>
/// The public calendar feed for the university web site and anyone's calendar (keys with <c>events:read</c> too): the
/// published events that have not ended, not for coordinators only, soonest first, with the public list's filters
/// (kind, country, department). Never an online link.
/// </summary>
[Access(Caller.Anonymous)]
public sealed class GetPublicEventsCalendar(Database db, TimeProvider time) : Endpoint<PublicEventsCalendarRequest>
{
    /// <summary>The most events the feed holds (the soonest).</summary>
    public const int MaxEvents = 500;

    public override void Configure()
    {
        Get("/public/events.ics");
        Description(b => b
            .WithName("events_getPublicCalendarFeed")
            .WithSummary("Subscribe to the published events (public calendar feed)")
            .WithDescription($"Without signing in, or with an API key (events:read). iCalendar (METHOD:PUBLISH) of the published events that have "
                + $"not ended (not coordinators-only), soonest first, at most {MaxEvents}. Filters as events_listPublic: kind, country, "
                + "department (organiser or co-host, by code). Never an online link.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<string>(StatusCodes.Status200OK, "text/calendar"));
    }

    public override async Task HandleAsync(PublicEventsCalendarRequest req, CancellationToken ct)
    {
        var query = Query(req, time.GetUtcNow());
        Paging.AddArguments(query.Conditions.Arguments, new FirstEvents());
        IReadOnlyList<CalendarRow> rows;
        await using (var session = await db.OpenAsync(ct))
        {
            rows = await session.QueryAsync<CalendarRow>(query.Rows, query.Conditions.Arguments, ct);
        }

        using (Texts.In(CalendarRows.LanguageOf(req.Language)))
        {
            var origin = CalendarRows.Origin(HttpContext.Request);
            var calendar = EventCalendar.Feed(rows.Select(r => CalendarRows.Entry(r, origin)), Texts.Get("events.calendarPublicFeedName"));
            await CalendarResponses.WriteAsync(HttpContext, calendar, CalendarResponses.PublicFeed, null, ct);
        }
    }

    /// <summary>
    /// The feed's events for a request (the first <see cref="MaxEvents"/> of them are read). Unscoped: published events
    /// for anyone; the department filter reads co-hosts, which are public.
    /// </summary>
    internal static PagedQuery Query(PublicEventsCalendarRequest req, DateTimeOffset now) => new(
        $"SELECT {CalendarRows.Columns}",
        EventSql.ListFrom,
        new SqlConditions()
            .Add("e.status = 'published'")
            .Add("e.audience <> 'coordinators'")
            .Add("e.ends_at >= @Now", "Now", now)
            .Add("e.kind = @Kind", "Kind", req.Kind is { } kind ? EventRules.Db(kind) : null)
            .Add("e.country = @Country", "Country", Countries.Normalise(req.Country))
            .Add(EventSql.ByDepartment, "Department", req.Department is { } department ? EventRules.NormaliseCode(department) : null),
        "e.starts_at, e.id");

    public sealed class Validator : Validator<PublicEventsCalendarRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Language).Must(CalendarRows.IsLanguage).WithMessage(_ => Texts.Get("events.calendarLanguage"));
        }
    }

    /// <summary>The page the feed reads: the first <see cref="MaxEvents"/>.</summary>
    internal sealed record FirstEvents : IPageRequest
    {
        public int Page { get; init; } = 1;

        public int PageSize { get; init; } = MaxEvents;
    }
}
