using Alumni.Api.Features.Newsletters.Rendering;

namespace Alumni.Api.Features.Newsletters.Welcome;

/// <summary>
/// A welcome step's texts in both languages (Markdown with personal fields), rendered by the newsletters' renderer
/// (<see cref="NewsletterRenderer"/>) in the office's default layout; a language is written when it has a subject and a body.
/// </summary>
public sealed record WelcomeTexts(string? SubjectSv, string? SubjectEn, string? BodySv, string? BodyEn)
{
    /// <summary>The texts as the renderer takes them (a welcome step has no preheader).</summary>
    public MailContent Content => new(SubjectSv, SubjectEn, null, null, BodySv, BodyEn);

    /// <summary>The language a member of this language gets: theirs when it is written, else the other.</summary>
    public string LanguageFor(string language)
    {
        var svWritten = !string.IsNullOrWhiteSpace(SubjectSv) && !string.IsNullOrWhiteSpace(BodySv);
        var enWritten = !string.IsNullOrWhiteSpace(SubjectEn) && !string.IsNullOrWhiteSpace(BodyEn);
        return language == "sv" ? (svWritten || !enWritten ? "sv" : "en") : (enWritten || !svWritten ? "en" : "sv");
    }
}
