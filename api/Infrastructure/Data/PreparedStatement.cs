using System.Data.Common;
using Dapper;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>
/// One statement run many times in a session (bulk work): its command is made once, its parameters are bound by
/// position on each run (<see cref="DbSession.PrepareAsync"/> names them), and on SQLite it is compiled once instead of on
/// every run. Values go as the type handlers write them (ids as text, instants as ISO text on SQLite; enums by name).
/// A statement the provider does not need (<see cref="Sql.SqliteOnly"/>) has no command and does nothing.
/// </summary>
public sealed class PreparedStatement : IAsyncDisposable
{
    private readonly DbCommand? command;
    private readonly DatabaseProvider provider;

    internal PreparedStatement(DbCommand? command, DatabaseProvider provider)
    {
        this.command = command;
        this.provider = provider;
    }

    /// <summary>Runs the statement with these values, in the order of the parameter names; the rows changed.</summary>
    public Task<int> ExecuteAsync(CancellationToken ct, params object?[] values)
    {
        if (command is null)
        {
            return Task.FromResult(0);
        }

        Bind(command, values);
        return command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs the query with these values, in the order of the parameter names; its rows, mapped as Dapper maps them.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(CancellationToken ct, params object?[] values)
    {
        if (command is null)
        {
            return [];
        }

        Bind(command, values);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        if (!reader.HasRows)
        {
            return rows;
        }

        var parse = reader.GetRowParser<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(parse(reader));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => command?.DisposeAsync() ?? ValueTask.CompletedTask;

    private void Bind(DbCommand command, object?[] values)
    {
        if (values.Length != command.Parameters.Count)
        {
            throw new ArgumentException($"The statement has {command.Parameters.Count} parameters; {values.Length} values were given.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Guid id when provider == DatabaseProvider.Sqlite => id.ToString("D"),
                DateTimeOffset at when provider == DatabaseProvider.Sqlite => TypeHandlers.ToSqliteText(at),
                Enum e => e.ToString(),
                var value => value,
            };
        }
    }
}
