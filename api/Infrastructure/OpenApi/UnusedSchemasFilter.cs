using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Alumni.Api.Infrastructure.OpenApi;

/// <summary>
/// Drops component schemas that no operation reaches (such as a request DTO that is bound wholly from the route),
/// so the contract and the generated client hold only types that are used.
/// </summary>
public sealed partial class UnusedSchemasFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null || swaggerDoc.Paths is null)
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(References(swaggerDoc.Paths));
        while (pending.TryDequeue(out var id))
        {
            if (reached.Add(id) && schemas.TryGetValue(id, out var schema))
            {
                foreach (var next in References(schema))
                {
                    pending.Enqueue(next);
                }
            }
        }

        foreach (var id in schemas.Keys.Where(k => !reached.Contains(k)).ToList())
        {
            schemas.Remove(id);
        }
    }

    private static IEnumerable<string> References(IOpenApiSerializable element)
    {
        using var text = new StringWriter();
        element.SerializeAsV3(new OpenApiJsonWriter(text));
        return SchemaReference().Matches(text.ToString()).Select(m => m.Groups["id"].Value).ToList();
    }

    [GeneratedRegex("\"\\$ref\": \"#/components/schemas/(?<id>[^\"]+)\"")]
    private static partial Regex SchemaReference();
}
