using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>
/// Opens a new connection per unit of work and knows the few things that differ between the providers.
/// Connections are pooled by the providers, so opening one is cheap; never keep one around.
/// </summary>
public sealed class Database
{
    private const int SqliteBusyTimeoutSeconds = 30;

    public Database(DatabaseOptions options)
    {
        Provider = options.Provider;
        ConnectionString = Provider == DatabaseProvider.Sqlite
            ? NormaliseSqlite(options.ConnectionString)
            : options.ConnectionString;
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException(
                "No SQL Server connection string: set ConnectionStrings:Alumni (or the environment variable ConnectionStrings__Alumni).");
        }
    }

    /// <summary>The provider in use.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The effective connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Opens a connection for reads, or for a single write statement.</summary>
    public async Task<DbSession> OpenAsync(CancellationToken ct)
    {
        var connection = await OpenConnectionAsync(ct);
        return new DbSession(connection, null, Provider);
    }

    /// <summary>
    /// Opens a connection and begins a transaction: everything in it is committed whole or not at all. On SQLite the
    /// transactions of this process take their turn at an asynchronous gate first (SQLite has one writer at a time
    /// anyway): a transaction that finds the write lock taken would otherwise be retried by the provider every 150 ms
    /// with the thread blocked, so that a burst of writers (a hundred registrations for one event) waits seconds for
    /// each other and starves the thread pool. Writers in other processes still meet at SQLite's lock.
    /// </summary>
    public async Task<DbSession> BeginAsync(CancellationToken ct)
    {
        var gate = Provider == DatabaseProvider.Sqlite ? SqliteWriters.GetOrAdd(ConnectionString, _ => new SemaphoreSlim(1, 1)) : null;
        if (gate is not null && !await gate.WaitAsync(TimeSpan.FromSeconds(SqliteBusyTimeoutSeconds), ct))
        {
            throw new TimeoutException($"No SQLite write transaction could begin within {SqliteBusyTimeoutSeconds} s: another one in this process held it.");
        }

        DbConnection? connection = null;
        try
        {
            connection = await OpenConnectionAsync(ct);

            // SQLite: BEGIN IMMEDIATE takes the write lock up front, so two writers never deadlock on an upgrade.
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            return new DbSession(connection, transaction, Provider, release: gate is null ? null : () => gate.Release());
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            gate?.Release();
            throw;
        }
    }

    /// <summary>The gate of each SQLite database's write transactions in this process (<see cref="BeginAsync"/>).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);

    /// <summary>
    /// One connection for a long piece of bulk work (an import) that commits in many transactions: each
    /// <see cref="BulkConnection.BeginAsync"/> is one. On SQLite it has a page cache of <paramref name="cacheMebibytes"/>
    /// (the default of 2 MiB makes every insert into a large index read from disk) and keeps it warm from one
    /// transaction to the next; the connection goes back to its pool with the default.
    /// </summary>
    public async Task<BulkConnection> OpenBulkAsync(int cacheMebibytes, CancellationToken ct)
    {
        var connection = await OpenConnectionAsync(ct);
        try
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                await connection.ExecuteAsync(new CommandDefinition($"PRAGMA cache_size = -{cacheMebibytes * 1024}", cancellationToken: ct));
            }

            return new BulkConnection(connection, Provider);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A list of ids for Dapper's <c>IN @Ids</c>. Dapper expands lists without the type handlers, so on SQLite the
    /// ids go as the text they are stored as.
    /// </summary>
    public System.Collections.IEnumerable Ids(IEnumerable<Guid> ids) =>
        Provider == DatabaseProvider.Sqlite ? ids.Select(i => i.ToString("D")).ToList() : ids.ToList();

    /// <summary>True when the exception is a unique-key violation.</summary>
    public bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException e => e.SqliteErrorCode == 19 && e.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException e => e.Number is 2627 or 2601,
        _ => false,
    };

    private async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new SqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (connection is SqliteConnection sqlite)
            {
                // SQLite's own LOWER folds only A–Z, so "Örebro" stayed "Örebro" and a city or name filter missed it;
                // SQL Server's folds every letter. Both dialects then compare the same way.
                sqlite.CreateFunction("lower", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string NormaliseSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString) ? "Data Source=data/alumni.db" : connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
        };
        if (builder.DefaultTimeout < SqliteBusyTimeoutSeconds)
        {
            builder.DefaultTimeout = SqliteBusyTimeoutSeconds;
        }

        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith(':'))
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            var directory = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        return builder.ToString();
    }
}

/// <summary>A connection held for bulk work; see <see cref="Database.OpenBulkAsync"/>.</summary>
public sealed class BulkConnection : IAsyncDisposable
{
    private const int SqliteDefaultCacheKibibytes = 2000;

    private readonly DbConnection connection;
    private readonly DatabaseProvider provider;

    internal BulkConnection(DbConnection connection, DatabaseProvider provider)
    {
        this.connection = connection;
        this.provider = provider;
    }

    /// <summary>Begins a transaction on this connection; disposing the session ends the transaction, not the connection.</summary>
    public async Task<DbSession> BeginAsync(CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        return new DbSession(connection, transaction, provider, ownsConnection: false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (provider == DatabaseProvider.Sqlite && connection.State == ConnectionState.Open)
            {
                await connection.ExecuteAsync($"PRAGMA cache_size = -{SqliteDefaultCacheKibibytes}");
            }
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
