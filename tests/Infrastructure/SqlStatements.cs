using System.Reflection;
using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>Every SQL statement the API declares (its <c>static readonly Sql</c> fields), by declaring type and name.</summary>
public static class SqlStatements
{
    public static IReadOnlyDictionary<string, (FieldInfo Field, Sql Sql)> All { get; } =
        typeof(Sql).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(Sql))
            .ToDictionary(f => $"{f.DeclaringType!.FullName}.{f.Name}", f => (f, (Sql)f.GetValue(null)!));
}
