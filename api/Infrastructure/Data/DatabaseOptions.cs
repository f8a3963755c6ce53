namespace Alumni.Api.Infrastructure.Data;

/// <summary>Configuration section <c>Database</c>; the connection string is <c>ConnectionStrings:Alumni</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string; for SQLite the default is a file under <c>data/</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending migrations when the API starts (default); otherwise run the <c>migrate</c> command.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
