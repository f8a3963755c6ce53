using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Support;

/// <summary>The office approves a submitted request, with an optional note (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class ApproveSupportRequest(Database db, IAuditLog audit, TimeProvider time) : Endpoint<ApproveSupportRequestRequest, SupportRequestResponse>
{
    private static readonly Sql Move = Sql.Portable($"""
        UPDATE network_support_requests
        SET status = @To, decision_reason = @Note, decided_by = @By, decided_at = @Now, updated_at = @Now, version = version + 1
        WHERE {SupportSql.MoveCondition}
        """);

    public override void Configure()
    {
        Post("/network/support-requests/{id}/approve");
        Description(b => b
            .WithName("network_approveSupportRequest")
            .WithSummary("Approve a support request")
            .WithDescription("Only a submitted request (409 otherwise, saying from which state to which). Admins only. Send the ETag in If-Match.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(ApproveSupportRequestRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var values = new Dapper.DynamicParameters();
        values.Add("Note", TextRules.Clean(req.Note));
        var moved = await SupportSql.MoveAsync(session, HttpContext, req.Id, SupportMove.Approve, Move, values, audit,
            "network.support-request-approve", time.GetUtcNow(), ct);
        await session.CommitAsync(ct);
        await SupportSql.SendAsync(HttpContext, moved, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<ApproveSupportRequestRequest>
    {
        public Validator() => RuleFor(r => r.Note).IsOptionalText(SupportSql.NoteMaxLength);
    }
}
