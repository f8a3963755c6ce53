using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>Whether an event in a calendar takes place.</summary>
public enum CalendarEntryStatus
{
    /// <summary>It takes place (STATUS:CONFIRMED).</summary>
    Published,

    /// <summary>It was called off (STATUS:CANCELLED): a calendar that has it marks it so.</summary>
    Cancelled,
}

/// <summary>One event as a calendar shows it; plain values, no database row.</summary>
/// <param name="EventId">The event's id: its UID is made from it, so it stays the same across changes.</param>
/// <param name="Sequence">The iCalendar SEQUENCE: raised on each change that matters to attendees.</param>
/// <param name="Status">Whether it takes place.</param>
/// <param name="Title">The SUMMARY.</param>
/// <param name="Description">The DESCRIPTION as plain text, if any.</param>
/// <param name="StartsAt">When it starts (an instant).</param>
/// <param name="EndsAt">When it ends (an instant, after <paramref name="StartsAt"/>).</param>
/// <param name="TimeZone">The IANA time zone it is shown in (<c>Europe/Stockholm</c>).</param>
/// <param name="Location">The LOCATION text (venue, address, city), if any.</param>
/// <param name="Url">The event's page, if any (an absolute URL).</param>
/// <param name="OrganiserName">The ORGANIZER's name, if any.</param>
/// <param name="OrganiserEmail">The ORGANIZER's address; no ORGANIZER without it.</param>
/// <param name="LastModified">When it last changed: LAST-MODIFIED and DTSTAMP, so the same event gives the same text.</param>
public sealed record CalendarEntry(
    Guid EventId,
    int Sequence,
    CalendarEntryStatus Status,
    string Title,
    string? Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string TimeZone,
    string? Location,
    string? Url,
    string? OrganiserName,
    string? OrganiserEmail,
    DateTimeOffset LastModified);

/// <summary>
/// Events as iCalendar (RFC 5545, Ical.Net): one VEVENT per event with a stable UID from its id, its SEQUENCE,
/// STATUS, and DTSTART/DTEND in the event's own time zone with that zone's VTIMEZONE; the calendar says
/// <c>METHOD:PUBLISH</c>. <see cref="Single"/> is the <c>.ics</c> of one event (a mail attachment, a download),
/// <see cref="Feed"/> a subscribed calendar of many.
/// </summary>
public static class EventCalendar
{
    /// <summary>The media type of an iCalendar file (with the method, for mail attachments).</summary>
    public const string MediaType = "text/calendar; method=PUBLISH; charset=utf-8";

    /// <summary>The domain every event UID ends in.</summary>
    public const string UidDomain = "alumni.su.se";

    /// <summary>The PRODID of every calendar.</summary>
    public const string ProductId = "-//Stockholm University//Alumni//EN";

    /// <summary>The UID of an event: the same for every version of it.</summary>
    public static string UidOf(Guid eventId) => $"{eventId:D}@{UidDomain}";

    /// <summary>The <c>.ics</c> of one event, UTF-8.</summary>
    public static byte[] Single(CalendarEntry entry) => Feed([entry]);

    /// <summary>
    /// A calendar of the events in the order given, UTF-8, with each time zone they use once; with
    /// <paramref name="name"/> as its display name (X-WR-CALNAME) when given.
    /// </summary>
    public static byte[] Feed(IEnumerable<CalendarEntry> entries, string? name = null)
    {
        var calendar = new IcalCalendar { Method = "PUBLISH", ProductId = ProductId };
        if (!string.IsNullOrWhiteSpace(name))
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        var zones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (zones.Add(entry.TimeZone))
            {
                calendar.AddTimeZone(VTimeZone.FromDateTimeZone(entry.TimeZone));
            }

            calendar.Events.Add(Event(entry));
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
    }

    private static CalendarEvent Event(CalendarEntry entry)
    {
        var stamp = new CalDateTime(entry.LastModified.UtcDateTime, CalDateTime.UtcTzId);
        var item = new CalendarEvent
        {
            Uid = UidOf(entry.EventId),
            Sequence = entry.Sequence,
            Status = entry.Status == CalendarEntryStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            Summary = entry.Title,
            Description = string.IsNullOrWhiteSpace(entry.Description) ? null : entry.Description,
            Location = string.IsNullOrWhiteSpace(entry.Location) ? null : entry.Location,
            DtStart = InZone(entry.StartsAt, entry.TimeZone),
            DtEnd = InZone(entry.EndsAt, entry.TimeZone),
            DtStamp = stamp,
            LastModified = stamp,
        };
        if (!string.IsNullOrWhiteSpace(entry.Url))
        {
            item.Url = new Uri(entry.Url, UriKind.Absolute);
        }

        if (!string.IsNullOrWhiteSpace(entry.OrganiserEmail))
        {
            item.Organizer = new Organizer("mailto:" + entry.OrganiserEmail) { CommonName = entry.OrganiserName };
        }

        return item;
    }

    /// <summary>The instant as the wall-clock time of the zone, tagged with the zone's id.</summary>
    private static CalDateTime InZone(DateTimeOffset instant, string timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime;
        return new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), timeZone);
    }
}
