using System.Data.Common;
using System.Security.Cryptography;

namespace Alumni.Api.Infrastructure.Data;

/// <summary>
/// Keys the application makes for itself on a new installation and keeps in the database (table app_secrets), so
/// that every instance uses the same one. A key from configuration, where given, takes precedence.
/// </summary>
public sealed class AppSecrets(Database db, TimeProvider time)
{
    private static readonly Sql Read = Sql.Portable("""
        SELECT value FROM app_secrets WHERE name = @Name
        """);

    private static readonly Sql InsertIfMissing = Sql.Portable("""
        INSERT INTO app_secrets (name, value, created_at)
        SELECT @Name, @Value, @Now
        WHERE NOT EXISTS (SELECT 1 FROM app_secrets WHERE name = @Name)
        """);

    /// <summary>The configured base64 key, or the stored one of this name (made and stored first if missing). Call outside a transaction.</summary>
    public async Task<byte[]> KeyAsync(string name, string? configured, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Convert.FromBase64String(configured);
        }

        await using var session = await db.OpenAsync(ct);
        var stored = await session.ExecuteScalarAsync<string>(Read, new { Name = name }, ct);
        if (stored is null)
        {
            try
            {
                await session.ExecuteAsync(InsertIfMissing, new { Name = name, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Now = time.GetUtcNow() }, ct);
            }
            catch (DbException e) when (db.IsUniqueViolation(e))
            {
                // Another instance stored its key first: use that one.
            }

            stored = await session.ExecuteScalarAsync<string>(Read, new { Name = name }, ct);
        }

        return Convert.FromBase64String(stored!);
    }
}
