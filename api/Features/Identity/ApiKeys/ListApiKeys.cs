using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.ApiKeys;

/// <summary>Every API key, newest first, revoked and expired ones included.</summary>
[Access(Caller.Admin)]
public sealed class ListApiKeys(Database db) : EndpointWithoutRequest<IReadOnlyList<ApiKeyResponse>>
{
    public override void Configure()
    {
        Get("/admin/api-keys");
        Description(b => b
            .WithName("identity_listApiKeys")
            .WithSummary("List API keys")
            .WithDescription("Every key with its prefix, scopes, expiry, last use and revocation; never a secret."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await ApiKeySql.ReadAsync(session, null, ct), ct);
    }
}
