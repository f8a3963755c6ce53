using Microsoft.OpenApi;

namespace Alumni.Api.Infrastructure.OpenApi;

/// <summary>The OpenAPI description of the API (Swashbuckle), served at /openapi/v1.json and .yaml.</summary>
public static class ContractDocumentation
{
    public const string DocumentName = "v1";
    public const string SessionScheme = "session";
    public const string CsrfScheme = "csrf";
    public const string ApiKeyScheme = "apiKey";

    public static IServiceCollection AddContractDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Alumni API",
                Version = "1",
                Description = "The alumni-relations platform of the university. "
                    + "Every error is an RFC 9457 problem (application/problem+json) with a stable type URI (urn:alumni:problem:...), "
                    + "a title, a traceId, and for validation an errors map keyed by field.",
            });
            o.AddServer(new OpenApiServer { Url = "http://127.0.0.1:5080", Description = "Local development (make run). Every deployment serves the same paths, all under /api, at its own address." });
            o.TagActionsBy(api => [SliceOf(api)]);
            o.OrderActionsBy(api => $"{api.RelativePath} {api.HttpMethod}");
            o.OperationFilter<FastEndpointsOperationFilter>();
            o.DocumentFilter<UnusedSchemasFilter>();
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
            foreach (var assembly in new[] { typeof(ContractDocumentation).Assembly, typeof(Contracts.Problems.Problem).Assembly })
            {
                var xml = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
                if (File.Exists(xml))
                {
                    o.IncludeXmlComments(xml);
                }
            }
        });
        return services;
    }

    /// <summary>One tag per slice: the folder under Features/ the endpoint lives in.</summary>
    private static string SliceOf(Microsoft.AspNetCore.Mvc.ApiExplorer.ApiDescription api)
    {
        var type = api.ActionDescriptor.EndpointMetadata.OfType<FastEndpoints.EndpointDefinition>().FirstOrDefault()?.EndpointType;
        var parts = type?.Namespace?.Split('.') ?? [];
        var features = Array.IndexOf(parts, "Features");
        return features >= 0 && features + 1 < parts.Length ? parts[features + 1] : "Alumni";
    }

    public static WebApplication UseContractDocumentation(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.{extension:regex(^(json|yaml)$)}");
        return app;
    }
}
