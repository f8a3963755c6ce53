using System.Diagnostics;
using System.Globalization;
using System.Text;
using Alumni.Contracts.Members;

namespace Alumni.Benchmarks.Generation;

/// <summary>
/// The member import file as the student register exports it: one row per study (a member with two studies has two
/// rows, one after the other, with the same student id), comma-separated, UTF-8, RFC 4180 quoting where needed.
/// </summary>
public static class ImportCsv
{
    public const string Header = "external_id,personal_identity_number,first_name,last_name,email,department_code,programme,degree_type,start_year,end_year,credits";

    /// <summary>The CSV name of a degree type.</summary>
    public static string DegreeName(DegreeType type) => type switch
    {
        DegreeType.None => "none",
        DegreeType.Bachelor => "bachelor",
        DegreeType.Master => "master",
        DegreeType.PhD => "phd",
        DegreeType.Professional => "professional",
        DegreeType.Exchange => "exchange",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Writes exactly <paramref name="rows"/> data rows (after the header), streaming: one member at a time.</summary>
    public static CsvWriteResult Write(string path, long rows, int seed)
    {
        var stopwatch = Stopwatch.StartNew();
        var generator = new AlumniGenerator(seed, DepartmentCodes.FromSeedFile());
        long written = 0, members = 0;
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
        {
            writer.NewLine = "\r\n";
            writer.WriteLine(Header);
            var line = new StringBuilder(256);
            while (written < rows)
            {
                var member = generator.Next();
                members++;
                foreach (var study in member.Studies)
                {
                    if (written == rows)
                    {
                        break;
                    }

                    line.Clear();
                    Append(line, member.ExternalId).Append(',');
                    Append(line, member.PersonalIdentityNumber).Append(',');
                    Append(line, member.FirstName).Append(',');
                    Append(line, member.LastName).Append(',');
                    Append(line, member.Email).Append(',');
                    Append(line, study.DepartmentCode).Append(',');
                    Append(line, study.Programme).Append(',');
                    line.Append(DegreeName(study.DegreeType)).Append(',');
                    line.Append(study.StartYear.ToString(CultureInfo.InvariantCulture)).Append(',');
                    line.Append(study.EndYear.ToString(CultureInfo.InvariantCulture)).Append(',');
                    line.Append(study.Credits.ToString("0.##", CultureInfo.InvariantCulture));
                    writer.WriteLine(line);
                    written++;
                }
            }
        }

        stopwatch.Stop();
        return new CsvWriteResult(path, written, members, new FileInfo(path).Length, stopwatch.Elapsed);
    }

    private static StringBuilder Append(StringBuilder line, string? field)
    {
        if (field is null)
        {
            return line;
        }

        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return line.Append(field);
        }

        return line.Append('"').Append(field.Replace("\"", "\"\"")).Append('"');
    }
}

public sealed record CsvWriteResult(string Path, long Rows, long Members, long Bytes, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}
