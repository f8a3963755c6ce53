namespace Alumni.Api.Infrastructure.Data;

/// <summary>The databases Alumni runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: a file, no server.</summary>
    Sqlite,

    /// <summary>The production target.</summary>
    SqlServer,
}

/// <summary>
/// The text of one SQL statement (or batch) in both dialects. Slices declare their SQL as
/// <c>static readonly Sql</c> fields next to the use case; a test parses every SQL Server text with ScriptDom,
/// so a statement written only for SQLite cannot slip through.
/// </summary>
public sealed class Sql
{
    private Sql(string sqlite, string sqlServer)
    {
        Sqlite = sqlite;
        SqlServer = sqlServer;
    }

    /// <summary>The SQLite text.</summary>
    public string Sqlite { get; }

    /// <summary>The SQL Server (T-SQL) text.</summary>
    public string SqlServer { get; }

    /// <summary>One text that both dialects accept unchanged.</summary>
    public static Sql Portable(string text) => new(text, text);

    /// <summary>A statement whose text differs between the dialects (paging, upsert, locking hints, ...).</summary>
    public static Sql Dialects(string sqlite, string sqlServer) => new(sqlite, sqlServer);

    /// <summary>
    /// A statement only SQLite needs (upkeep of a SQLite-only structure, such as its full-text index); on SQL Server
    /// running it does nothing and costs no round trip.
    /// </summary>
    public static Sql SqliteOnly(string text) => new(text, "");

    /// <summary>A statement only SQL Server runs (bulk work through temporary tables); never run on SQLite.</summary>
    public static Sql SqlServerOnly(string text) => new("", text);

    /// <summary>The text for a provider.</summary>
    public string For(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite ? Sqlite : SqlServer;
}
