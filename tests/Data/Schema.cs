using Alumni.Api.Infrastructure.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Alumni.Api.Tests.Data;

/// <summary>What a column holds, as far as both dialects can say it.</summary>
public enum TypeFamily
{
    Text,
    Integer,
    Decimal,
    Boolean,
    DateTime,
    Guid,
    Binary,
}

/// <summary>A column as the migrations leave it: its declared type, the families that type can hold, and nullability.</summary>
public sealed record ColumnShape(string Name, string DeclaredType, IReadOnlySet<TypeFamily> Families, bool Nullable);

/// <summary>A table or view as the migrations leave it; a view's columns are not modelled.</summary>
public sealed record TableShape(string Name, string Kind, IReadOnlyDictionary<string, ColumnShape> Columns);

/// <summary>
/// The schema the SQL Server migrations build, read from their text with ScriptDom (no SQL Server runs here): tables
/// and their columns after every CREATE TABLE, ALTER TABLE ADD/DROP, DROP TABLE, CREATE/DROP VIEW in script order.
/// DDL that would change a column in a way this model does not follow (ALTER COLUMN, sp_rename) fails loudly, so the
/// model is never silently out of step with the scripts.
/// </summary>
public static class SqlServerSchema
{
    public static Dictionary<string, TableShape> FromMigrations() => From(Migrator.Scripts(DatabaseProvider.SqlServer));

    public static Dictionary<string, TableShape> From(IEnumerable<(string Name, string Text)> scripts)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, text) in scripts)
        {
            foreach (var statement in Parse(name, text).Batches.SelectMany(b => b.Statements))
            {
                Apply(name, tables, statement);
            }
        }

        return tables;
    }

    private static void Apply(string script, Dictionary<string, TableShape> tables, TSqlStatement statement)
    {
        switch (statement)
        {
            case CreateTableStatement create:
                var table = new TableShape(create.SchemaObjectName.BaseIdentifier.Value, "table", new Dictionary<string, ColumnShape>(StringComparer.OrdinalIgnoreCase));
                AddElements(script, table, create.Definition);
                tables.Add(table.Name, table);
                break;
            case AlterTableAddTableElementStatement add:
                AddElements(script, tables[add.SchemaObjectName.BaseIdentifier.Value], add.Definition);
                break;
            case AlterTableDropTableElementStatement drop:
                var columns = (Dictionary<string, ColumnShape>)tables[drop.SchemaObjectName.BaseIdentifier.Value].Columns;
                foreach (var element in drop.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
                {
                    columns.Remove(element.Name.Value);
                }

                break;
            case AlterTableAlterColumnStatement alter:
                throw new NotSupportedException($"{script}: ALTER COLUMN {alter.ColumnIdentifier.Value} — teach {nameof(SqlServerSchema)} what it changes.");
            case DropTableStatement drop:
                foreach (var dropped in drop.Objects)
                {
                    tables.Remove(dropped.BaseIdentifier.Value);
                }

                break;
            case ViewStatementBody view when view is not AlterViewStatement:
                tables[view.SchemaObjectName.BaseIdentifier.Value] = new TableShape(view.SchemaObjectName.BaseIdentifier.Value, "view", new Dictionary<string, ColumnShape>());
                break;
            case DropViewStatement drop:
                foreach (var dropped in drop.Objects)
                {
                    tables.Remove(dropped.BaseIdentifier.Value);
                }

                break;
            case ExecuteStatement execute when execute.ExecuteSpecification.ExecutableEntity is ExecutableProcedureReference
            {
                ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value: var procedure,
            } && procedure.Equals("sp_rename", StringComparison.OrdinalIgnoreCase):
                throw new NotSupportedException($"{script}: sp_rename — teach {nameof(SqlServerSchema)} what it renames.");
        }
    }

    private static void AddElements(string script, TableShape table, TableDefinition definition)
    {
        var columns = (Dictionary<string, ColumnShape>)table.Columns;
        foreach (var column in definition.ColumnDefinitions)
        {
            if (column.DataType is null)
            {
                throw new NotSupportedException($"{script}: {table.Name}.{column.ColumnIdentifier.Value} is computed — teach {nameof(SqlServerSchema)} its type.");
            }

            var primaryKey = column.Constraints.OfType<UniqueConstraintDefinition>().Any(c => c.IsPrimaryKey);
            var declared = column.Constraints.OfType<NullableConstraintDefinition>().SingleOrDefault();
            var type = column.DataType.Name.BaseIdentifier.Value.ToLowerInvariant();
            columns.Add(column.ColumnIdentifier.Value, new ColumnShape(column.ColumnIdentifier.Value, type, Families(type), !primaryKey && (declared?.Nullable ?? true)));
        }

        foreach (var key in definition.TableConstraints.OfType<UniqueConstraintDefinition>().Where(c => c.IsPrimaryKey))
        {
            foreach (var name in key.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value))
            {
                columns[name] = columns[name] with { Nullable = false };
            }
        }
    }

    /// <summary>The family of a SQL Server type; a type not listed fails, so a new one is classified on purpose.</summary>
    public static IReadOnlySet<TypeFamily> Families(string type) => new HashSet<TypeFamily>
    {
        type switch
        {
            "char" or "nchar" or "varchar" or "nvarchar" or "text" or "ntext" => TypeFamily.Text,
            "tinyint" or "smallint" or "int" or "bigint" => TypeFamily.Integer,
            "decimal" or "numeric" or "money" or "smallmoney" or "float" or "real" => TypeFamily.Decimal,
            "bit" => TypeFamily.Boolean,
            "date" or "time" or "datetime" or "datetime2" or "smalldatetime" or "datetimeoffset" => TypeFamily.DateTime,
            "uniqueidentifier" => TypeFamily.Guid,
            "binary" or "varbinary" or "image" or "rowversion" or "timestamp" => TypeFamily.Binary,
            _ => throw new NotSupportedException($"SQL Server type {type} has no family here: add it to {nameof(SqlServerSchema)}.{nameof(Families)}."),
        },
    };

    internal static TSqlScript Parse(string name, string text)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        var script = (TSqlScript)parser.Parse(reader, out var errors);
        return errors.Count == 0
            ? script
            : throw new InvalidOperationException($"{name} does not parse as T-SQL: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }
}

