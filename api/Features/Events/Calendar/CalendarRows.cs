using System.Globalization;
using System.Text;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Events.Calendar;

/// <summary>
/// What the calendar use cases read of an event (<see cref="Columns"/> from <c>events e</c>) and how a row becomes a
/// <see cref="CalendarEntry"/>: the texts in the current language (the other where one is missing), the place, and the
/// online link only where the use case selected it (a confirmed registration's), never otherwise.
/// </summary>
internal static class CalendarRows
{
    /// <summary>The columns of <see cref="CalendarRow"/> from <c>events e</c>, without the online link (each use case decides it).</summary>
    public const string Columns = """
        e.id AS Id, e.status AS Status, e.sequence AS Sequence, e.version AS Version,
               e.title_sv AS TitleSv, e.title_en AS TitleEn, e.summary_sv AS SummarySv, e.summary_en AS SummaryEn,
               e.description_sv AS DescriptionSv, e.description_en AS DescriptionEn, e.starts_at AS StartsAt, e.ends_at AS EndsAt,
               e.time_zone AS TimeZone, e.venue AS Venue, e.address AS Address, e.city AS City, e.country AS Country,
               CASE WHEN e.online_url IS NULL THEN 0 ELSE 1 END AS Online, e.updated_at AS UpdatedAt
        """;

    /// <summary>The languages a calendar can be asked for.</summary>
    public static bool IsLanguage(string? language) => language is null or "sv" or "en";

    /// <summary>The language to write a calendar in: the one asked for, else the request's.</summary>
    public static string LanguageOf(string? asked) => asked ?? Texts.Current;

    /// <summary>The web app's address of the request (scheme, host and base path as the client used them).</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The event as a calendar entry, in the current language (<see cref="Texts.In"/>).</summary>
    public static CalendarEntry Entry(CalendarRow row, string origin)
    {
        var page = $"{origin}/events/{row.Id:D}";
        var cancelled = row.Status == "cancelled";
        var title = EventRules.Pick(row.TitleEn, row.TitleSv) ?? "";
        var place = Join(", ", row.Venue, row.Address, row.City, row.Country);
        var location = place ?? row.OnlineUrl ?? (row.Online ? Texts.Get("events.calendarOnline") : null);

        var description = new StringBuilder();
        Paragraph(description, EventRules.Pick(row.SummaryEn, row.SummarySv));
        Paragraph(description, PlainText(EventRules.Pick(row.DescriptionEn, row.DescriptionSv)));
        if (row.Waiting)
        {
            Paragraph(description, Texts.Get("events.calendarYouAreWaiting"));
        }

        if (row.OnlineUrl is not null)
        {
            Paragraph(description, Texts.Get("events.calendarJoinOnline", row.OnlineUrl));
        }

        Paragraph(description, Texts.Get("events.calendarAboutTheEvent", page));

        return new CalendarEntry(
            row.Id,
            row.Sequence,
            cancelled ? CalendarEntryStatus.Cancelled : CalendarEntryStatus.Published,
            cancelled ? Texts.Get("events.calendarCancelledTitle", title) : title,
            description.ToString(),
            row.StartsAt,
            row.EndsAt,
            row.TimeZone,
            location,
            row.OnlineUrl ?? page,
            null,
            null,
            row.UpdatedAt);
    }

    /// <summary>A file name for an event's <c>.ics</c>: its date and title in plain ASCII (<c>2027-03-04-alumni-day.ics</c>).</summary>
    public static string FileName(CalendarRow row)
    {
        var title = (EventRules.Pick(row.TitleEn, row.TitleSv) ?? "").Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 60)
            {
                break;
            }
        }

        var name = slug.ToString().Trim('-');
        var zone = TimeZoneInfo.FindSystemTimeZoneById(row.TimeZone);
        var day = TimeZoneInfo.ConvertTime(row.StartsAt, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return name.Length == 0 ? $"{day}-event.ics" : $"{day}-{name}.ics";
    }

    private static string? PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? null : Markdig.Markdown.ToPlainText(markdown).Trim();

    private static void Paragraph(StringBuilder text, string? paragraph)
    {
        if (string.IsNullOrWhiteSpace(paragraph))
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        text.Append(paragraph.Trim());
    }

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Select(TextRules.Clean).OfType<string>().ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }
}

/// <summary>An event as the calendar use cases read it (<see cref="CalendarRows.Columns"/>).</summary>
internal sealed record CalendarRow
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public int Sequence { get; init; }
    public int Version { get; init; }
    public string? TitleSv { get; init; }
    public string? TitleEn { get; init; }
    public string? SummarySv { get; init; }
    public string? SummaryEn { get; init; }
    public string? DescriptionSv { get; init; }
    public string? DescriptionEn { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public string TimeZone { get; init; } = "";
    public string? Venue { get; init; }
    public string? Address { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public bool Online { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The online link, only where the reader may have it (a confirmed registration).</summary>
    public string? OnlineUrl { get; init; }

    /// <summary>The reader is on the event's waiting list.</summary>
    public bool Waiting { get; init; }
}
