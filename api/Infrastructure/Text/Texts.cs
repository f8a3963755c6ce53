using System.Globalization;
using System.Text.Json;

namespace Alumni.Api.Infrastructure.Text;

/// <summary>
/// Messages people read (field errors above all) in the request's language: Swedish when the client asks for it
/// (<c>Accept-Language: sv</c>), English otherwise. Request localization sets the culture per request. Every message
/// comes from one catalogue, <c>api/Messages/{en,sv}.json</c>, by key; a test checks that both languages hold every key
/// the code uses.
/// </summary>
public static class Texts
{
    /// <summary>The languages the API answers in; the first is the default.</summary>
    public static readonly string[] Languages = ["en", "sv"];

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Catalogues =
        Languages.ToDictionary(l => l, Load, StringComparer.Ordinal);

    /// <summary>The current request's language (or the one <see cref="In"/> chose): sv or en.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv" ? "sv" : "en";

    /// <summary>The message with this key in the current request's language, its <c>{0}</c>, <c>{1}</c>… filled in.</summary>
    public static string Get(string key, params object?[] args)
    {
        var language = Current;
        var text = Catalogues[language].TryGetValue(key, out var found)
            ? found
            : throw new KeyNotFoundException($"The message catalogue ({language}) has no message '{key}'.");
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    /// <summary>
    /// Until disposed, messages are in this language (sv or en) rather than the request's: for text written to a person
    /// in their own language, such as an e-mail to them.
    /// </summary>
    public static IDisposable In(string language) => new LanguageScope(language == "sv" ? "sv" : "en");

    /// <summary>The keys of a language's catalogue.</summary>
    public static IReadOnlyCollection<string> Keys(string language) => (IReadOnlyCollection<string>)Catalogues[language].Keys;

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        var name = $"Alumni.Api.Messages.{language}.json";
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The message catalogue {name} is not embedded.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The message catalogue {name} is empty.");
    }

    private sealed class LanguageScope : IDisposable
    {
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

        public LanguageScope(string language)
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
