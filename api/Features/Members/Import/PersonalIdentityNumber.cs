using System.Globalization;

namespace Alumni.Api.Features.Members.Import;

/// <summary>
/// Swedish personal identity numbers (personnummer) and co-ordination numbers (samordningsnummer, day + 60):
/// 10 or 12 digits, with or without the separator ('-', or '+' for a person of 100 or more), a real date, and the
/// Luhn check digit. Only a keyed hash of the canonical 12 digits is ever stored.
/// </summary>
public static class PersonalIdentityNumber
{
    /// <summary>The canonical 12 digits (YYYYMMDDNNNC), or null when the text is not a valid number.</summary>
    public static string? Normalise(string text, DateOnly today)
    {
        var trimmed = text.Trim();
        var plus = trimmed.Contains('+');
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length + trimmed.Count(c => c is '-' or '+') != trimmed.Length || digits.Length is not (10 or 12))
        {
            return null;
        }

        if (digits.Length == 10)
        {
            var year = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var century = (today.Year - year) / 100 * 100;
            var full = century + year;
            if (full > today.Year || (full == today.Year && string.CompareOrdinal(digits[2..6], today.ToString("MMdd", CultureInfo.InvariantCulture)) > 0))
            {
                full -= 100;
            }

            if (plus)
            {
                full -= 100;
            }

            digits = full.ToString("D4", CultureInfo.InvariantCulture) + digits[2..];
        }

        var month = int.Parse(digits[4..6], CultureInfo.InvariantCulture);
        var day = int.Parse(digits[6..8], CultureInfo.InvariantCulture);
        if (day > 60)
        {
            day -= 60;
        }

        var yearOfBirth = int.Parse(digits[..4], CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || yearOfBirth < 1850 || day > DateTime.DaysInMonth(yearOfBirth, month))
        {
            return null;
        }

        return Luhn(digits[2..]) ? digits : null;
    }

    private static bool Luhn(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < tenDigits.Length; i++)
        {
            var d = tenDigits[i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
