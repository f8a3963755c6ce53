using System.Security.Cryptography;
using QRCoder;

namespace Alumni.Api.Features.Events.CheckIn;

/// <summary>
/// The short code a registration is checked in by, and the QR code (PNG) that carries it in the confirmation mail.
/// A code is <see cref="Length"/> characters from <see cref="Alphabet"/> (no 0/O, 1/I/L, so it can be read aloud and
/// typed from a phone), drawn with a cryptographic random generator: about 40 bits, unique per event by the
/// database's index (draw again on the rare clash).
/// </summary>
public static class CheckInCodes
{
    /// <summary>The characters a code is made of: A–Z and 2–9 without I, L, O.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>How many characters a code has.</summary>
    public const int Length = 8;

    /// <summary>The media type of <see cref="QrPng"/>.</summary>
    public const string PngMediaType = "image/png";

    /// <summary>A fresh code.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>
    /// The code as typed (any case, spaces and hyphens ignored), or null when it cannot be a code. Use it before
    /// looking a typed or scanned code up.
    /// </summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var code = string.Concat(typed.Where(c => c is not (' ' or '-'))).ToUpperInvariant();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    /// <summary>
    /// A QR code of <paramref name="text"/> (the code, or a URL carrying it) as a PNG: black on white, error
    /// correction level M, <paramref name="pixelsPerModule"/> pixels a module, with the quiet zone.
    /// </summary>
    public static byte[] QrPng(string text, int pixelsPerModule = 8)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
