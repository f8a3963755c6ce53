using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.ApiKeys;

/// <summary>
/// The scopes an API key can be given, each with its name and what it allows in the request's language, its area (the
/// part before the colon) and the operations it opens (read from the endpoints' rules).
/// </summary>
[Access(Caller.Admin)]
public sealed class ListScopes(EndpointDataSource endpoints) : EndpointWithoutRequest<IReadOnlyList<ScopeResponse>>
{
    public override void Configure()
    {
        Get("/admin/api-keys/scopes");
        Description(b => b
            .WithName("identity_listScopes")
            .WithSummary("List API key scopes")
            .WithDescription("Every scope, with its label, description and area in the request's language (Accept-Language), and the operation ids it lets a key call."));
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync(endpoints.Endpoints
            .Select(e => (Rule: e.Metadata.GetMetadata<AccessAttribute>(), Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName))
            .Where(x => x.Rule?.Scope is not null && x.Name is not null)
            .GroupBy(x => x.Rule!.Scope!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Describe(g.Key) with { Operations = g.Select(x => x.Name!).Distinct().Order(StringComparer.Ordinal).ToList() })
            .ToList(), ct);

    /// <summary>A scope with its texts; a scope without them is the scope's own name (a test fails for it).</summary>
    internal static ScopeResponse Describe(string scope)
    {
        var (label, description) = scope switch
        {
            ApiScopes.AuditRead => (Texts.Get("identity.scopeAuditRead"), Texts.Get("identity.scopeAuditReadDescription")),
            ApiScopes.EventsRead => (Texts.Get("identity.scopeEventsRead"), Texts.Get("identity.scopeEventsReadDescription")),
            ApiScopes.EventsWrite => (Texts.Get("identity.scopeEventsWrite"), Texts.Get("identity.scopeEventsWriteDescription")),
            ApiScopes.MailBounces => (Texts.Get("identity.scopeMailBounces"), Texts.Get("identity.scopeMailBouncesDescription")),
            ApiScopes.NewslettersRead => (Texts.Get("identity.scopeNewslettersRead"), Texts.Get("identity.scopeNewslettersReadDescription")),
            ApiScopes.NewslettersWrite => (Texts.Get("identity.scopeNewslettersWrite"), Texts.Get("identity.scopeNewslettersWriteDescription")),
            ApiScopes.NetworkRead => (Texts.Get("identity.scopeNetworkRead"), Texts.Get("identity.scopeNetworkReadDescription")),
            ApiScopes.NetworkWrite => (Texts.Get("identity.scopeNetworkWrite"), Texts.Get("identity.scopeNetworkWriteDescription")),
            ApiScopes.DepartmentsWrite => (Texts.Get("identity.scopeDepartmentsWrite"), Texts.Get("identity.scopeDepartmentsWriteDescription")),
            ApiScopes.MembersImport => (Texts.Get("identity.scopeMembersImport"), Texts.Get("identity.scopeMembersImportDescription")),
            ApiScopes.MembersRead => (Texts.Get("identity.scopeMembersRead"), Texts.Get("identity.scopeMembersReadDescription")),
            ApiScopes.MembersWrite => (Texts.Get("identity.scopeMembersWrite"), Texts.Get("identity.scopeMembersWriteDescription")),
            _ => (null, null),
        };
        var area = scope.Split(':')[0];
        var areaLabel = area switch
        {
            "audit" => Texts.Get("identity.scopeAreaAudit"),
            "departments" => Texts.Get("identity.scopeAreaDepartments"),
            "events" => Texts.Get("identity.scopeAreaEvents"),
            "mail" => Texts.Get("identity.scopeAreaMail"),
            "members" => Texts.Get("identity.scopeAreaMembers"),
            "network" => Texts.Get("identity.scopeAreaNetwork"),
            "newsletters" => Texts.Get("identity.scopeAreaNewsletters"),
            _ => null,
        };
        return new ScopeResponse
        {
            Name = scope,
            Label = label ?? scope,
            Description = description ?? "",
            Area = area,
            AreaLabel = areaLabel ?? area,
        };
    }

    /// <summary>True when a scope has a label, a description and an area name of its own.</summary>
    internal static bool IsDescribed(string scope)
    {
        var described = Describe(scope);
        return described.Label != scope && described.Description.Length > 0 && described.AreaLabel != described.Area;
    }
}
