using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Support;

/// <summary>The office declines a submitted request, with a reason (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class DeclineSupportRequest(Database db, IAuditLog audit, TimeProvider time) : Endpoint<DeclineSupportRequestRequest, SupportRequestResponse>
{
    private static readonly Sql Move = Sql.Portable($"""
        UPDATE network_support_requests
        SET status = @To, decision_reason = @Reason, decided_by = @By, decided_at = @Now, updated_at = @Now, version = version + 1
        WHERE {SupportSql.MoveCondition}
        """);

    public override void Configure()
    {
        Post("/network/support-requests/{id}/decline");
        Description(b => b
            .WithName("network_declineSupportRequest")
            .WithSummary("Decline a support request")
            .WithDescription("Only a submitted request (409 otherwise, saying from which state to which); the reason is required (400). Admins only. Send the ETag in If-Match.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(DeclineSupportRequestRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var values = new Dapper.DynamicParameters();
        values.Add("Reason", req.Reason.Trim());
        var moved = await SupportSql.MoveAsync(session, HttpContext, req.Id, SupportMove.Decline, Move, values, audit,
            "network.support-request-decline", time.GetUtcNow(), ct);
        await session.CommitAsync(ct);
        await SupportSql.SendAsync(HttpContext, moved, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<DeclineSupportRequestRequest>
    {
        public Validator() => RuleFor(r => r.Reason)
            .Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(_ => Texts.Get("network.support.giveAReason"))
            .Must(r => r.Trim().Length <= SupportSql.NoteMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", SupportSql.NoteMaxLength))
            .Must(r => !TextRules.HasMarkup(r)).WithMessage(_ => Texts.Get("common.cannotContainOr"));
    }
}
