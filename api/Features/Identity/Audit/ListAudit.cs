using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Identity;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Identity.Audit;

/// <summary>The audit log, newest first, filtered and paged.</summary>
[Access(Caller.Admin, Scope = "audit:read")]
public sealed class ListAudit(Database db) : Endpoint<ListAuditRequest, AuditPageResponse>
{
    private const string Filter = """
        WHERE (@Action IS NULL OR action = @Action)
          AND (@ActorId IS NULL OR actor_id = @ActorId)
          AND (@EntityType IS NULL OR entity_type = @EntityType)
          AND (@EntityId IS NULL OR entity_id = @EntityId)
          AND (@From IS NULL OR at >= @From)
          AND (@To IS NULL OR at < @To)
        """;

    private const string Columns = """
        SELECT id AS Id, at AS At, actor_type AS ActorType, actor_id AS ActorId, actor_name AS ActorName, action AS Action,
               entity_type AS EntityType, entity_id AS EntityId, client_ip AS ClientIp, outcome AS Outcome, detail AS Detail
        FROM audit_log
        """;

    private static readonly Sql Count = Sql.Portable($"""
        SELECT COUNT(*) FROM audit_log
        {Filter}
        """);

    private static readonly Sql Page = Sql.Dialects(
        $"""
        {Columns}
        {Filter}
        ORDER BY at DESC, id DESC
        LIMIT @Take OFFSET @Skip
        """,
        $"""
        {Columns}
        {Filter}
        ORDER BY at DESC, id DESC
        OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY
        """);

    public override void Configure()
    {
        Get("/audit");
        Description(b => b
            .WithName("identity_listAudit")
            .WithSummary("Read the audit log")
            .WithDescription("Sign-ins, role and key changes, and staff access to personal data, newest first."));
    }

    public override async Task HandleAsync(ListAuditRequest req, CancellationToken ct)
    {
        var args = new
        {
            req.Action,
            req.ActorId,
            req.EntityType,
            req.EntityId,
            req.From,
            req.To,
            Skip = (req.Page - 1) * req.PageSize,
            Take = req.PageSize,
        };
        await using var session = await db.OpenAsync(ct);
        var total = await session.ExecuteScalarAsync<long>(Count, args, ct);
        var items = await session.QueryAsync<AuditEntryResponse>(Page, args, ct);
        await Send.OkAsync(new AuditPageResponse { Items = items, Total = (int)total, Page = req.Page, PageSize = req.PageSize }, ct);
    }

    public sealed class Validator : Validator<ListAuditRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
            RuleFor(r => r.PageSize).InclusiveBetween(1, 200);
            RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null);
        }
    }
}
