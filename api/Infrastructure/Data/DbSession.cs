using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>
/// One unit of work: a connection, and a transaction when it was begun with <see cref="Database.BeginAsync"/>.
/// Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public sealed class DbSession : IAsyncDisposable
{
    private readonly DbConnection connection;
    private readonly DbTransaction? transaction;
    private readonly DatabaseProvider provider;
    private readonly bool ownsConnection;
    private Action? release;

    internal DbSession(DbConnection connection, DbTransaction? transaction, DatabaseProvider provider, bool ownsConnection = true, Action? release = null)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.provider = provider;
        this.ownsConnection = ownsConnection;
        this.release = release;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(Sql sql, object? args, CancellationToken ct) =>
        (await connection.QueryAsync<T>(Command(sql, args, ct))).AsList();

    public Task<T?> QuerySingleOrDefaultAsync<T>(Sql sql, object? args, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<T>(Command(sql, args, ct));

    public Task<T?> ExecuteScalarAsync<T>(Sql sql, object? args, CancellationToken ct) =>
        connection.ExecuteScalarAsync<T>(Command(sql, args, ct));

    /// <summary>Rows one at a time, without holding them all (for exports and other large reads).</summary>
    public IAsyncEnumerable<T> StreamAsync<T>(Sql sql, object? args) =>
        connection.QueryUnbufferedAsync<T>(sql.For(provider), args, transaction);

    /// <summary>Runs a statement; one this provider does not need (<see cref="Sql.SqliteOnly"/>) is skipped.</summary>
    public Task<int> ExecuteAsync(Sql sql, object? args, CancellationToken ct) =>
        sql.For(provider).Length == 0 ? Task.FromResult(0) : connection.ExecuteAsync(Command(sql, args, ct));

    /// <summary>
    /// A statement to run many times in this session, with these parameters (its <c>@</c> names, in the order the values
    /// will be given). SQLite compiles it once here; SQL Server reuses the plan of a parameterised statement by itself.
    /// </summary>
    public async Task<PreparedStatement> PrepareAsync(Sql sql, string[] parameters, CancellationToken ct)
    {
        if (sql.For(provider).Length == 0)
        {
            throw new InvalidOperationException("The statement has no text for this provider: prepare it only where the provider runs it.");
        }

        var command = connection.CreateCommand();
        command.CommandText = sql.For(provider);
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            await command.PrepareAsync(ct);
        }

        return new PreparedStatement(command, provider);
    }

    /// <summary>
    /// SQL Server: the rows of a table in memory into a database table (or a temporary one) by bulk copy, in this
    /// session's transaction, columns matched by name, with foreign keys and check constraints enforced.
    /// </summary>
    public async Task BulkCopyAsync(string table, DataTable rows, CancellationToken ct)
    {
        if (connection is not SqlConnection server)
        {
            throw new NotSupportedException("Bulk copy is SQL Server's; on SQLite, run prepared statements in the transaction.");
        }

        using var copy = new SqlBulkCopy(server, SqlBulkCopyOptions.CheckConstraints, (SqlTransaction?)transaction)
        {
            DestinationTableName = table,
            BulkCopyTimeout = 0,
        };
        foreach (DataColumn column in rows.Columns)
        {
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await copy.WriteToServerAsync(rows, ct);
    }

    /// <summary>Commits the transaction.</summary>
    public Task CommitAsync(CancellationToken ct) =>
        transaction?.CommitAsync(ct) ?? throw new InvalidOperationException("This session has no transaction to commit.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (ownsConnection)
            {
                await connection.DisposeAsync();
            }
        }
        finally
        {
            // The turn at the SQLite writers' gate ends with the transaction (Database.BeginAsync).
            Interlocked.Exchange(ref release, null)?.Invoke();
        }
    }

    private CommandDefinition Command(Sql sql, object? args, CancellationToken ct) =>
        new(sql.For(provider), args, transaction, cancellationToken: ct);
}
