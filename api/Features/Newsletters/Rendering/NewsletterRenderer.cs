using System.Globalization;
using System.Net;
using System.Text;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Problems;
using Fluid;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Rendering;

/// <summary>What a mail says, per language (Markdown bodies with personal fields; either language may be missing).</summary>
public sealed record MailContent(string? SubjectSv, string? SubjectEn, string? PreheaderSv, string? PreheaderEn, string? BodySv, string? BodyEn);

/// <summary>The layout around a mail's body: header and footer (Markdown, per language) and the postal address.</summary>
public sealed record MailLayout(string? HeaderSv, string? HeaderEn, string? FooterSv, string? FooterEn, string PostalAddress);

/// <summary>The event an invitation is for, as the mail shows it (read through Events' <c>event_invitation_facts</c>).</summary>
public sealed record MailEvent(Guid Id, string? TitleSv, string? TitleEn, DateTimeOffset StartsAt, string TimeZone,
    string? Venue, string? City, string? Country, string Url);

/// <summary>
/// Renders newsletter mail. A mail is compiled once per language: its personal fields are checked against the
/// allow-list (<see cref="LiquidFields"/>), its Markdown made safe HTML (<see cref="Markdown.ToSafeHtml"/>) and put in
/// the layout (header, body, an invitation's register button, footer, postal address, the visible "change what you
/// get / unsubscribe" link to the recipient's preference page, the preheader as hidden text), the CSS inlined by
/// PreMailer.Net, and a plain-text part made from the same Markdown; the result is parsed as one Liquid template per
/// part. Per recipient only the fields are filled in (HTML-encoded in the HTML part), in their language, falling
/// back to the other one when theirs is not written.
/// </summary>
public sealed class NewsletterRenderer(Database db, IOptions<NewsletterOptions> options)
{
    private static readonly Sql DefaultLayout = Sql.Portable("""
        SELECT header_sv AS HeaderSv, header_en AS HeaderEn, footer_sv AS FooterSv, footer_en AS FooterEn, postal_address AS PostalAddress
        FROM newsletter_layouts
        WHERE is_default = 1
        ORDER BY created_at
        """);

    /// <summary>The web app's page of an event (the register button and <c>{{ event.url }}</c>).</summary>
    public string EventUrl(Guid eventId) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/events/{eventId}";

    /// <summary>
    /// The problems of a mail's content, per JSON field (<c>subjectSv</c>, <c>bodyEn</c>, …), in the current language;
    /// empty when it can be sent: every personal field allowed (event fields only in an invitation), and at least one
    /// language with both its subject and its text.
    /// </summary>
    public static Dictionary<string, string[]> Problems(MailContent content, bool invitation)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Check(string field, string? text)
        {
            var problems = LiquidFields.Problems(text, invitation);
            if (problems.Count > 0)
            {
                errors[field] = [.. problems];
            }
        }

        Check("subjectSv", content.SubjectSv);
        Check("subjectEn", content.SubjectEn);
        Check("preheaderSv", content.PreheaderSv);
        Check("preheaderEn", content.PreheaderEn);
        Check("bodySv", content.BodySv);
        Check("bodyEn", content.BodyEn);

        var sv = Written(content.SubjectSv) || Written(content.BodySv);
        var en = Written(content.SubjectEn) || Written(content.BodyEn);
        if (!sv && !en)
        {
            errors.TryAdd("bodySv", [Texts.Get("newsletters.writeOneLanguage")]);
            errors.TryAdd("bodyEn", [Texts.Get("newsletters.writeOneLanguage")]);
        }

        void Half(bool written, string subjectField, string? subject, string bodyField, string? body)
        {
            if (written && !Written(subject))
            {
                errors.TryAdd(subjectField, [Texts.Get("newsletters.writeTheSubjectToo")]);
            }

            if (written && !Written(body))
            {
                errors.TryAdd(bodyField, [Texts.Get("newsletters.writeTheTextToo")]);
            }
        }

