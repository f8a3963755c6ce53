using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Alumni.Api.Features.Newsletters.Rendering;

/// <summary>
/// The plain-text part of a mail from the safe HTML Markdown gave: paragraphs and headings apart by a blank line,
/// list items with a dash or their number, quotes with "&gt; ", and links readable as "text (url)".
/// </summary>
internal static class PlainText
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The text of a safe HTML fragment (empty for null).</summary>
    public static string From(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var blocks = new List<string>();
        Blocks(document.Body!, blocks, "");
        return string.Join("\n\n", blocks.Where(b => b.Length > 0));
    }

    private static void Blocks(INode parent, List<string> blocks, string quote)
    {
        var inline = new StringBuilder();
        foreach (var node in parent.ChildNodes)
        {
            if (node is IElement element && IsBlock(element.LocalName))
            {
                Flush(inline, blocks, quote);
                Block(element, blocks, quote);
            }
            else
            {
                Inline(node, inline);
            }
        }

        Flush(inline, blocks, quote);
    }

    private static void Block(IElement element, List<string> blocks, string quote)
    {
        switch (element.LocalName)
        {
            case "blockquote":
                Blocks(element, blocks, quote + "> ");
                break;
            case "ul":
            case "ol":
                var items = new List<string>();
                var number = int.TryParse(element.GetAttribute("start"), out var start) ? start : 1;
                foreach (var item in element.Children.Where(c => c.LocalName == "li"))
                {
                    var nested = new List<string>();
                    Blocks(item, nested, "");
                    var marker = element.LocalName == "ol" ? $"{number++}. " : "- ";
                    var text = string.Join("\n", nested).Replace("\n", "\n" + new string(' ', marker.Length), StringComparison.Ordinal);
                    items.Add(Quote(marker + text, quote));
                }

                blocks.Add(string.Join("\n", items));
                break;
            case "hr":
                blocks.Add(Quote("----", quote));
                break;
            case "pre":
                blocks.Add(Quote(element.TextContent.TrimEnd('\n'), quote));
                break;
            default:
                var inline = new StringBuilder();
                foreach (var child in element.ChildNodes)
                {
                    Inline(child, inline);
                }

                Flush(inline, blocks, quote);
                break;
        }
    }

    private static void Inline(INode node, StringBuilder text)
    {
        switch (node)
        {
            case IText t:
                text.Append(t.Data.Replace('\n', ' '));
                break;
            case IElement { LocalName: "br" }:
                text.Append('\n');
                break;
            case IElement { LocalName: "a" } link:
                var inner = new StringBuilder();
                foreach (var child in link.ChildNodes)
                {
                    Inline(child, inner);
                }

                var label = inner.ToString().Trim();
                var href = link.GetAttribute("href");
                var shown = href is not null && href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href[7..] : href;
                text.Append(href is null ? label
                    : label.Length == 0 || label == href || label == shown ? shown
                    : $"{label} ({shown})");
                break;
            case IElement element when IsBlock(element.LocalName):
                text.Append('\n').Append(From(element.OuterHtml)).Append('\n');
                break;
            case IElement element:
                foreach (var child in element.ChildNodes)
                {
                    Inline(child, text);
                }

                break;
        }
    }

    private static void Flush(StringBuilder inline, List<string> blocks, string quote)
    {
        var lines = inline.ToString().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        var text = string.Join("\n", lines).Trim('\n');
        inline.Clear();
        if (text.Length > 0)
        {
            blocks.Add(Quote(text, quote));
        }
    }

    private static string Quote(string text, string quote) =>
        quote.Length == 0 ? text : string.Join("\n", text.Split('\n').Select(l => quote + l));

    private static bool IsBlock(string name) => name is "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "li"
        or "blockquote" or "pre" or "hr" or "div";
}
