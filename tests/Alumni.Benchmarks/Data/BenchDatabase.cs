using Alumni.Api.Features.Departments;
using Alumni.Api.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alumni.Benchmarks.Data;

/// <summary>A SQLite database made the way the API makes it: its migrations (the API's Migrator) and its department seed.</summary>
public static class BenchDatabase
{
    /// <summary>Migrates and seeds the departments; returns the normalised connection string (full path, foreign keys on).</summary>
    public static async Task<string> PrepareAsync(string connectionString, CancellationToken ct = default)
    {
        TypeHandlers.Register();
        var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString });
        await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        await new SeedDepartments(database, TimeProvider.System, NullLogger<SeedDepartments>.Instance).RunAsync(ct);
        return database.ConnectionString;
    }

    /// <summary>A connection set up for bulk writing: no fsync per commit, a large page cache.</summary>
    public static SqliteConnection OpenForBulk(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY;");
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Deletes a database file and its WAL and shared-memory files.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>A prepared statement whose parameters are bound by position and reused for every row.</summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public PreparedInsert(SqliteConnection connection, string table, params string[] columns)
    {
        command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        parameters = columns.Select(c => command.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
    }

    public SqliteTransaction? Transaction
    {
        set => command.Transaction = value;
    }

    public void Prepare() => command.Prepare();

    /// <summary>Binds the values in column order and runs the insert.</summary>
    public void Run(params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