        Half(sv, "subjectSv", content.SubjectSv, "bodySv", content.BodySv);
        Half(en, "subjectEn", content.SubjectEn, "bodyEn", content.BodyEn);
        return errors;
    }

    /// <summary>The problems of a layout's fields (<c>headerSv</c>, …, <c>postalAddress</c>): only member fields, no tags.</summary>
    public static Dictionary<string, string[]> Problems(MailLayout layout)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, text) in new[] { ("headerSv", layout.HeaderSv), ("headerEn", layout.HeaderEn), ("footerSv", layout.FooterSv), ("footerEn", layout.FooterEn) })
        {
            var problems = LiquidFields.Problems(text, invitation: false);
            if (problems.Count > 0)
            {
                errors[field] = [.. problems];
            }
        }

        if (layout.PostalAddress.Contains('{', StringComparison.Ordinal) || layout.PostalAddress.Contains('}', StringComparison.Ordinal))
        {
            errors["postalAddress"] = [Texts.Get("newsletters.postalAddressNoBraces")];
        }

        return errors;
    }

    /// <summary>Throws the 400 problem naming each field when the content cannot be sent (see <see cref="Problems(MailContent, bool)"/>).</summary>
    public static void EnsureValid(MailContent content, bool invitation) => ThrowIfAny(Problems(content, invitation));

    /// <summary>Throws the 400 problem naming each field when there are any.</summary>
    public static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, "One or more fields are invalid; see errors.", ProblemTypes.ValidationFailed, errors);
        }
    }

    /// <summary>
    /// Compiles a mail in the given layout (an invitation when <paramref name="invitation"/> is given); a 400 problem
    /// naming each field when it cannot be sent.
    /// </summary>
    public static ICampaignMail Compile(MailContent content, MailLayout layout, MailEvent? invitation)
    {
        EnsureValid(content, invitation is not null);
        ThrowIfAny(Problems(layout));
        var sv = Written(content.SubjectSv) ? CompiledLanguage.Build("sv", content.SubjectSv!, content.PreheaderSv, content.BodySv!, layout.HeaderSv, layout.FooterSv, layout.PostalAddress, invitation) : null;
        var en = Written(content.SubjectEn) ? CompiledLanguage.Build("en", content.SubjectEn!, content.PreheaderEn, content.BodyEn!, layout.HeaderEn, layout.FooterEn, layout.PostalAddress, invitation) : null;
        return new CompiledMail(sv, en);
    }

    /// <summary>
    /// Compiles any mail (the welcome series' steps) in the default layout; a 400 problem naming each field
    /// (<c>subjectSv</c>, <c>bodyEn</c>, …) when it cannot be sent.
    /// </summary>
    public async Task<ICampaignMail> CompileAsync(MailContent content, CancellationToken ct)
    {
        EnsureValid(content, invitation: false);
        return Compile(content, await DefaultLayoutAsync(ct), null);
    }

    /// <summary>The default layout (the office's; seeded at start-up, so one is always there once the app has started).</summary>
    public async Task<MailLayout> DefaultLayoutAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        return await DefaultLayoutAsync(session, ct);
    }

    internal static async Task<MailLayout> DefaultLayoutAsync(DbSession session, CancellationToken ct) =>
        (await session.QueryAsync<MailLayout>(DefaultLayout, null, ct)).FirstOrDefault() ?? Layouts.LayoutDefaults.Layout;

    /// <summary>Sample values for a preview or a test send: a made-up member in the language's own form.</summary>
    public static MailRecipient Sample(string language, string email, string preferencesUrl) => language == "en"
        ? new MailRecipient(Guid.Empty, email, "en", "Alex", "Andersson", preferencesUrl)
        : new MailRecipient(Guid.Empty, email, "sv", "Kim", "Karlsson", preferencesUrl);

    internal static bool Written(string? text) => !string.IsNullOrWhiteSpace(text);
}

/// <summary>A compiled mail: one compiled language or two.</summary>
internal sealed class CompiledMail(CompiledLanguage? sv, CompiledLanguage? en) : ICampaignMail
{
    /// <summary>The languages it is written in.</summary>
    public IReadOnlyList<string> Languages => new[] { sv?.Language, en?.Language }.OfType<string>().ToList();

    public RenderedMail Render(MailRecipient recipient)
    {
        var language = recipient.Language == "en" ? en ?? sv : sv ?? en;
        return language!.Render(recipient);
    }
}

/// <summary>One language of a mail, compiled: its subject, HTML and text as parsed Liquid templates.</summary>
internal sealed class CompiledLanguage
{
    private static readonly TemplateOptions Options = new();
    private static readonly System.Text.Encodings.Web.HtmlEncoder Html =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private readonly IFluidTemplate subject;
    private readonly IFluidTemplate html;
    private readonly IFluidTemplate text;
    private readonly Dictionary<string, object?>? eventValues;

    private CompiledLanguage(string language, IFluidTemplate subject, IFluidTemplate html, IFluidTemplate text, Dictionary<string, object?>? eventValues)
    {
        Language = language;
        this.subject = subject;
        this.html = html;
        this.text = text;
        this.eventValues = eventValues;
    }

    public string Language { get; }

