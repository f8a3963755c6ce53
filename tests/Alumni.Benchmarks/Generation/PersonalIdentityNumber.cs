namespace Alumni.Benchmarks.Generation;

/// <summary>
/// Swedish personal identity numbers (personnummer) in their 12-digit form YYYYMMDDNNNC: birth date, a three-digit
/// birth number (odd last digit for men, even for women) and a Luhn check digit over the last ten digits but one.
/// A coordination number (samordningsnummer) is the same with 60 added to the day.
/// </summary>
public static class PersonalIdentityNumber
{
    /// <summary>The 12-digit number for a birth date and birth number (0–999).</summary>
    public static string Create(DateOnly birth, int birthNumber, bool coordination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(birthNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(birthNumber, 999);
        Span<char> digits = stackalloc char[12];
        Write(digits[..4], birth.Year, 4);
        Write(digits[4..6], birth.Month, 2);
        Write(digits[6..8], birth.Day + (coordination ? 60 : 0), 2);
        Write(digits[8..11], birthNumber, 3);
        digits[11] = (char)('0' + CheckDigit(digits[2..11]));
        return new string(digits);
    }

    /// <summary>The Luhn check digit of nine digits (YYMMDDNNN).</summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - sum % 10) % 10;
    }

    /// <summary>True for 12 digits with a real date (or a date + 60) and a correct check digit.</summary>
    public static bool IsValid(string number)
    {
        if (number.Length != 12 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var year = int.Parse(number.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(number.AsSpan(4, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(number.AsSpan(6, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (day > 60)
        {
            day -= 60;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && CheckDigit(number.AsSpan(2, 9)) == number[11] - '0';
    }

    private static void Write(Span<char> target, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            target[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }
}
