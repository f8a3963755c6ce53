using Alumni.Api.Infrastructure.Data;
using Alumni.Contracts.Identity;

namespace Alumni.Api.Features.Identity.ApiKeys;

/// <summary>Reading API keys as the contract shows them (never the secret's hash).</summary>
internal static class ApiKeySql
{
    public static readonly Sql Select = Sql.Portable("""
        SELECT id           AS Id,
               name         AS Name,
               prefix       AS Prefix,
               scopes       AS Scopes,
               created_at   AS CreatedAt,
               expires_at   AS ExpiresAt,
               last_used_at AS LastUsedAt,
               revoked_at   AS RevokedAt
        FROM api_keys
        WHERE (@Id IS NULL OR id = @Id)
        ORDER BY created_at DESC
        """);

    public static async Task<IReadOnlyList<ApiKeyResponse>> ReadAsync(DbSession session, Guid? id, CancellationToken ct) =>
        (await session.QueryAsync<Row>(Select, new { Id = id }, ct))
            .Select(r => new ApiKeyResponse
            {
                Id = r.Id,
                Name = r.Name,
                Prefix = r.Prefix,
                Scopes = ApiKeyScopes.Parse(r.Scopes),
                CreatedAt = r.CreatedAt,
                ExpiresAt = r.ExpiresAt,
                LastUsedAt = r.LastUsedAt,
                RevokedAt = r.RevokedAt,
            })
            .ToList();

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string Scopes { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ExpiresAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
    }
}