    public static CompiledLanguage Build(string language, string subject, string? preheader, string body, string? header, string? footer,
        string postalAddress, MailEvent? invitation)
    {
        using var _ = Texts.In(language);
        var marks = new Marks();
        var bodyHtml = Markdown.ToSafeHtml(marks.Mark(body, invitation is not null)) ?? "";
        var headerHtml = Markdown.ToSafeHtml(marks.Mark(header, false));
        var footerHtml = Markdown.ToSafeHtml(marks.Mark(footer, false));
        var preheaderText = marks.Mark(preheader, invitation is not null);
        var subjectText = marks.Mark(subject, invitation is not null)!;
        var preferences = Texts.Get("newsletters.mailPreferences");
        (string Text, string Url)? register = invitation is null ? null : (Texts.Get("newsletters.mailRegister"), marks.Mark("{{ event.url }}", true)!);
        var preferencesUrl = marks.Mark("{{ preferences_url }}", false)!;

        var shell = MailShell.Html(language, subjectText, preheaderText, headerHtml, bodyHtml, register, footerHtml, postalAddress, (preferences, preferencesUrl));
        var inlined = PreMailer.Net.PreMailer.MoveCssInline(shell, removeStyleElements: true, stripIdAndClassAttributes: true, removeComments: true).Html;
        // The static HTML holds no Liquid of its own: a brace is written as an entity before the fields are put back.
        var htmlSource = marks.Restore(inlined.Replace("{", "&#123;", StringComparison.Ordinal).Replace("}", "&#125;", StringComparison.Ordinal));

        var textSource = marks.Restore(MailShell.Text(PlainText.From(headerHtml), PlainText.From(bodyHtml), register, PlainText.From(footerHtml),
            postalAddress, (preferences, preferencesUrl)));

        return new CompiledLanguage(language, Parse(subject.Trim()), Parse(htmlSource), Parse(textSource),
            invitation is null ? null : EventValues(invitation, language));
    }

