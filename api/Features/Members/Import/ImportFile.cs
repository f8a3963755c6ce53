using System.Text;
using System.Text.Json;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Members.Import;

/// <summary>One data row of an import file: its 1-based row number in the file (the header is row 1) and its fields by column.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The field's text, trimmed and without zero-width characters (as every JSON string is read); null when blank.</summary>
    public string? this[string column] => Fields.TryGetValue(column, out var value) ? TextRules.Clean(TextRules.StripZeroWidth(value)) : null;
}

/// <summary>
/// Reading import files one row at a time (never the whole file): CSV with a header (comma or semicolon, UTF-8 with
/// or without BOM, as Swedish Excel writes it) or NDJSON. Column names are snake_case in CSV and camelCase in NDJSON.
/// </summary>
public static class ImportFile
{
    public const string Csv = "csv";
    public const string Ndjson = "ndjson";

    public static readonly string[] Required = ["external_id", "first_name", "last_name", "department_code", "degree_type", "credits"];
    public static readonly string[] Optional = ["personal_identity_number", "email", "programme", "start_year", "end_year"];

    /// <summary>The file's format from a request's content type, or null when it is neither.</summary>
    public static string? FormatOf(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "text/csv" => Csv,
        "application/x-ndjson" or "application/ndjson" => Ndjson,
        _ => null,
    };

    /// <summary>A strict UTF-8 reader: invalid bytes throw rather than turn into replacement characters.</summary>
    public static StreamReader Reader(Stream stream) => new(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);

    /// <summary>The most of a column name a header problem repeats back.</summary>
    public const int EchoedNameLength = 200;

    /// <summary>The most header problems listed; the rest are counted.</summary>
    public const int ListedHeaderProblems = 20;

    /// <summary>
    /// What is wrong with a CSV header line (unknown, missing or repeated columns); empty when it is right. A column name
    /// is repeated back to at most 200 characters (a file without line breaks is one long "header"), and at most 20
    /// problems are listed.
    /// </summary>
    public static IReadOnlyList<string> HeaderProblems(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var problems = new List<string>();
        problems.AddRange(names.Where(n => !Required.Contains(n) && !Optional.Contains(n)).Select(n => Texts.Get("members.import.unknownColumn", Echo(n))));
        problems.AddRange(Required.Where(r => !names.Contains(r)).Select(r => Texts.Get("members.import.missingColumn", r)));
        problems.AddRange(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => Texts.Get("members.import.repeatedColumn", Echo(g.Key))));
        return problems.Count <= ListedHeaderProblems
            ? problems
            : [.. problems.Take(ListedHeaderProblems), Texts.Get("members.import.moreProblems", problems.Count - ListedHeaderProblems)];
    }

    private static string Echo(string name) => name.Length <= EchoedNameLength ? name : name[..EchoedNameLength] + "…";

    /// <summary>The delimiter of a CSV header line: a semicolon when it has more of them than commas (Swedish Excel).</summary>
    public static char DelimiterOf(string headerLine) => headerLine.Count(c => c == ';') > headerLine.Count(c => c == ',') ? ';' : ',';

    /// <summary>The data rows of a file, or rows carrying the reason they cannot be read.</summary>
    public static IEnumerable<(ImportRow Row, string? Problem)> Rows(TextReader reader, string format) =>
        format == Csv ? CsvRows(reader) : NdjsonRows(reader);

    private static IEnumerable<(ImportRow, string?)> CsvRows(TextReader reader)
    {
        var headerLine = reader.ReadLine() ?? "";
        var delimiter = DelimiterOf(headerLine);
        var header = Infrastructure.Text.Csv.ReadRecords(new StringReader(headerLine), delimiter).FirstOrDefault() ?? [];
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var number = 1;
        using var records = Infrastructure.Text.Csv.ReadRecords(reader, delimiter).GetEnumerator();
        while (true)
        {
            string[] record;
            string? broken = null;
            try
            {
                if (!records.MoveNext())
                {
                    yield break;
                }

                record = records.Current;
            }
            catch (FormatException e)
            {
                record = [];
                broken = e.Message;
            }

            if (broken is not null)
            {
                yield return (new ImportRow(number + 1, new Dictionary<string, string>()), broken);
                yield break;
            }

            number++;
            if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Min(record.Length, names.Length); i++)
            {
                fields[names[i]] = record[i];
            }

            yield return (new ImportRow(number, fields), record.Length == names.Length
                ? null
                : Texts.Get("members.import.fieldCount", record.Length, names.Length));
        }
    }

    private static IEnumerable<(ImportRow, string?)> NdjsonRows(TextReader reader)
    {
        var number = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            string? problem = null;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problem = Texts.Get("members.import.notAnObject");
                }
                else
                {
                    foreach (var property in document.RootElement.EnumerateObject())
                    {
                        var column = SnakeCase(property.Name);
                        if (!Required.Contains(column) && !Optional.Contains(column))
                        {
                            problem ??= Texts.Get("members.import.unknownField", property.Name);
                        }

                        fields[column] = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString()!,
                            JsonValueKind.Number => property.Value.GetRawText(),
                            JsonValueKind.Null => "",
                            _ => property.Value.GetRawText(),
                        };
                    }

                    problem ??= Required.FirstOrDefault(r => !fields.ContainsKey(r)) is { } missing ? Texts.Get("members.import.missingField", CamelCase(missing)) : null;
                }
            }
            catch (JsonException e)
            {
                problem = Texts.Get("members.import.notJson", e.Message.Split('.')[0]);
            }

            yield return (new ImportRow(number, fields), problem);
        }
    }

    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static string CamelCase(string snake) =>
        string.Concat(snake.Split('_').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
}
