using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.ApiKeys;

/// <summary>The scopes an API key can be given, each with the operations it opens (read from the endpoints' rules).</summary>
[Access(Caller.Admin)]
public sealed class ListScopes(EndpointDataSource endpoints) : EndpointWithoutRequest<IReadOnlyList<ScopeResponse>>
{
    public override void Configure()
    {
        Get("/admin/api-keys/scopes");
        Description(b => b
            .WithName("identity_listScopes")
            .WithSummary("List API key scopes")
            .WithDescription("Every scope, with the operation ids it lets a key call."));
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync(endpoints.Endpoints
            .Select(e => (Rule: e.Metadata.GetMetadata<AccessAttribute>(), Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName))
            .Where(x => x.Rule?.Scope is not null && x.Name is not null)
            .GroupBy(x => x.Rule!.Scope!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScopeResponse { Name = g.Key, Operations = g.Select(x => x.Name!).Distinct().Order(StringComparer.Ordinal).ToList() })
            .ToList(), ct);
}
