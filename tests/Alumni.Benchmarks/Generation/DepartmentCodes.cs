using System.Text;
using Alumni.Api.Infrastructure.Text;
using Microsoft.Data.Sqlite;

namespace Alumni.Benchmarks.Generation;

/// <summary>The department codes to spread members over: the seeded ones, from the API's seed file or a database.</summary>
public static class DepartmentCodes
{
    private const string SeedResource = "Alumni.Api.Features.Departments.Seed.departments.csv";

    /// <summary>The codes of the API's department seed file (embedded in Alumni.Api), in file order.</summary>
    public static IReadOnlyList<string> FromSeedFile()
    {
        using var stream = typeof(Alumni.Api.Features.Departments.SeedDepartments).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"{SeedResource} is not embedded in Alumni.Api.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var records = Csv.ReadRecords(reader).ToList();
        var column = Array.IndexOf(records[0], "department_code");
        return records.Skip(1).Select(r => r[column].Trim()).ToList();
    }

    /// <summary>The active departments of a database: code → id.</summary>
    public static Dictionary<string, string> FromDatabase(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT code, id FROM departments WHERE is_active = 1 ORDER BY code";
        using var reader = command.ExecuteReader();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids[reader.GetString(0)] = reader.GetString(1);
        }

        return ids;
    }
}
