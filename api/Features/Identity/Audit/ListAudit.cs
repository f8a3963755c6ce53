using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Identity;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Identity.Audit;

/// <summary>The audit log, newest first, filtered and paged.</summary>
[Access(Caller.Admin, Scope = ApiScopes.AuditRead)]
public sealed class ListAudit(Database db) : Endpoint<ListAuditRequest, Paged<AuditEntryResponse>>
{
    private const string Columns = """
        SELECT id AS Id, at AS At, actor_type AS ActorType, actor_id AS ActorId, actor_name AS ActorName, action AS Action,
               entity_type AS EntityType, entity_id AS EntityId, client_ip AS ClientIp, outcome AS Outcome, detail AS Detail
        """;

    public override void Configure()
    {
        Get("/audit");
        Description(b => b
            .WithName("identity_listAudit")
            .WithSummary("Read the audit log")
            .WithDescription("Sign-ins, role and key changes, and staff access to personal data, newest first. The total is exact up to 1,000 entries."));
    }

    public override async Task HandleAsync(ListAuditRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await Query(req).ReadAsync<AuditEntryResponse>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for: only the filters it sets.</summary>
    internal static PagedQuery Query(ListAuditRequest req) => new(Columns, "audit_log", new SqlConditions()
            .Add("action = @Action", "Action", req.Action)
            .Add("actor_id = @ActorId", "ActorId", req.ActorId)
            .Add("entity_type = @EntityType", "EntityType", req.EntityType)
            .Add("entity_id = @EntityId", "EntityId", req.EntityId)
            .Add("at >= @From", "From", req.From)
            .Add("at < @To", "To", req.To),
        "at DESC, id DESC");

    public sealed class Validator : Validator<ListAuditRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null);
        }
    }
}
