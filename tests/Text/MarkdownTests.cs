using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Tests.Text;

/// <summary>
/// Markdown to safe HTML: formatting, headings, lists and links survive; raw HTML, scripts, styles, images, event
/// handlers and links with any scheme but http, https and mailto do not.
/// </summary>
public sealed class MarkdownTests
{
    public static TheoryData<string> Hostile => new(
        "<script>alert(1)</script>",
        "Hello <img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[vb](vbscript:msgbox(1))",
        "![pic](https://evil.example/x.png)",
        "![pic](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<style>body{display:none}</style>",
        "<details open ontoggle=alert(1)>",
        "[x](https://example.org \"t\" onmouseover=alert(1))",
        "<<script>script>alert(1)<</script>/script>",
        "<object data=\"x\"></object><embed src=\"x\">",
        "<form action=\"https://evil.example\"><input></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "[x](//evil.example/path)",
        "[x](/relative/path)");

    private static readonly HashSet<string> AllowedElements =
    [
        "p", "br", "hr", "strong", "b", "em", "i", "del", "s", "sub", "sup", "mark", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6",
    ];

    private static readonly HashSet<string> AllowedAttributes = ["href", "title", "rel", "start"];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_input_leaves_only_formatting_and_safe_links(string markdown)
    {
        var html = Markdown.ToSafeHtml(markdown) ?? "";
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, AllowedElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, AllowedAttributes);
            }

            if (element.GetAttribute("href") is { } href)
            {
                Assert.Matches("^(https?://|mailto:)", href);
            }
        }
    }

    [Fact]
    public void Formatting_headings_lists_and_links_survive()
    {
        var html = Markdown.ToSafeHtml("""
            ## Programme

            Welcome **back** to *DSV*, ~~maybe~~.

            1. Coffee
            2. Talk

            - [Map](https://maps.example.org/dsv)
            - [Write to us](mailto:alumni@example.org)
            - <https://example.org/auto>
            """)!;

        Assert.Contains("<h2", html);
        Assert.Contains("<strong>back</strong>", html);
        Assert.Contains("<em>DSV</em>", html);
        Assert.Contains("<del>maybe</del>", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("<ul>", html);
        Assert.Contains("<li>Coffee</li>", html);
        Assert.Contains("href=\"https://maps.example.org/dsv\"", html);
        Assert.Contains("href=\"mailto:alumni@example.org\"", html);
        Assert.Contains("href=\"https://example.org/auto\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var html = Markdown.ToSafeHtml("Tags like <b onclick=\"x()\">this</b> stay text")!;

        Assert.DoesNotContain("<b", html);
        Assert.Contains("&lt;b", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Blank_text_has_no_html(string? markdown) => Assert.Null(Markdown.ToSafeHtml(markdown));
}
