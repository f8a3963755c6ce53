using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Problems;
using FastEndpoints;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Alumni.Api.Infrastructure.OpenApi;

/// <summary>
/// Teaches Swashbuckle how FastEndpoints binds a request. Out of the box every operation gets the whole request
/// DTO as a body (a GET too) and no parameters. From the <see cref="EndpointDefinition"/> in the endpoint metadata this
/// filter describes each <c>{param}</c> of the route as a typed path parameter, the rest of a GET/DELETE request as
/// query parameters, and for POST/PUT/PATCH a JSON body without the route-bound fields (none when nothing is left);
/// adds the If-Match header where the endpoint declares it; and the problem responses every operation can give.
/// </summary>
public sealed partial class FastEndpointsOperationFilter : IOperationFilter
{
    private static readonly HashSet<string> BodylessVerbs = new(StringComparer.OrdinalIgnoreCase) { "GET", "DELETE", "HEAD", "OPTIONS" };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var definition = metadata.OfType<EndpointDefinition>().FirstOrDefault();
        if (definition is null)
        {
            return;
        }

        var requestType = definition.ReqDtoType;
        var properties = requestType == typeof(EmptyRequest)
            ? []
            : requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        var routeNames = RouteParameter().Matches(context.ApiDescription.RelativePath ?? "")
            .Select(m => m.Groups["name"].Value)
            .ToList();
        operation.Parameters ??= [];

        foreach (var name in routeNames)
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = context.SchemaGenerator.GenerateSchema(property?.PropertyType ?? typeof(string), context.SchemaRepository),
            });
        }

        var rest = properties.Where(p => !routeNames.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var hasBody = false;
        var content = (operation.RequestBody as OpenApiRequestBody)?.Content;
        if (content is not null && content.Count > 1)
        {
            content.Remove("*/*");
        }

        var jsonBody = content?.ContainsKey("application/json") == true;
        if (BodylessVerbs.Contains(context.ApiDescription.HttpMethod ?? "GET") || !jsonBody)
        {
            // A read, or a body that is a file (CSV, NDJSON): the request DTO's fields come from the query string.
            if (BodylessVerbs.Contains(context.ApiDescription.HttpMethod ?? "GET") || content is null || content.Keys.All(k => k == "*/*"))
            {
                operation.RequestBody = null;
            }
            else
            {
                hasBody = true;
            }

            foreach (var property in rest)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                    In = ParameterLocation.Query,
                    Required = property.GetCustomAttribute<RequiredAttribute>() is not null,
                    Schema = context.SchemaGenerator.GenerateSchema(property.PropertyType, context.SchemaRepository),
                });
            }
        }
        else if (rest.Count == 0)
        {
            operation.RequestBody = null;
        }
        else
        {
            hasBody = true;
            foreach (var mediaType in content!.Keys.Where(k => k != "application/json").ToList())
            {
                content.Remove(mediaType);
            }

            if (content["application/json"].Schema is OpenApiSchemaReference reference
                && reference.Reference.Id is { } id && context.SchemaRepository.Schemas.TryGetValue(id, out var schema) && schema is OpenApiSchema target)
            {
                foreach (var name in routeNames)
                {
                    var jsonName = JsonNamingPolicy.CamelCase.ConvertName(name);
                    target.Properties?.Remove(jsonName);
                    target.Required?.Remove(jsonName);
                }
            }
        }

        if (hasBody && content is not null && content.TryGetValue("multipart/form-data", out var formType) && formType is OpenApiMediaType form
            && form.Schema is OpenApiSchemaReference { Reference.Id: { } formId } && context.SchemaRepository.Schemas.TryGetValue(formId, out var formSchema))
        {
            // A form's fields inline: the generated TypeScript client declares its file type (FileParameter) only for
            // a file field it finds in the operation itself, not behind a reference.
            form.Schema = formSchema;
        }

        if (metadata.OfType<RequiresIfMatch>().Any() || metadata.OfType<AcceptsIfMatch>().Any())
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = metadata.OfType<RequiresIfMatch>().Any(),
                Description = "The ETag of the version this change is based on.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        if (operation.Parameters.Count == 0)
        {
            operation.Parameters = null;
        }

        DescribeSecurity(operation, context, metadata.OfType<AccessAttribute>().FirstOrDefault());
        AddProblem(operation, context, StatusCodes.Status500InternalServerError);
        if (hasBody || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
        {
            AddProblem(operation, context, StatusCodes.Status400BadRequest);
        }

        if (hasBody)
        {
            AddProblem(operation, context, StatusCodes.Status413PayloadTooLarge);
            AddProblem(operation, context, StatusCodes.Status415UnsupportedMediaType);
        }

        SortResponses(operation);
    }

    /// <summary>
    /// Who may call the operation: a session cookie (with the anti-forgery header on unsafe methods) and/or an API key
    /// with the rule's scope; nothing for anonymous operations. Protected ones can answer 401 and 403.
    /// </summary>
    private static void DescribeSecurity(OpenApiOperation operation, OperationFilterContext context, AccessAttribute? rule)
    {
        if (rule is null || rule.Caller == Caller.Anonymous)
        {
            return;
        }

        var document = context.Document;
        var session = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ContractDocumentation.SessionScheme, document)] = [] };
        if (!BodylessVerbs.Contains(context.ApiDescription.HttpMethod ?? "GET"))
        {
            session[new OpenApiSecuritySchemeReference(ContractDocumentation.CsrfScheme, document)] = [];
        }

        operation.Security = [session];
        if (rule.Scope is { } scope)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ContractDocumentation.ApiKeyScheme, document)] = [scope] });
        }

        operation.Description = (operation.Description is null ? "" : operation.Description + "\n\n") + $"Access: {Describe(rule)}.";
        AddProblem(operation, context, StatusCodes.Status401Unauthorized);
        AddProblem(operation, context, StatusCodes.Status403Forbidden);
    }

    private static string Describe(AccessAttribute rule) => rule.Caller switch
    {
        Caller.SignedIn => rule.Claim is null ? "any signed-in person" : $"signed-in {rule.ClaimHolders ?? "persons with " + rule.Claim}",
        Caller.Staff => "staff (admins; coordinators for their departments)" + (rule.Scope is null ? "" : $", or an API key with {rule.Scope}"),
        Caller.Admin => "admins" + (rule.Scope is null ? "" : $", or an API key with {rule.Scope}"),
        _ => "anyone",
    };

    private static void SortResponses(OpenApiOperation operation)
    {
        var sorted = operation.Responses!.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses!.Clear();
        foreach (var (key, response) in sorted)
        {
            operation.Responses.Add(key, response);
        }
    }

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, int status)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var declared) && declared.Content is { Count: > 0 })
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [Problems.MediaType] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(typeof(Problem), context.SchemaRepository) },
            },
        };
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
