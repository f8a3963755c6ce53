using System.Text;
using Alumni.Api.Features.Events.Calendar;
using Ical.Net.CalendarComponents;
using IcalCalendar = Ical.Net.Calendar;

namespace Alumni.Api.Tests.Events;

/// <summary><see cref="EventCalendar"/>: its .ics parses back with Ical.Net and says what the event is.</summary>
public sealed class EventCalendarTests
{
    private static readonly Guid EventId = Guid.Parse("5b0c2f4e-8d7a-4c1e-9f3b-2a6d8e1c4b70");

    private static CalendarEntry Entry(Guid? id = null, int sequence = 0, CalendarEntryStatus status = CalendarEntryStatus.Published,
        string timeZone = "Europe/Stockholm", string title = "Alumnidagen 2026") => new(
        id ?? EventId,
        sequence,
        status,
        title,
        "Föreläsningar och mingel.\nVälkommen!",
        new DateTimeOffset(2026, 6, 12, 15, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 6, 12, 18, 30, 0, TimeSpan.Zero),
        timeZone,
        "Aula Magna, Frescativägen 6, Stockholm",
        "https://alumni.su.se/events/" + (id ?? EventId),
        "Alumnikontoret",
        "alumni@su.se",
        new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.Zero));

    private static IcalCalendar Parse(byte[] ics) => IcalCalendar.Load(Encoding.UTF8.GetString(ics))!;

    [Fact]
    public void One_event_parses_back_with_its_fields_and_method_publish()
    {
        var ics = EventCalendar.Single(Entry());
        var text = Encoding.UTF8.GetString(ics);

        var calendar = Parse(ics);
        Assert.Equal("PUBLISH", calendar.Method);
        var item = Assert.Single(calendar.Events);
        Assert.Equal($"{EventId:D}@alumni.su.se", item.Uid);
        Assert.Equal(EventCalendar.UidOf(EventId), item.Uid);
        Assert.Equal("Alumnidagen 2026", item.Summary);
        Assert.Equal("Föreläsningar och mingel.\nVälkommen!", item.Description);
        Assert.Equal("Aula Magna, Frescativägen 6, Stockholm", item.Location);
        Assert.Equal("CONFIRMED", item.Status);
        Assert.Equal(0, item.Sequence);
        Assert.Equal("mailto:alumni@su.se", item.Organizer!.Value!.ToString());
        Assert.Equal("Alumnikontoret", item.Organizer.CommonName);
        Assert.Equal(new Uri("https://alumni.su.se/events/" + EventId), item.Url);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Split("\r\n"), line => line.Length > 75 && Encoding.UTF8.GetByteCount(line) > 75);
    }

    [Theory]
    [InlineData("Europe/Stockholm", 17, 0)]
    [InlineData("America/Bogota", 10, 0)]
    public void Start_and_end_are_in_the_events_zone_with_its_vtimezone(string zone, int startHour, int startMinute)
    {
        var text = Encoding.UTF8.GetString(EventCalendar.Single(Entry(timeZone: zone)));
        var calendar = Parse(Encoding.UTF8.GetBytes(text));

        var timeZone = Assert.Single(calendar.TimeZones);
        Assert.Equal(zone, timeZone.TzId);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:" + zone, text, StringComparison.Ordinal);
        var item = Assert.Single(calendar.Events);
        Assert.Equal(zone, item.DtStart!.TzId);
        Assert.Equal(zone, item.DtEnd!.TzId);
        Assert.Equal((2026, 6, 12, startHour, startMinute), (item.DtStart.Year, item.DtStart.Month, item.DtStart.Day, item.DtStart.Hour, item.DtStart.Minute));
        Assert.Contains($"DTSTART;TZID={zone}:20260612T{startHour:00}{startMinute:00}00", text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(item.DtStart.AsUtc, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 18, 30, 0, TimeSpan.Zero), new DateTimeOffset(item.DtEnd.AsUtc, TimeSpan.Zero));
    }

    [Fact]
    public void A_new_version_keeps_the_uid_and_raises_the_sequence()
    {
        var first = Assert.Single(Parse(EventCalendar.Single(Entry(sequence: 0))).Events);
        var second = Assert.Single(Parse(EventCalendar.Single(Entry(sequence: 1, title: "Alumnidagen 2026 (ny lokal)"))).Events);

        Assert.Equal(first.Uid, second.Uid);
        Assert.True(second.Sequence > first.Sequence);
        Assert.Equal("Alumnidagen 2026 (ny lokal)", second.Summary);
    }

    [Fact]
    public void A_cancelled_event_says_status_cancelled()
    {
        var item = Assert.Single(Parse(EventCalendar.Single(Entry(sequence: 2, status: CalendarEntryStatus.Cancelled))).Events);

        Assert.Equal("CANCELLED", item.Status);
        Assert.Equal(2, item.Sequence);
    }

    [Fact]
    public void A_feed_of_three_events_has_three_vevents_and_each_zone_once()
    {
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        var feed = EventCalendar.Feed(
            [Entry(ids[0]), Entry(ids[1], timeZone: "America/Bogota"), Entry(ids[2], status: CalendarEntryStatus.Cancelled)],
            "Alumnievenemang");
        var text = Encoding.UTF8.GetString(feed);

        var calendar = Parse(feed);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(ids.Select(EventCalendar.UidOf), calendar.Events.Select(e => e.Uid));
        Assert.Equal(["Europe/Stockholm", "America/Bogota"], calendar.TimeZones.Select(z => z.TzId));
        Assert.Equal(3, text.Split("\r\n").Count(line => line == "BEGIN:VEVENT"));
        Assert.Contains("X-WR-CALNAME:Alumnievenemang", text, StringComparison.Ordinal);
        Assert.True(feed.Length < 8_000, $"The feed is {feed.Length} bytes: the zones should carry their current rules, not their history.");
    }

    [Fact]
    public void The_same_event_gives_the_same_bytes()
    {
        Assert.Equal(EventCalendar.Single(Entry()), EventCalendar.Single(Entry()));
    }
}