/// <summary>
/// The schema of a SQLite database, read back from SQLite itself (<c>pragma_table_list</c>, <c>pragma_table_info</c>):
/// tables, views and virtual tables, without SQLite's own tables and the shadow tables of a full-text index.
/// A column's families are those its declared type's affinity stores in this application: TEXT holds text, GUIDs and
/// instants (see <c>TypeHandlers</c>), INTEGER holds integers and booleans, REAL holds decimals, BLOB bytes.
/// </summary>
public static class SqliteSchema
{
    public static async Task<Dictionary<string, TableShape>> ReadAsync(SqliteConnection connection)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.OrdinalIgnoreCase);
        var listed = await connection.QueryAsync<(string Name, string Type)>(
            "SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'view', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
        foreach (var (name, type) in listed)
        {
            var columns = (await connection.QueryAsync<(string Name, string Type, long NotNull, long Pk)>(
                    "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@Name)", new { Name = name }))
                .ToDictionary(
                    c => c.Name,
                    c => new ColumnShape(c.Name, c.Type.ToUpperInvariant(), Families(c.Type), c.NotNull == 0 && !IsIntegerPrimaryKey(c.Type, c.Pk)),
                    StringComparer.OrdinalIgnoreCase);
            tables.Add(name, new TableShape(name, type, columns));
        }

        return tables;
    }

    /// <summary>The families a declared SQLite type holds, by SQLite's affinity rules (datatype3.html, section 3.1).</summary>
    public static IReadOnlySet<TypeFamily> Families(string declared)
    {
        var type = declared.ToUpperInvariant();
        TypeFamily[] families =
            type.Contains("INT", StringComparison.Ordinal) ? [TypeFamily.Integer, TypeFamily.Boolean]
            : type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal) ? [TypeFamily.Text, TypeFamily.Guid, TypeFamily.DateTime]
            : type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal) ? [TypeFamily.Binary]
            : type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal) ? [TypeFamily.Decimal]
            : [TypeFamily.Decimal, TypeFamily.Integer, TypeFamily.Boolean];
        return families.ToHashSet();
    }

    /// <summary>An INTEGER PRIMARY KEY is the rowid: never null, whether declared so or not.</summary>
    private static bool IsIntegerPrimaryKey(string type, long pk) => pk == 1 && type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A SQLite file of its own in the temporary folder, built by the real migrations; deleted on dispose.</summary>
public sealed class MigratedSqlite : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "alumni-tests", Guid.NewGuid().ToString("N"));

    private MigratedSqlite()
    {
        Directory.CreateDirectory(folder);
        Database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "schema.db")}" });
    }

    public Database Database { get; }

    public static async Task<MigratedSqlite> CreateAsync(CancellationToken ct)
    {
        var db = new MigratedSqlite();
        await new Migrator(db.Database, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        return db;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(Database.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public ValueTask DisposeAsync()
    {
        using (var connection = new SqliteConnection(Database.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalising connection: the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
