using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Dapper;
using FluentValidation;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>
/// The conditions a request sets, and only those: each condition is a fixed text of the use case, and a request chooses
/// which of them apply, never what they say. A filter written as <c>(@X IS NULL OR ...)</c> could use no index; a
/// statement holding only the conditions asked for can. A condition may differ between the dialects.
/// </summary>
public sealed class SqlConditions
{
    private readonly List<string> sqlite = [];
    private readonly List<string> sqlServer = [];

    /// <summary>The arguments of the conditions (and whatever else the statement needs).</summary>
    public DynamicParameters Arguments { get; } = new();

    /// <summary>A condition that always applies.</summary>
    public SqlConditions Add(string condition) => Add(condition, condition);

    /// <summary>A condition whose text differs between the dialects (an empty text: that dialect needs none).</summary>
    public SqlConditions Add(string sqliteCondition, string sqlServerCondition)
    {
        if (sqliteCondition.Length > 0)
        {
            sqlite.Add(sqliteCondition);
        }

        if (sqlServerCondition.Length > 0)
        {
            sqlServer.Add(sqlServerCondition);
        }

        return this;
    }

    /// <summary>A condition with one argument, applied only when the request sets it (not null, not blank text).</summary>
    public SqlConditions Add(string condition, string name, object? value)
    {
        if (value is null || value is string text && string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        Arguments.Add(name, value);
        return Add(condition);
    }

    /// <summary>True when a condition with this exact text applies in SQLite.</summary>
    public bool HasSqlite(string condition) => sqlite.Contains(condition);

    /// <summary>The conditions of a dialect joined with AND (empty when nothing applies), for a subquery of its own.</summary>
    public string Conjunction(DatabaseProvider provider) => string.Join(" AND ", provider == DatabaseProvider.Sqlite ? sqlite : sqlServer);

    /// <summary>The WHERE clause of a dialect (empty when nothing applies).</summary>
    public string Where(DatabaseProvider provider) => Where(provider == DatabaseProvider.Sqlite ? sqlite : sqlServer);

    /// <summary>SQLite's WHERE clause with one condition put in place of another.</summary>
    public string SqliteWhereWith(string condition, string instead) => Where(sqlite.Select(c => c == condition ? instead : c));

    private static string Where(IEnumerable<string> conditions)
    {
        var list = conditions.ToList();
        return list.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", list);
    }
}

/// <summary>
/// One page of a list, the one way: a count capped at <see cref="CountLimit"/> (one more is counted to tell "exactly" from
/// "at least"), and the page in each dialect, from a SELECT list, a FROM, the request's conditions and an ORDER BY that
/// ends in a unique column. The offset is computed in 64 bits, so no page number can wrap around.
/// </summary>
public sealed class PagedQuery(string select, string from, SqlConditions where, string orderBy)
{
    /// <summary>A total is counted exactly up to this many matches; beyond it a page says "at least this many".</summary>
    public const int CountLimit = 1000;

    /// <summary>The conditions, and the statement's arguments.</summary>
    public SqlConditions Conditions => where;

    /// <summary>The matches counted up to one more than <see cref="CountLimit"/>.</summary>
    public Sql Count => Sql.Dialects(
        $"""
        SELECT COUNT(*) FROM (SELECT 1 AS one FROM {from}
        {where.Where(DatabaseProvider.Sqlite)}
        LIMIT @CountLimit) c
        """,
        $"""
        SELECT COUNT(*) FROM (SELECT TOP (@CountLimit) 1 AS one FROM {from}
        {where.Where(DatabaseProvider.SqlServer)}) c
        """);

    /// <summary>The rows of one page.</summary>
    public Sql Rows => Sql.Dialects(
        $"""
        {select}
        FROM {from}
        {where.Where(DatabaseProvider.Sqlite)}
        ORDER BY {orderBy}
        LIMIT @Take OFFSET @Skip
        """,
        $"""
        {select}
        FROM {from}
        {where.Where(DatabaseProvider.SqlServer)}
        ORDER BY {orderBy}
        OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
        """);

    /// <summary>Counts and reads the page a request asks for.</summary>
    public async Task<Paged<T>> ReadAsync<T>(DbSession session, IPageRequest request, CancellationToken ct)
    {
        Paging.AddArguments(where.Arguments, request);
        var counted = await session.ExecuteScalarAsync<long>(Count, where.Arguments, ct);
        var rows = await session.QueryAsync<T>(Rows, where.Arguments, ct);
        return Paging.Page(rows, counted, request);
    }
}

/// <summary>Paging arguments, results and rules shared by every paged list.</summary>
public static class Paging
{
    /// <summary>The most items one page holds.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Adds <c>@Skip</c>, <c>@Take</c> and <c>@CountLimit</c> for a request (the offset in 64 bits).</summary>
    public static void AddArguments(DynamicParameters arguments, IPageRequest request)
    {
        arguments.Add("Skip", Skip(request));
        arguments.Add("Take", request.PageSize);
        arguments.Add("CountLimit", PagedQuery.CountLimit + 1);
    }

    /// <summary>The rows before the requested page, without overflow.</summary>
    public static long Skip(IPageRequest request) => ((long)request.Page - 1) * request.PageSize;

    /// <summary>The page of rows, with the count capped at <see cref="PagedQuery.CountLimit"/>.</summary>
    public static Paged<T> Page<T>(IReadOnlyList<T> rows, long counted, IPageRequest request) => new()
    {
        Items = rows,
        Page = request.Page,
        PageSize = request.PageSize,
        Total = (int)Math.Min(counted, PagedQuery.CountLimit),
        TotalExact = counted <= PagedQuery.CountLimit,
    };

    /// <summary>The rules of a page request: a page from 1, 1–200 items per page.</summary>
    public static void ValidatePage<T>(this AbstractValidator<T> validator) where T : IPageRequest
    {
        validator.RuleFor(r => r.Page).GreaterThanOrEqualTo(1)
            .WithMessage(_ => Texts.Get("common.pagesAreNumberedFrom1"));
        validator.RuleFor(r => r.PageSize).InclusiveBetween(1, MaxPageSize)
            .WithMessage(_ => Texts.Get("common.from1ToPerPage", MaxPageSize));
    }
}
