using System.Globalization;
using System.Net;
using System.Text;
using Alumni.Api.Features.Events.Calendar;
using Alumni.Api.Features.Events.CheckIn;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>
/// The parts the event mails share, written in the current language (the sender sets the recipient's): when and where
/// the event is (in its own time zone), the check-in code with its QR image, the calendar file, and the message
/// itself with a text and an HTML body built from the same paragraphs. No names: the mail needs none.
/// </summary>
public static class EventMailText
{
    /// <summary>The content id of the check-in QR image the HTML shows inline.</summary>
    public const string QrContentId = "check-in-qr";

    /// <summary>"When: …" in the event's time zone, with the zone's id.</summary>
    public static string When(EventMailEvent ev)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ev.TimeZone);
        var starts = TimeZoneInfo.ConvertTime(ev.StartsAt, zone);
        var ends = TimeZoneInfo.ConvertTime(ev.EndsAt, zone);
        var culture = CultureInfo.CurrentCulture;
        var day = starts.ToString("dddd d MMMM yyyy", culture);
        var span = starts.Date == ends.Date
            ? $"{day}, {starts.ToString("HH:mm", culture)}–{ends.ToString("HH:mm", culture)}"
            : $"{day}, {starts.ToString("HH:mm", culture)} – {ends.ToString("dddd d MMMM yyyy, HH:mm", culture)}";
        return Texts.Get("events.mailWhen", $"{span} ({ev.TimeZone})");
    }

    /// <summary>"Where: venue, address, city, country", or null for an event with no place.</summary>
    public static string? Where(EventMailEvent ev) =>
        Location(ev) is { } place ? Texts.Get("events.mailWhere", place) : null;

    /// <summary>The place as one line, or null.</summary>
    public static string? Location(EventMailEvent ev)
    {
        var parts = new[] { ev.Venue, ev.Address, ev.City, ev.Country }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>The event's <c>.ics</c> as an attachment (its UID and SEQUENCE, cancelled when the event is).</summary>
    public static EmailAttachment Calendar(EventMailEvent ev, string language) => new(
        "event.ics",
        EventCalendar.MediaType,
        EventCalendar.Single(new CalendarEntry(
            ev.Id,
            ev.Sequence,
            ev.Status == "cancelled" ? CalendarEntryStatus.Cancelled : CalendarEntryStatus.Published,
            ev.Title(language),
            ev.Summary(language),
            ev.StartsAt,
            ev.EndsAt,
            ev.TimeZone,
            Location(ev),
            Url: null,
            OrganiserName: null,
            OrganiserEmail: null,
            ev.UpdatedAt)));

    /// <summary>The check-in code's QR image, shown inline in the HTML.</summary>
    public static EmailAttachment Qr(string code) => new("check-in.png", CheckInCodes.PngMediaType, CheckInCodes.QrPng(code), QrContentId);

    /// <summary>
    /// The message: the paragraphs as text, and as HTML (encoded); <paramref name="code"/> adds the check-in code in
    /// large type with its QR image after the paragraph that names it.
    /// </summary>
    public static EmailMessage Message(EventMailContext mail, string subject, IEnumerable<string?> paragraphs,
        IReadOnlyList<EmailAttachment>? attachments = null, string? code = null)
    {
        var lines = new List<string> { Texts.Get("events.mailHello") };
        lines.AddRange(paragraphs.Where(p => !string.IsNullOrWhiteSpace(p))!);
        lines.Add(Texts.Get("events.mailRegards"));
        var html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif\">\n");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>\n");
            if (code is not null && line.Contains(code, StringComparison.Ordinal))
            {
                html.Append("<p style=\"font-size: 1.6em; letter-spacing: 0.2em\"><strong>").Append(WebUtility.HtmlEncode(code)).Append("</strong></p>\n");
                html.Append("<p><img src=\"cid:").Append(QrContentId).Append("\" alt=\"")
                    .Append(WebUtility.HtmlEncode(Texts.Get("events.mailQrAlt", code))).Append("\" width=\"200\" height=\"200\"></p>\n");
            }
        }

        html.Append("</body></html>\n");
        return new EmailMessage(mail.Recipient.Email, null, subject, string.Join("\n\n", lines) + "\n", html.ToString(), attachments);
    }
}
