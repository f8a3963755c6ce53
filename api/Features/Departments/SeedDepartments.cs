using System.Text;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Hosting;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Departments;

/// <summary>
/// Seeds the university's faculties and departments (Seed/departments.csv) into an empty database, in one
/// transaction. A database that already has faculties is left alone, so edits made since are kept.
/// </summary>
public sealed class SeedDepartments(Database db, TimeProvider time, ILogger<SeedDepartments> logger) : IStartupTask
{
    private static readonly Sql CountFaculties = Sql.Portable("""
        SELECT COUNT(*) FROM faculties
        """);

    private static readonly Sql InsertFaculty = Sql.Portable("""
        INSERT INTO faculties (id, code, name_sv, name_en, created_at, updated_at)
        VALUES (@Id, @Code, @NameSv, @NameEn, @Now, @Now)
        """);

    private static readonly Sql InsertDepartment = Sql.Portable("""
        INSERT INTO departments (id, code, faculty_id, name_sv, name_en, is_active, version, created_at, updated_at)
        VALUES (@Id, @Code, @FacultyId, @NameSv, @NameEn, 1, 1, @Now, @Now)
        """);

    public int Order => -100;

    public async Task RunAsync(CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (await session.ExecuteScalarAsync<long>(CountFaculties, null, ct) > 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var faculties = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var departments = 0;
        foreach (var row in ReadSeed())
        {
            if (!faculties.TryGetValue(row.FacultyCode, out var facultyId))
            {
                facultyId = Guid.CreateVersion7(now);
                faculties.Add(row.FacultyCode, facultyId);
                await session.ExecuteAsync(InsertFaculty, new { Id = facultyId, Code = row.FacultyCode, NameSv = row.FacultyNameSv, NameEn = row.FacultyNameEn, Now = now }, ct);
            }

            await session.ExecuteAsync(InsertDepartment, new { Id = Guid.CreateVersion7(now), row.Code, FacultyId = facultyId, row.NameSv, row.NameEn, Now = now }, ct);
            departments++;
        }

        await session.CommitAsync(ct);
        logger.LogInformation("Seeded {Faculties} faculties and {Departments} departments", faculties.Count, departments);
    }

    private static IEnumerable<SeedRow> ReadSeed()
    {
        using var stream = typeof(SeedDepartments).Assembly.GetManifestResourceStream("Alumni.Api.Features.Departments.Seed.departments.csv")
            ?? throw new InvalidOperationException("The department seed file is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string[]? header = null;
        foreach (var record in Csv.ReadRecords(reader))
        {
            if (header is null)
            {
                header = record;
                continue;
            }

            string Field(string name) => record[Array.IndexOf(header, name)].Trim();
            yield return new SeedRow(Field("faculty_code"), Field("faculty_name_sv"), Field("faculty_name_en"),
                Field("department_code"), Field("department_name_sv"), Field("department_name_en"));
        }
    }

    private sealed record SeedRow(string FacultyCode, string FacultyNameSv, string FacultyNameEn, string Code, string NameSv, string NameEn);
}
