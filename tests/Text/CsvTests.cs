using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Tests.Text;

/// <summary>
/// The CSV writer: what it writes reads back as written (apart from the neutralising apostrophes), and no cell a
/// spreadsheet could make of it, splitting on commas or on semicolons (Swedish Excel), starts a formula.
/// </summary>
public sealed class CsvTests
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static TheoryData<string> Hostile => new(
        "Acme AB;=2+3;",
        "=HYPERLINK(\"http://x\")",
        "+46 8 16 20 00",
        "-2, \"quoted\"",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "a,=1",
        "a, =1",
        "a;@b",
        "a; \"=1\"",
        "a;\"\"-1",
        "line one\n=cmd|' /C calc'!A0",
        "line one\r\n+1",
        "a\t-1",
        "\"=1\"");

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task No_cell_a_spreadsheet_could_see_starts_a_formula(string value)
    {
        var csv = await WriteAsync(["id", value, "end"]);

        AssertNoFormula(csv);
        var record = Assert.Single(Csv.ReadRecords(new StringReader(csv)));
        Assert.Equal(3, record.Length);
        Assert.Equal(("id", "end"), (record[0], record[2]));
        Assert.Equal(value.Replace("'", ""), record[1].Replace("'", ""));
    }

    [Theory]
    [InlineData("Acme AB;=2+3;", "\"Acme AB;'=2+3;\"")]
    [InlineData("Acme AB;Ltd", "\"Acme AB;Ltd\"")]
    [InlineData("Acme AB, Ltd", "\"Acme AB, Ltd\"")]
    [InlineData("=1", "'=1")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("5 - 3 = 2", "5 - 3 = 2")]
    [InlineData("anna@example.org", "anna@example.org")]
    [InlineData("", "")]
    public async Task A_field_is_quoted_when_it_holds_a_delimiter_a_quote_or_a_line_break(string value, string written)
    {
        Assert.Equal(written + "\r\n", await WriteAsync([value]));
    }

    [Fact]
    public async Task A_semicolon_separated_file_is_protected_the_same_way()
    {
        var csv = await WriteAsync(["Acme AB,=2+3", "x;-1"], ';');

        Assert.Equal("\"Acme AB,'=2+3\";\"x;'-1\"\r\n", csv);
        AssertNoFormula(csv);
    }

    /// <summary>
    /// Fails when any cell a spreadsheet could make of the text starts a formula (after any quotes and spaces): read as
    /// CSV with either delimiter, or split naively on commas, semicolons, tabs and line breaks.
    /// </summary>
    internal static void AssertNoFormula(string csv)
    {
        var text = csv.TrimStart('\uFEFF');
        var cells = new[] { ',', ';' }.SelectMany(d => Read(text, d)).Concat(text.Split([',', ';', '\t', '\r', '\n']));
        foreach (var cell in cells)
        {
            var start = cell.TrimStart('"', ' ');
            Assert.False(start.Length > 0 && FormulaStarts.Contains(start[0]), $"A spreadsheet could see the cell <{cell}> in:\n{csv}");
        }
    }

    /// <summary>The cells of the text read as CSV with a delimiter, up to where quotes leave it unreadable that way.</summary>
    private static List<string> Read(string text, char delimiter)
    {
        var cells = new List<string>();
        try
        {
            foreach (var record in Csv.ReadRecords(new StringReader(text), delimiter))
            {
                cells.AddRange(record);
            }
        }
        catch (FormatException)
        {
            // A file quoted for one delimiter may end inside a quote when read with the other: the naive split covers the rest.
        }

        return cells;
    }

    private static async Task<string> WriteAsync(IEnumerable<string?> fields, char delimiter = ',')
    {
        using var writer = new StringWriter();
        await Csv.WriteRecordAsync(writer, fields, delimiter);
        return writer.ToString();
    }
}
