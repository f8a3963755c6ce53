using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;

namespace Alumni.Api.Features.Identity;

/// <summary>Writes audit rows: who (from the request's caller), what, about which entity, from where, with which outcome.</summary>
public sealed class AuditLog(TimeProvider time) : IAuditLog
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO audit_log (id, at, actor_type, actor_id, actor_name, action, entity_type, entity_id, client_ip, outcome, detail)
        VALUES (@Id, @At, @ActorType, @ActorId, @ActorName, @Action, @EntityType, @EntityId, @ClientIp, @Outcome, @Detail)
        """);

    public Task WriteAsync(DbSession session, HttpContext? context, AuditEvent entry, CancellationToken ct)
    {
        var user = context?.User;
        var (type, id, name) = (user, entry.Actor) switch
        {
            (_, { } actor) => ("user", actor.UserId?.ToString(), actor.Address),
            (null, _) => ("system", null, null),
            _ when user!.IsPerson() => ("user", user.FindFirst(AlumniClaims.UserId)?.Value, user.FindFirst(AlumniClaims.Email)?.Value),
            _ when user.IsKey() => ("key", user.FindFirst(AlumniClaims.KeyId)?.Value, user.FindFirst(AlumniClaims.KeyName)?.Value),
            _ => ("anonymous", (string?)null, (string?)null),
        };
        var now = time.GetUtcNow();
        return session.ExecuteAsync(Insert, new
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            ActorType = type,
            ActorId = id,
            ActorName = name,
            entry.Action,
            entry.EntityType,
            entry.EntityId,
            ClientIp = context?.Connection.RemoteIpAddress?.ToString(),
            entry.Outcome,
            entry.Detail,
        }, ct);
    }
}
