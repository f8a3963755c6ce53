using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace Alumni.Api.Infrastructure.OpenApi;

/// <summary>Writes the published contract (<c>openapi.yaml</c>): OpenAPI 3.0, which the client generator reads.</summary>
public static class ContractWriter
{
    public const OpenApiSpecVersion Version = OpenApiSpecVersion.OpenApi3_0;

    public static async Task<string> YamlAsync(IServiceProvider services)
    {
        var document = services.GetRequiredService<ISwaggerProvider>().GetSwagger(ContractDocumentation.DocumentName);
        var yaml = await document.SerializeAsYamlAsync(Version);
        return yaml.ReplaceLineEndings("\n").TrimEnd() + "\n";
    }
}
