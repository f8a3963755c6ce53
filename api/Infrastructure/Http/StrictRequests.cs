using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Problems;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Metadata;

namespace Alumni.Api.Infrastructure.Http;

/// <summary>
/// Request binding as strict as the contract (<c>additionalProperties: false</c>, its <c>required</c> lists): before an
/// endpoint binds its request, an unknown field (in the body or the query), a missing required field, <c>null</c> for a
/// list or any other field that cannot be null, and text with control characters or bidirectional overrides are answered
/// with one 400 problem naming every such field (<c>affiliations[1].credits</c>), and nothing runs. A field the route
/// binds may stand in the body too (the route's value wins), since the contract's request records carry it.
/// The request records in <c>contracts/</c> are the rule: their properties, <c>[Required]</c> and nullability.
/// </summary>
public static class StrictRequests
{
    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();
    private static readonly NullabilityInfoContext Nullability = new();

    public static IApplicationBuilder UseStrictRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var definition = context.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>();
        if (definition is not null && string.IsNullOrEmpty(context.Request.ContentType)
            && (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method))
            && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { IsOptional: false } accepts
            && accepts.ContentTypes.Where(t => t != "*/*").ToList() is { Count: > 0 } types)
        {
            // Routing lets a request without a Content-Type through to an endpoint that accepts a body; FastEndpoints then
            // answers 415 with an empty body. Answer it here, as a problem like every other 415.
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, Texts.Get("common.sendTheBodyAs", string.Join(", ", types)));
        }

        if (definition is null || definition.ReqDtoType == typeof(EmptyRequest) && !context.Request.Query.Any())
        {
            await next(context);
            return;
        }

        var routeNames = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            ?? [];
        var shape = ShapeOf(definition.ReqDtoType);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in context.Request.Query)
        {
            if (routeNames.Contains(key) || shape.Properties?.ContainsKey(key) != true)
            {
                Add(errors, key, Texts.Get("common.thisOperationHasNoSuch"));
                continue;
            }

            foreach (var value in values)
            {
                CheckText(errors, key, value ?? "", singleLine: true);
            }
        }

        if (IsJson(context.Request) && shape.Properties is not null)
        {
            context.Request.EnableBuffering();
            JsonDocument? document = null;
            try
            {
                document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            }
            catch (JsonException)
            {
                // Not JSON: the endpoint's own binding answers with the malformed-request problem.
            }

            context.Request.Body.Position = 0;
            if (document is not null)
            {
                using (document)
                {
                    CheckObject(errors, "", document.RootElement, shape, routeNames);
                }
            }
        }

        if (errors.Count > 0)
        {
            await Problems.WriteAsync(context, Problems.Create(context, StatusCodes.Status400BadRequest,
                "One or more fields are invalid; see errors.", ProblemTypes.ValidationFailed, "Validation failed",
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal)));
            return;
        }

        await next(context);
    });

    /// <summary>Control characters (a tab, and line breaks in text that may hold them, aside) and bidirectional overrides.</summary>
    public static bool HasForbiddenCharacters(string text, bool singleLine) =>
        text.Any(c => TextRules.IsForbidden(c, singleLine));

    private static void CheckObject(Dictionary<string, List<string>> errors, string path, JsonElement element, Shape shape, ISet<string>? skip)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            // A wrong kind of value is the binding's to report (it names the field and the expected type).
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            var field = Join(path, property.Name);
            if (skip?.Contains(property.Name) == true)
            {
                // A field the route binds (the contract's records carry it): the route's value is the one used.
                continue;
            }

            if (!shape.Properties!.TryGetValue(property.Name, out var member))
            {
                Add(errors, field, Texts.Get("common.thisFieldIsNotPart"));
                continue;
            }

            seen.Add(property.Name);
            CheckValue(errors, field, property.Value, member);
        }

        foreach (var (name, member) in shape.Properties!)
        {
            if (member.Required && !seen.Contains(name) && skip?.Contains(name) != true)
            {
                Add(errors, Join(path, member.JsonName), Texts.Get("common.thisFieldIsRequired"));
            }
        }
    }

    private static void CheckValue(Dictionary<string, List<string>> errors, string field, JsonElement value, Member member)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null when !member.Nullable:
                Add(errors, field, member.Shape.Element is not null
                    ? Texts.Get("common.sendAListItMay")
                    : Texts.Get("common.thisFieldCannotBeNull"));
                break;
            case JsonValueKind.String:
                CheckText(errors, field, value.GetString()!, member.SingleLine);
                break;
            case JsonValueKind.Object when member.Shape.Properties is not null:
                CheckObject(errors, field, value, member.Shape, null);
                break;
            case JsonValueKind.Array when member.Shape.Element is { } element:
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckValue(errors, $"{field}[{i++}]", item, element);
                }

                break;
        }
    }

    private static void CheckText(Dictionary<string, List<string>> errors, string field, string text, bool singleLine)
    {
        if (HasForbiddenCharacters(text, singleLine))
        {
            Add(errors, field, singleLine
                ? Texts.Get("common.removeControlCharactersLineBreaks")
                : Texts.Get("common.removeControlCharactersAndText"));
        }
    }

    private static bool IsJson(HttpRequest request) =>
        request.ContentLength != 0 && request.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static string Join(string path, string name) =>
        (path.Length == 0 ? "" : path + ".") + JsonNamingPolicy.CamelCase.ConvertName(name);

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    private static Shape ShapeOf(Type type) => Shapes.GetOrAdd(type, Build);

    private static Shape Build(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeSpan))
        {
            return Shape.Scalar;
        }

        if (type.IsArray || (type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            var itemNullable = Nullable.GetUnderlyingType(item) is not null;
            return new Shape(null, new Member(item.Name, false, itemNullable, SingleLineOf(null), ShapeOf(item)));
        }

        if (!type.IsClass || type == typeof(object))
        {
            return Shape.Scalar;
        }

        var properties = new Dictionary<string, Member>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            var nullable = !p.PropertyType.IsValueType
                ? Nullability.Create(p).WriteState != NullabilityState.NotNull
                : Nullable.GetUnderlyingType(p.PropertyType) is not null;
            properties[name] = new Member(name, p.GetCustomAttribute<RequiredAttribute>() is not null, nullable, SingleLineOf(p), ShapeOf(p.PropertyType));
        }

        return new Shape(properties, null);
    }

    /// <summary>Text may hold line breaks only where the contract says it is multi-line (<see cref="Contracts.MultiLineAttribute"/>).</summary>
    private static bool SingleLineOf(PropertyInfo? property) => property?.GetCustomAttribute<Contracts.MultiLineAttribute>() is null;

    private sealed record Shape(Dictionary<string, Member>? Properties, Member? Element)
    {
        public static readonly Shape Scalar = new(null, null);
    }

    private sealed record Member(string JsonName, bool Required, bool Nullable, bool SingleLine, Shape Shape);
}
