using Alumni.Api.Features.Events.CheckIn;

namespace Alumni.Api.Tests.Events;

/// <summary><see cref="CheckInCodes"/>: short codes from the unambiguous alphabet, and QR code PNGs.</summary>
public sealed class CheckInCodesTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void A_code_is_eight_characters_of_the_unambiguous_alphabet()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => CheckInCodes.NewCode()).ToList();

        Assert.All(codes, code => Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", code));
        Assert.DoesNotContain(codes.SelectMany(c => c), c => "0O1IL".Contains(c, StringComparison.Ordinal));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(31, CheckInCodes.Alphabet.Distinct().Count());
        Assert.True(codes.SelectMany(c => c).Distinct().Count() > 25, "500 codes should use nearly all of the alphabet.");
    }

    [Theory]
    [InlineData("abcd-2345", "ABCD2345")]
    [InlineData(" ABCD 2345 ", "ABCD2345")]
    [InlineData("ABCD2345", "ABCD2345")]
    [InlineData("ABCD234", null)]
    [InlineData("ABCD23450", null)]
    [InlineData("ABCD0345", null)]
    [InlineData("ABCDI345", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_typed_code_is_normalised_or_refused(string? typed, string? expected) =>
        Assert.Equal(expected, CheckInCodes.Normalise(typed));

    [Fact]
    public void A_qr_code_is_a_png()
    {
        var png = CheckInCodes.QrPng("ABCD2345");

        Assert.Equal(PngSignature, png.Take(8));
        Assert.True(png.Length > 100);
    }

    [Fact]
    public void Different_texts_give_different_images_and_the_same_text_the_same()
    {
        var code = CheckInCodes.QrPng("ABCD2345");
        var other = CheckInCodes.QrPng("ABCD2346");
        var url = CheckInCodes.QrPng("https://alumni.su.se/events/check-in?code=ABCD2345");

        Assert.NotEqual(code, other);
        Assert.NotEqual(code, url);
        Assert.Equal(code, CheckInCodes.QrPng("ABCD2345"));
        Assert.Equal(PngSignature, url.Take(8));
    }

    [Fact]
    public void More_pixels_a_module_give_a_larger_image() =>
        Assert.True(CheckInCodes.QrPng("ABCD2345", 12).Length > CheckInCodes.QrPng("ABCD2345", 4).Length);
}
