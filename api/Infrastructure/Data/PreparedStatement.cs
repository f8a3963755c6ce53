using System.Data.Common;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>
/// One statement run many times in a session (bulk work): its command is made once, its parameters are bound by
/// position on each run (<see cref="DbSession.PrepareAsync"/> names them), and on SQLite it is compiled once instead of on
/// every run. Values go as the type handlers write them (ids as text, instants as ISO text on SQLite; enums by name).
/// </summary>
public sealed class PreparedStatement : IAsyncDisposable
{
    private readonly DbCommand command;
    private readonly DatabaseProvider provider;

    internal PreparedStatement(DbCommand command, DatabaseProvider provider)
    {
        this.command = command;
        this.provider = provider;
    }

    /// <summary>Runs the statement with these values, in the order of the parameter names; the rows changed.</summary>
    public Task<int> ExecuteAsync(CancellationToken ct, params object?[] values)
    {
        Bind(values);
        return command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();

    private void Bind(object?[] values)
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
