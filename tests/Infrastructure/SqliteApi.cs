using Alumni.Api.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>The API over a fresh SQLite file in a temporary folder.</summary>
public class SqliteApi : ApiFixture
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "alumni-tests", Guid.NewGuid().ToString("N"));

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(NewDatabase());

    public override Task<string> CreateAnotherDatabaseAsync() => Task.FromResult(NewDatabase());

    private string NewDatabase()
    {
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")}";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalising connection: the temp folder is cleaned by the OS.
        }
    }
}
