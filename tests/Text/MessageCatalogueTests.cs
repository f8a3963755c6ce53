using System.Globalization;
using System.Text.RegularExpressions;
using Alumni.Api.Infrastructure.Text;
using Alumni.Api.Tests.Infrastructure;

namespace Alumni.Api.Tests.Text;

/// <summary>Every message the API writes comes from the one catalogue, in both languages, with the same placeholders.</summary>
public sealed partial class MessageCatalogueTests
{
    [Fact]
    public void Both_languages_hold_the_same_keys_with_the_same_placeholders()
    {
        Assert.Equal(Texts.Keys("en").Order(StringComparer.Ordinal), Texts.Keys("sv").Order(StringComparer.Ordinal));
        foreach (var key in Texts.Keys("en"))
        {
            Assert.Equal(Placeholders(In("en", key)), Placeholders(In("sv", key)));
            Assert.False(string.IsNullOrWhiteSpace(In("sv", key)), key);
        }
    }

    [Fact]
    public void Every_key_the_code_uses_is_in_the_catalogue_and_every_key_is_used()
    {
        var used = Directory.EnumerateFiles(Repo.File("api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Except(Texts.Keys("en")));
        Assert.Empty(Texts.Keys("en").Except(used));
        Assert.NotEmpty(used);
    }

    [Fact]
    public void No_message_is_written_inline_in_two_languages()
    {
        var inline = Directory.EnumerateFiles(Repo.File("api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("Texts.Pick(", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(inline);
    }

    [Fact]
    public void A_message_is_in_the_request_language_with_its_values_filled_in()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv");
            Assert.Equal("Använd högst 7 tecken.", Texts.Get("common.useAtMostCharacters", 7));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("Use at most 7 characters.", Texts.Get("common.useAtMostCharacters", 7));
            Assert.Throws<KeyNotFoundException>(() => Texts.Get("common.noSuchMessage"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string In(string language, string key)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return Texts.Get(key);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string[] Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"Texts\.Get\(""(?<key>[^""]+)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
