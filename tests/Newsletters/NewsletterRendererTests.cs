using Alumni.Api.Features.Newsletters.Layouts;
using Alumni.Api.Features.Newsletters.Rendering;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Http;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// The renderer on its own: personal fields checked against the allow-list when the mail is compiled, values
/// HTML-encoded, the recipient's language with a fallback, the CSS inlined, the plain-text part, the layout's postal
/// address and preference link, an invitation's register button.
/// </summary>
public sealed class NewsletterRendererTests
{
    private static readonly MailLayout Layout = LayoutDefaults.Layout;

    private static MailRecipient Recipient(string language = "sv", string? first = "Astrid", string? last = "Lindgren") =>
        new(Guid.NewGuid(), "astrid@example.org", language, first, last, "https://alumni.example.org/preferences/TOKEN-1");

    private static MailContent Content(string? subjectSv = "Hej {{ member.first_name }}!", string? bodySv = "Välkommen, **{{ member.full_name }}**.",
        string? subjectEn = null, string? bodyEn = null) => new(subjectSv, subjectEn, "Förhandstext", null, bodySv, bodyEn);

    [Fact]
    public void An_unknown_personal_field_is_refused_at_compile_time_naming_the_field_and_the_name()
    {
        var content = Content(bodySv: "Din lön: {{ member.salary }}", subjectEn: "Hi {{ member.nickname | upcase }}", bodyEn: "Text");

        var problem = Assert.Throws<ProblemException>(() => NewsletterRenderer.Compile(content, Layout, null));

        Assert.Equal(400, problem.Status);
        Assert.Equal(["bodySv", "subjectEn"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("{{ member.salary }}", problem.Errors["bodySv"][0], StringComparison.Ordinal);
        Assert.Contains("{{ member.nickname }}", problem.Errors["subjectEn"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ member.first_name | raw_html }}", "raw_html")]
    [InlineData("{% if member.first_name %}Hej{% endif %}", "{% if %}")]
    [InlineData("{{ event.title }}", "{{ event.title }}")]
    [InlineData("{{ member.first_name ", "{{")]
    [InlineData("{{ member['first_name'] }}", "{{ member['first_name'] }}")]
    [InlineData("{{ member.first_name | append: 'x' }}", "append")]
    public void Filters_tags_and_fields_outside_the_lists_are_refused(string body, string named)
    {
        var errors = NewsletterRenderer.Problems(Content(bodySv: body), invitation: false);

        Assert.Equal(["bodySv"], errors.Keys);
        Assert.Contains(named, errors["bodySv"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_mail_needs_one_whole_language()
    {
        Assert.Equal(["bodyEn", "bodySv"], NewsletterRenderer.Problems(new MailContent(null, " ", null, null, null, null), false).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["bodySv"], NewsletterRenderer.Problems(Content(bodySv: null), false).Keys);
        Assert.Empty(NewsletterRenderer.Problems(Content(subjectSv: null, bodySv: null, subjectEn: "Hi", bodyEn: "Text"), false));
    }

    [Fact]
    public void Values_are_html_encoded_in_the_html_and_plain_in_the_text()
    {
        var mail = NewsletterRenderer.Compile(Content(), Layout, null).Render(Recipient(first: "<script>alert(1)</script>", last: "O'Hara & Co"));

        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; O&#x27;Hara &amp; Co", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Välkommen, <script>alert(1)</script> O'Hara & Co.", mail.Text, StringComparison.Ordinal);
        Assert.Equal("Hej <script>alert(1)</script>!", mail.Subject);
    }

    [Fact]
    public void Each_recipient_gets_their_language_or_else_the_other_one()
    {
        var both = NewsletterRenderer.Compile(Content(subjectEn: "Hello {{ member.first_name | default: 'friend' }}", bodyEn: "Welcome."), Layout, null);
        var swedishOnly = NewsletterRenderer.Compile(Content(), Layout, null);
        var englishOnly = NewsletterRenderer.Compile(Content(subjectSv: null, bodySv: null, subjectEn: "Hello", bodyEn: "Welcome."), Layout, null);

        Assert.Equal("Hello Astrid", both.Render(Recipient("en")).Subject);
        Assert.Equal("Hello friend", both.Render(Recipient("en", first: null)).Subject);
        Assert.Equal("Hej Astrid!", both.Render(Recipient("sv")).Subject);
        Assert.Equal("Hej Astrid!", swedishOnly.Render(Recipient("en")).Subject);
        Assert.Contains("lang=\"sv\"", swedishOnly.Render(Recipient("en")).Html, StringComparison.Ordinal);
        Assert.Equal("Hello", englishOnly.Render(Recipient("sv")).Subject);
        Assert.Contains("Change what you get / unsubscribe", englishOnly.Render(Recipient("sv")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_css_is_inlined_and_the_layout_holds_the_postal_address_the_preference_link_and_the_hidden_preheader()
    {
        var mail = NewsletterRenderer.Compile(Content(), Layout, null).Render(Recipient());

        Assert.DoesNotContain("<style", mail.Html, StringComparison.Ordinal);
        Assert.Contains("style=\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Stockholms universitet, 106 91 Stockholm", mail.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://alumni.example.org/preferences/TOKEN-1\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Ändra vad du får / avregistrera dig", mail.Html, StringComparison.Ordinal);
        Assert.Matches("<span style=\"[^\"]*display: ?none[^\"]*\">Förhandstext</span>", mail.Html);
        Assert.Contains("<strong>Astrid Lindgren</strong>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Stockholms universitet, 106 91 Stockholm", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Ändra vad du får / avregistrera dig: https://alumni.example.org/preferences/TOKEN-1", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_text_part_is_readable_with_links_as_text_and_address()
    {
        var body = """
            # Alumnidagen

            Läs [programmet](https://www.su.se/alumni) eller skriv till <mailto:alumni@su.se>.

            - Mingel
            - Föredrag

            1. Först
            2. Sedan

            > Citat
            """;
        var mail = NewsletterRenderer.Compile(Content(bodySv: body), Layout, null).Render(Recipient());

        Assert.Contains("Alumnidagen\n\nLäs programmet (https://www.su.se/alumni) eller skriv till alumni@su.se.\n\n- Mingel\n- Föredrag\n\n1. Först\n2. Sedan\n\n> Citat", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_fields_work_in_links_and_on_their_own()
    {
        var mail = NewsletterRenderer.Compile(Content(bodySv: "[Dina val]({{ preferences_url }}) eller {{ preferences_url }}"), Layout, null).Render(Recipient());

        Assert.Contains("<a href=\"https://alumni.example.org/preferences/TOKEN-1\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Dina val (https://alumni.example.org/preferences/TOKEN-1) eller https://alumni.example.org/preferences/TOKEN-1", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(".invalid", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invitation_has_the_event_fields_and_a_register_button()
    {
        var ev = new MailEvent(Guid.NewGuid(), "Alumnidagen", "Alumni Day", new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero), "Europe/Stockholm",
            "Aula Magna", "Stockholm", "SE", "https://alumni.example.org/events/1");
        var content = Content(subjectSv: "Inbjudan: {{ event.title }}", bodySv: "Välkommen {{ event.starts }}, {{ event.place }}.",
            subjectEn: "Invitation: {{ event.title }}", bodyEn: "Welcome on {{ event.starts }} at {{ event.place }}.");

        var mail = NewsletterRenderer.Compile(content, Layout, ev);
        var sv = mail.Render(Recipient("sv"));
        var en = mail.Render(Recipient("en"));

        Assert.Equal("Inbjudan: Alumnidagen", sv.Subject);
        Assert.Contains("Välkommen lördag 14 mars 2026 kl. 18:00, Aula Magna, Stockholm.", sv.Text, StringComparison.Ordinal);
        Assert.Matches("<a href=\"https://alumni.example.org/events/1\" style=\"[^\"]+\">Anmäl dig</a>", sv.Html);
        Assert.Contains("Anmäl dig: https://alumni.example.org/events/1", sv.Text, StringComparison.Ordinal);
        Assert.Equal("Invitation: Alumni Day", en.Subject);
        Assert.Contains("Welcome on Saturday 14 March 2026, 18:00 at Aula Magna, Stockholm, Sweden.", en.Text, StringComparison.Ordinal);
        Assert.Contains(">Register</a>", en.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Braces_in_the_text_around_the_fields_stay_text()
    {
        var mail = NewsletterRenderer.Compile(Content(bodySv: "Mängden {a, b} och {{ member.first_name }}"), Layout, null).Render(Recipient());

        Assert.Contains("Mängden {a, b} och Astrid", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Mängden &#123;a, b&#125; och Astrid", mail.Html, StringComparison.Ordinal);
    }
}
