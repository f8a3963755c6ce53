using System.Net;
using System.Text.RegularExpressions;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Newsletters.Welcome;

/// <summary>A welcome step's texts in both languages (Markdown with Liquid fields); a language is written when it has a subject and a body.</summary>
public sealed record WelcomeTexts(string? SubjectSv, string? SubjectEn, string? BodySv, string? BodyEn)
{
    /// <summary>The language a member of this language gets: theirs when it is written, else the other.</summary>
    public string LanguageFor(string language)
    {
        var svWritten = !string.IsNullOrWhiteSpace(SubjectSv) && !string.IsNullOrWhiteSpace(BodySv);
        var enWritten = !string.IsNullOrWhiteSpace(SubjectEn) && !string.IsNullOrWhiteSpace(BodyEn);
        return language == "sv" ? (svWritten || !enWritten ? "sv" : "en") : (enWritten || !svWritten ? "en" : "sv");
    }
}

/// <summary>
/// Makes a welcome step's mail from its texts: checked when the office saves a step (an unknown personal field or a
/// syntax error is a field error naming <c>subjectSv</c>, <c>bodyEn</c>, …), filled in per member when it is sent.
/// </summary>
public interface IWelcomeMailRenderer
{
    /// <summary>Throws a field <see cref="ProblemException"/> when a text does not compile.</summary>
    void Validate(WelcomeTexts texts);

    /// <summary>The mail to one member, in the language <see cref="WelcomeTexts.LanguageFor"/> picks for them.</summary>
    RenderedMail Render(WelcomeTexts texts, MailRecipient recipient);
}

/// <summary>
/// A small renderer of the welcome series' texts: the allow-listed Liquid output fields (<c>{{ member.first_name }}</c>,
/// <c>member.last_name</c>, <c>member.full_name</c>, <c>preferences_url</c>) and nothing else of Liquid, then Markdown
/// (<see cref="Markdown.ToSafeHtml"/>) with the link to the member's preference page below.
/// </summary>
public sealed partial class SimpleWelcomeMailRenderer : IWelcomeMailRenderer
{
    private static readonly string[] Fields = ["member.first_name", "member.last_name", "member.full_name", "preferences_url"];

    public void Validate(WelcomeTexts texts)
    {
        Check("subjectSv", texts.SubjectSv);
        Check("subjectEn", texts.SubjectEn);
        Check("bodySv", texts.BodySv);
        Check("bodyEn", texts.BodyEn);
    }

    public RenderedMail Render(WelcomeTexts texts, MailRecipient recipient)
    {
        var language = texts.LanguageFor(recipient.Language);
        var (subject, body) = language == "sv" ? (texts.SubjectSv, texts.BodySv) : (texts.SubjectEn, texts.BodyEn);
        string Value(string field) => field switch
        {
            "member.first_name" => recipient.FirstName ?? "",
            "member.last_name" => recipient.LastName ?? "",
            "member.full_name" => $"{recipient.FirstName} {recipient.LastName}".Trim(),
            "preferences_url" => recipient.PreferencesUrl,
            _ => "",
        };

        string Fill(string? text, bool html) => Output().Replace(text ?? "", m => html ? WebUtility.HtmlEncode(Value(m.Groups["field"].Value)) : Value(m.Groups["field"].Value));
        string footer;
        using (Texts.In(language))
        {
            footer = Texts.Get("newsletters.welcomeFooter", recipient.PreferencesUrl);
        }

        var text = Fill(body, html: false).Trim() + "\n\n-- \n" + footer + "\n";
        var html = (Markdown.ToSafeHtml(Fill(body, html: true)) ?? "") + "\n<hr>\n" + (Markdown.ToSafeHtml(footer) ?? "");
        return new RenderedMail(Fill(subject, html: false).Trim(), $"<!DOCTYPE html>\n<html lang=\"{language}\"><body>\n{html}\n</body></html>", text);
    }

    private static void Check(string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var rest = Output().Replace(text, m => Fields.Contains(m.Groups["field"].Value, StringComparer.Ordinal) ? "" : m.Value);
        var unknown = Output().Match(rest);
        if (unknown.Success)
        {
            throw ProblemException.Field(field, Texts.Get("newsletters.welcomeUnknownField", unknown.Groups["field"].Value, string.Join(", ", Fields)));
        }

        if (rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal) || rest.Contains("{%", StringComparison.Ordinal))
        {
            throw ProblemException.Field(field, Texts.Get("newsletters.welcomeUnknownField", rest.Contains("{%", StringComparison.Ordinal) ? "{% %}" : "{{ }}", string.Join(", ", Fields)));
        }
    }

    [GeneratedRegex(@"\{\{\s*(?<field>[A-Za-z_][A-Za-z0-9_.]*)\s*\}\}")]
    private static partial Regex Output();
}
