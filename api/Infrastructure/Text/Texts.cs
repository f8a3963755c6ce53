using System.Globalization;

namespace Alumni.Api.Infrastructure.Text;

/// <summary>
/// Messages people read (field errors above all) in the request's language: Swedish when the client asks for it
/// (<c>Accept-Language: sv</c>), English otherwise. Request localization sets the culture per request.
/// </summary>
public static class Texts
{
    /// <summary>The languages the API answers in; the first is the default.</summary>
    public static readonly string[] Languages = ["en", "sv"];

    /// <summary>The text in the current request's language.</summary>
    public static string Pick(string english, string swedish) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? swedish : english;
}
