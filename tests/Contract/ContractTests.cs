using System.Net;
using System.Text.RegularExpressions;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.OpenApi;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Swagger;

namespace Alumni.Api.Tests.Contract;

/// <summary>
/// The published contract: openapi.yaml and the web app's generated client are what the code says, and every
/// operation is described the way integrators need it.
/// </summary>
public sealed partial class ContractTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    private const string Regenerate = "The contract is stale: run `make contract` and commit openapi.yaml and web/src/api/generated.ts.";

    private OpenApiDocument Document => api.Services.GetRequiredService<ISwaggerProvider>().GetSwagger(ContractDocumentation.DocumentName);

    private IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations =>
        Document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (p.Key, o.Key, o.Value)));

    [Fact]
    public async Task The_committed_openapi_yaml_is_what_the_api_describes()
    {
        var expected = await ContractWriter.YamlAsync(api.Services);
        var committed = (await File.ReadAllTextAsync(Repo.File("openapi.yaml"), TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");

        Assert.True(expected == committed, Regenerate);
    }

    [Fact]
    public async Task The_committed_web_client_is_what_nswag_generates_from_the_contract()
    {
        var generated = await File.ReadAllTextAsync(Repo.FreshlyGeneratedClient, TestContext.Current.CancellationToken);
        var committed = await File.ReadAllTextAsync(Repo.File("web", "src", "api", "generated.ts"), TestContext.Current.CancellationToken);

        Assert.True(generated.ReplaceLineEndings("\n") == committed.ReplaceLineEndings("\n"), Regenerate);
    }

    [Fact]
    public async Task The_running_api_serves_its_contract()
    {
        var response = await api.Client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("departments_list", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_contract_describes_every_endpoint_of_the_running_app()
    {
        var routes = api.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.OfType<FastEndpoints.EndpointDefinition>().Any())
            .SelectMany(e => e.Metadata.OfType<Microsoft.AspNetCore.Routing.HttpMethodMetadata>().Single().HttpMethods
                .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order()
            .ToList();
        var described = Operations.Select(o => $"{o.Method.Method} {o.Path}").Order().ToList();

        Assert.NotEmpty(routes);
        Assert.Equal(routes, described);
    }

    [Fact]
    public void Every_operation_has_a_stable_id_named_after_its_one_tag()
    {
        var ids = new HashSet<string>();
        foreach (var (path, method, operation) in Operations)
        {
            var where = $"{method} {path}";
            var tag = Assert.Single(operation.Tags ?? new HashSet<OpenApiTagReference>()).Name;
            Assert.False(string.IsNullOrEmpty(tag), where);
            Assert.Matches(OperationId(), operation.OperationId ?? "");
            Assert.StartsWith(tag.ToLowerInvariant() + "_", operation.OperationId!, StringComparison.Ordinal);
            Assert.True(ids.Add(operation.OperationId!), $"{where}: operation id {operation.OperationId} is used twice");
            Assert.False(string.IsNullOrWhiteSpace(operation.Summary), $"{where} has no summary");
        }
    }

    [Fact]
    public void Reads_have_no_body_and_every_route_parameter_is_a_typed_path_parameter()
    {
        foreach (var (path, method, operation) in Operations)
        {
            var where = $"{method} {path}";
            if (method == HttpMethod.Get || method == HttpMethod.Delete)
            {
                Assert.True(operation.RequestBody is null, $"{where} has a request body");
            }

            foreach (Match match in RouteParameter().Matches(path))
            {
                var name = match.Groups[1].Value;
                var parameter = operation.Parameters?.SingleOrDefault(p => p.Name == name && p.In == ParameterLocation.Path);
                Assert.True(parameter is not null, $"{where}: {{{name}}} is not a path parameter");
                Assert.True(parameter.Required, $"{where}: {{{name}}} is not required");
                Assert.True(parameter.Schema?.Type is not null, $"{where}: {{{name}}} has no type");
            }

            Assert.All(operation.Parameters ?? [], p => Assert.True(p.In != ParameterLocation.Path || path.Contains($"{{{p.Name}}}"), $"{where}: path parameter {p.Name} is not in the path"));
            if (operation.RequestBody?.Content is { } content)
            {
                Assert.NotEmpty(content.Keys);
                Assert.DoesNotContain("*/*", content.Keys);
                if (!content.ContainsKey("application/json"))
                {
                    continue;
                }

                var schema = content["application/json"].Schema;
                var properties = (schema is OpenApiSchemaReference r ? Document.Components!.Schemas![r.Reference.Id!] : schema)?.Properties?.Keys ?? [];
                Assert.All(RouteParameter().Matches(path), m => Assert.DoesNotContain(m.Groups[1].Value, properties));
            }
        }
    }

    [Fact]
    public void Every_operation_documents_its_success_and_its_problems()
    {
        foreach (var (path, method, operation) in Operations)
        {
            var where = $"{method} {path}";
            var responses = operation.Responses!;
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.True(success.Count is 1 or 2, $"{where} documents {success.Count} success responses");
            foreach (var (status, response) in success.Where(r => r.Key != "204"))
            {
                Assert.True(response.Content?.Values.Any(c => c.Schema is not null) == true, $"{where}: {status} has no schema");
            }

            Assert.True(responses.ContainsKey("500"), $"{where} does not document 500");
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.True(response.Content?.TryGetValue(Problems.MediaType, out var problem) == true
                    && problem.Schema is OpenApiSchemaReference { Reference.Id: "Problem" }, $"{where}: {status} is not a problem response");
            }

            if (operation.RequestBody is not null || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
            {
                Assert.True(responses.ContainsKey("400"), $"{where} takes input but does not document 400");
            }
        }
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("^[a-z]+_[a-z][A-Za-z]+$")]
    private static partial Regex OperationId();
}
