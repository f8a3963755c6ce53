using System.Text;

namespace Alumni.Api.Infrastructure.Text;

/// <summary>
/// Reads RFC 4180 CSV records one at a time from a stream of text: quoted fields, doubled quotes,
/// delimiters and line breaks inside quotes, CRLF or LF line ends. Never holds more than one record.
/// </summary>
public static class Csv
{
    /// <summary>The records of the text, the header included.</summary>
    public static IEnumerable<string[]> ReadRecords(TextReader reader, char delimiter = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else
                {
                    inQuotes = false;
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = true;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (fieldStarted || field.Length > 0 || fields.Count > 0)
                {
                    fields.Add(field.ToString());
                    yield return fields.ToArray();
                }

                fields.Clear();
                field.Clear();
                fieldStarted = false;
            }
            else
            {
                field.Append(ch);
                fieldStarted = true;
            }
        }

        if (inQuotes)
        {
            throw new FormatException("The CSV text ends inside a quoted field.");
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    /// <summary>
    /// Writes one record for a spreadsheet. A field is quoted when it holds a comma or a semicolon (whichever delimiter
    /// the reader splits on: Swedish Excel uses the semicolon), a quote or a line break. Every place where a spreadsheet
    /// could start a cell (the field's start, and the start of each piece after a comma, semicolon, tab or line break
    /// inside it, after any quotes and spaces) is neutralised with an apostrophe when it starts with =, +, -, @, a tab or
    /// a carriage return, so that no way of splitting the line yields a formula.
    /// </summary>
    public static Task WriteRecordAsync(TextWriter writer, IEnumerable<string?> fields, char delimiter = ',') =>
        writer.WriteAsync(string.Join(delimiter, fields.Select(f => Field(f, delimiter))) + "\r\n");

    private static string Field(string? value, char delimiter)
    {
        var text = Neutralise(value ?? "");
        return text.IndexOfAny([delimiter, ',', ';', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>The text with an apostrophe before each formula start at the start of a piece a spreadsheet could make a cell of.</summary>
    private static string Neutralise(string text)
    {
        StringBuilder? neutralised = null;
        var pieceStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (pieceStart && ch is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                neutralised ??= new StringBuilder(text, 0, i, text.Length + 8);
                neutralised.Append('\'');
            }

            neutralised?.Append(ch);
            pieceStart = ch is ',' or ';' or '\t' or '\r' or '\n' || (pieceStart && ch is '"' or ' ');
        }

        return neutralised?.ToString() ?? text;
    }
}
