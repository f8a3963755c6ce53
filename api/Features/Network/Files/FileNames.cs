using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Network.Files;

/// <summary>
/// The name a file is kept under: the uploader's name without any folder part, control characters or bidirectional
/// overrides, at most 200 characters, with its extension made to match the type the content was found to be. A name
/// already ending in one of the type's extensions (<c>photo.jpeg</c> for a JPEG) is kept; another extension is replaced
/// (<c>slides.pdf</c> holding a PNG becomes <c>slides.png</c>); a name without one gets the type's.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 200;

    public static string Stored(string? uploaded, FileType type)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(TextRules.StripZeroWidth(name).Where(c => !TextRules.IsForbidden(c, singleLine: true) && c != '\t').ToArray()).Trim().Trim('.');
        var dot = name.LastIndexOf('.');
        var stem = name;
        if (dot > 0)
        {
            var extension = name[(dot + 1)..];
            if (type.HasExtension(extension))
            {
                return Shorten(name[..dot], "." + extension.ToLowerInvariant());
            }

            if (LooksLikeExtension(extension))
            {
                stem = name[..dot];
            }
        }

        return Shorten(stem.Length == 0 ? "file" : stem, "." + type.Extension);
    }

    private static bool LooksLikeExtension(string extension) =>
        extension.Length is > 0 and <= 5 && extension.All(char.IsAsciiLetterOrDigit) && extension.Any(char.IsAsciiLetter);

    private static string Shorten(string stem, string extension)
    {
        stem = stem.TrimEnd().TrimEnd('.');
        if (stem.Length == 0)
        {
            stem = "file";
        }

        if (stem.Length + extension.Length > MaxLength)
        {
            stem = stem[..(MaxLength - extension.Length)];
            stem = char.IsHighSurrogate(stem[^1]) ? stem[..^1] : stem;
        }

        return stem + extension;
    }
}
