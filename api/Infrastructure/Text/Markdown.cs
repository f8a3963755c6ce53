using Ganss.Xss;
using Markdig;

namespace Alumni.Api.Infrastructure.Text;

/// <summary>
/// Markdown that staff write (event descriptions, newsletters) as HTML that is safe to show: Markdig renders it with
/// raw HTML turned off, then HtmlSanitizer keeps only text formatting, headings, lists, quotes, code and links to
/// absolute <c>http</c>, <c>https</c> and <c>mailto</c> addresses. No images, scripts, styles, classes, tables or
/// frames survive; every link opens with <c>rel="noopener noreferrer nofollow"</c>.
/// </summary>
public static class Markdown
{
    private static readonly string[] Schemes = ["http", "https", "mailto"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The safe HTML of a Markdown text; null for null or blank text.</summary>
    public static string? ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html).Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "strong", "b", "em", "i", "del", "s", "sub", "sup", "mark", "code", "pre", "blockquote",
                "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "rel", "start" },
            AllowedSchemes = new HashSet<string>(Schemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
        });
        sanitizer.KeepChildNodes = true;
        sanitizer.FilterUrl += (_, e) =>
        {
            // Only absolute addresses with an allowed scheme: a relative link would point into the application.
            if (e.SanitizedUrl is null || !Uri.TryCreate(e.SanitizedUrl, UriKind.Absolute, out var uri)
                || !Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                if (link.GetAttribute("href") is null)
                {
                    link.RemoveAttribute("rel");
                }
                else
                {
                    link.SetAttribute("rel", "noopener noreferrer nofollow");
                }
            }
        };
        return sanitizer;
    }
}
