using System.Collections;
using System.Reflection;
using Alumni.Api.Infrastructure.Data;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>
/// Every SQL statement the API declares, by declaring type and name: its static <see cref="Sql"/> fields and
/// properties, and each <see cref="Sql"/> held in a static collection (<c>Sql[]</c>, a list, a dictionary's values),
/// named <c>Type.Field[index]</c> or <c>Type.Field[key]</c>. Statements a method composes at run time
/// (<c>MemberSearch</c>) are not here; <see cref="RunTimeComposers"/> names them and where their shapes are tested.
/// </summary>
public static class SqlStatements
{
    /// <summary>The source files whose <see cref="Sql"/> values are built by a method at run time, how many such calls each holds, and which test covers them.</summary>
    public static IReadOnlyDictionary<string, (int Calls, string CoveredBy)> RunTimeComposers { get; } = new Dictionary<string, (int, string)>
    {
        ["api/Features/Members/Staff/MemberSearch.cs"] = (2, "MemberSearchSqlTests (Count and Statement, every filter shape)"),
        ["api/Features/Members/Staff/ExportMembers.cs"] = (1, "MemberSearchSqlTests (ExportMembers.Rows, every filter shape)"),
        ["api/Infrastructure/Data/Paging.cs"] = (2, "PagedListTests (PagedQuery.Count and Rows of the audit log, the directory, the imports, the occasions, my event registrations, an event's registrations and the newsletter bounces, with no filter and with every filter)"),
    };

    public static IReadOnlyDictionary<string, (MemberInfo Field, Sql Sql)> All { get; } = Find();

    private static Dictionary<string, (MemberInfo Field, Sql Sql)> Find()
    {
        var found = new Dictionary<string, (MemberInfo Field, Sql Sql)>(StringComparer.Ordinal);
        const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var type in typeof(Sql).Assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
        {
            var values = type.GetFields(statics).Select(f => ((MemberInfo)f, f.FieldType, (Func<object?>)(() => f.GetValue(null))))
                .Concat(type.GetProperties(statics).Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
                    .Select(p => ((MemberInfo)p, p.PropertyType, (Func<object?>)(() => p.GetValue(null)))));
            foreach (var (member, memberType, read) in values)
            {
                var name = $"{type.FullName}.{member.Name}";
                if (memberType == typeof(Sql))
                {
                    found.Add(name, (member, (Sql)read()!));
                }
                else if (memberType != typeof(string) && memberType.IsAssignableTo(typeof(IEnumerable)) && HoldsSql(memberType) && read() is IEnumerable items)
                {
                    var index = 0;
                    foreach (var item in items)
                    {
                        switch (item)
                        {
                            case Sql sql:
                                found.Add($"{name}[{index}]", (member, sql));
                                break;
                            case not null when item.GetType() is { IsGenericType: true } pair && pair.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
                                && pair.GetProperty("Value")!.GetValue(item) is Sql value:
                                found.Add($"{name}[{pair.GetProperty("Key")!.GetValue(item)}]", (member, value));
                                break;
                        }

                        index++;
                    }
                }
            }
        }

        return found;
    }

    /// <summary>A collection type whose elements are, or whose dictionary values are, <see cref="Sql"/>.</summary>
    private static bool HoldsSql(Type type) =>
        type.GetInterfaces().Append(type)
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .Any(e => e == typeof(Sql) || (e.IsGenericType && e.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) && e.GetGenericArguments()[1] == typeof(Sql)));
}
