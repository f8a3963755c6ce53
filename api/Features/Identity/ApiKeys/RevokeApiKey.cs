using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;

namespace Alumni.Api.Features.Identity.ApiKeys;

/// <summary>Revokes an API key: it stops working at once. Idempotent.</summary>
[Access(Caller.Admin)]
public sealed class RevokeApiKey(Database db, IAuditLog audit, TimeProvider time) : Endpoint<ApiKeyByIdRequest, ApiKeyResponse>
{
    private static readonly Sql Revoke = Sql.Portable("""
        UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL
        """);

    public override void Configure()
    {
        Delete("/admin/api-keys/{id}");
        Description(b => b
            .WithName("identity_revokeApiKey")
            .WithSummary("Revoke an API key")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ApiKeyByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (await session.ExecuteAsync(Revoke, new { req.Id, Now = time.GetUtcNow() }, ct) > 0)
        {
            await audit.WriteAsync(session, HttpContext, new AuditEvent("api-key.revoke", "api-key", req.Id.ToString()), ct);
        }

        var key = (await ApiKeySql.ReadAsync(session, req.Id, ct)).SingleOrDefault();
        if (key is null)
        {
            throw new ProblemException(StatusCodes.Status404NotFound, "No API key has that id.");
        }

        await session.CommitAsync(ct);
        await Send.OkAsync(key, ct);
    }
}