    public RenderedMail Render(MailRecipient recipient)
    {
        var context = new TemplateContext(Options);
        var first = recipient.FirstName?.Trim();
        var last = recipient.LastName?.Trim();
        var full = string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrEmpty(n)));
        context.SetValue("member", new Dictionary<string, object?>
        {
            ["first_name"] = string.IsNullOrEmpty(first) ? null : first,
            ["last_name"] = string.IsNullOrEmpty(last) ? null : last,
            ["full_name"] = full.Length == 0 ? null : full,
        });
        context.SetValue("preferences_url", recipient.PreferencesUrl);
        if (eventValues is not null)
        {
            context.SetValue("event", eventValues);
        }

        var subjectLine = string.Join(' ', subject.Render(context, NullEncoder.Default).Split((char[])[' ', '\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return new RenderedMail(subjectLine, html.Render(context, Html), text.Render(context, NullEncoder.Default));
    }

    private static IFluidTemplate Parse(string source) =>
        LiquidFields.Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException("A checked mail did not parse as Liquid: " + error);

    private static Dictionary<string, object?> EventValues(MailEvent ev, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ev.TimeZone);
        var starts = TimeZoneInfo.ConvertTime(ev.StartsAt, zone);
        var when = language == "sv"
            ? starts.ToString("dddd d MMMM yyyy 'kl.' HH:mm", culture)
            : starts.ToString("dddd d MMMM yyyy, HH:mm", culture);
        var country = Country(ev.Country, language);
        var place = string.Join(", ", new[] { ev.Venue, ev.City, country }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        return new Dictionary<string, object?>
        {
            ["title"] = language == "en" ? ev.TitleEn ?? ev.TitleSv : ev.TitleSv ?? ev.TitleEn,
            ["starts"] = when,
            ["place"] = place.Length == 0 ? null : place,
            ["url"] = ev.Url,
        };
    }

    private static string? Country(string? code, string language)
    {
        if (string.IsNullOrWhiteSpace(code) || (language == "sv" && code == "SE"))
        {
            return null;
        }

        try
        {
            return new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    /// <summary>
    /// Stands the personal fields of the texts in for plain words (or, for a bare link field, an address) while the
    /// Markdown, the sanitiser and the CSS inliner go over them, and puts them back as Liquid afterwards.
    /// </summary>
    private sealed class Marks
    {
        private readonly string nonce = "lq" + Guid.NewGuid().ToString("N")[..12];
        private readonly List<(string Token, string Liquid)> tokens = [];

        public string? Mark(string? text, bool invitation)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            var (fields, _) = LiquidFields.Read(text, invitation);
            var marked = new StringBuilder();
            var at = 0;
            foreach (var field in fields)
            {
                marked.Append(text, at, field.Index - at);
                var n = tokens.Count;
                var token = field.IsUrl ? $"https://{nonce}.invalid/{n}q" : $"{nonce}w{n}q";
                tokens.Add((token, "{{ " + field.Expression + " }}"));
                marked.Append(token);
                at = field.Index + field.Length;
            }

            marked.Append(text, at, text.Length - at);
            return marked.ToString();
        }

        public string Restore(string text)
        {
            var restored = new StringBuilder(text);
            foreach (var (token, liquid) in tokens)
            {
                restored.Replace(token, liquid);
            }

            return restored.ToString();
        }
    }
}

/// <summary>The HTML shell and the plain-text frame of every newsletter mail.</summary>
internal static class MailShell
{
    private const string Css = """
        body { margin: 0; padding: 0; background-color: #f2f2f2; }
        .wrapper { width: 100%; background-color: #f2f2f2; padding: 24px 0; }
        .container { max-width: 600px; margin: 0 auto; background-color: #ffffff; font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; }
        .header { background-color: #002f5f; color: #ffffff; padding: 20px 24px; font-size: 18px; line-height: 1.4; }
        .header p { margin: 0; }
        .header a { color: #ffffff; }
        .content { padding: 24px; font-size: 16px; line-height: 1.5; }
        .content h1 { font-size: 24px; line-height: 1.25; margin: 0 0 16px 0; color: #002f5f; }
        .content h2 { font-size: 20px; line-height: 1.3; margin: 24px 0 12px 0; color: #002f5f; }
        .content h3 { font-size: 17px; margin: 20px 0 8px 0; }
        .content p { margin: 0 0 16px 0; }
        .content a { color: #0b5cad; }
        .content blockquote { margin: 0 0 16px 0; padding: 0 0 0 12px; border-left: 4px solid #d0d7de; color: #444444; }
        .action { margin: 24px 0; }
        .button { display: inline-block; background-color: #002f5f; color: #ffffff; padding: 12px 24px; border-radius: 4px; font-weight: bold; text-decoration: none; }
        .footer { padding: 16px 24px 24px 24px; border-top: 1px solid #e0e0e0; font-size: 13px; line-height: 1.5; color: #555555; }
        .footer p { margin: 0 0 8px 0; }
        .footer a { color: #0b5cad; }
        .address { color: #555555; }
        .preferences a { color: #0b5cad; }
        .preheader { display: none; max-height: 0; max-width: 0; overflow: hidden; opacity: 0; font-size: 1px; line-height: 1px; color: #f2f2f2; mso-hide: all; }
        """;

    /// <summary>The HTML around the body; the links (<paramref name="register"/>, <paramref name="preferences"/>) are given as their text and address.</summary>
    public static string Html(string language, string subject, string? preheader, string? header, string body, (string Text, string Url)? register,
        string? footer, string postalAddress, (string Text, string Url) preferences)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(WebUtility.HtmlEncode(subject)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");
        if (!string.IsNullOrWhiteSpace(preheader))
        {
            html.Append("<span class=\"preheader\">").Append(WebUtility.HtmlEncode(preheader.Trim())).Append("</span>\n");
        }

        html.Append("<div class=\"wrapper\">\n<div class=\"container\">\n");
        if (header is not null)
        {
            html.Append("<div class=\"header\">").Append(header).Append("</div>\n");
        }

        html.Append("<div class=\"content\">\n").Append(body).Append('\n');
        if (register is { } button)
        {
            html.Append("<p class=\"action\"><a class=\"button\" href=\"").Append(WebUtility.HtmlEncode(button.Url)).Append("\">")
                .Append(WebUtility.HtmlEncode(button.Text)).Append("</a></p>\n");
        }

        html.Append("</div>\n<div class=\"footer\">\n");
        if (footer is not null)
        {
            html.Append(footer).Append('\n');
        }

        html.Append("<p class=\"address\">").Append(WebUtility.HtmlEncode(postalAddress.Trim()).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n")
            .Append("<p class=\"preferences\"><a href=\"").Append(WebUtility.HtmlEncode(preferences.Url)).Append("\">")
            .Append(WebUtility.HtmlEncode(preferences.Text)).Append("</a></p>\n")
            .Append("</div>\n</div>\n</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The plain text around the body, with the links written out.</summary>
    public static string Text(string header, string body, (string Text, string Url)? register, string footer, string postalAddress, (string Text, string Url) preferences)
    {
        var parts = new List<string>();
        if (header.Length > 0)
        {
            parts.Add(header);
        }

        parts.Add(body);
        if (register is { } button)
        {
            parts.Add(button.Text + ": " + button.Url);
        }

        parts.Add("--");
        if (footer.Length > 0)
        {
            parts.Add(footer);
        }

        parts.Add(postalAddress.Trim());
        parts.Add(preferences.Text + ": " + preferences.Url);
        return string.Join("\n\n", parts) + "\n";
    }
}
