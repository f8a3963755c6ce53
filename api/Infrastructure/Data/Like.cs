using System.Text;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>
/// Search patterns for <c>LIKE @Pattern ESCAPE '\'</c>, which both dialects understand: the text is matched
/// literally (its <c>%</c>, <c>_</c>, <c>[</c> and <c>\</c> escaped), case-insensitively when the column is lower-cased.
/// </summary>
public static class Like
{
    /// <summary>A pattern matching values that contain the text (lower-cased), or null for no filter.</summary>
    public static string? Containing(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var pattern = new StringBuilder("%");
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (c is '%' or '_' or '[' or '\\')
            {
                pattern.Append('\\');
            }

            pattern.Append(c);
        }

        return pattern.Append('%').ToString();
    }
}
