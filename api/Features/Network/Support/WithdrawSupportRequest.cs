using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Support;

/// <summary>The asking department withdraws its request while it is submitted (If-Match).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkWrite)]
public sealed class WithdrawSupportRequest(Database db, IAuditLog audit, TimeProvider time) : Endpoint<SupportRequestByIdRequest, SupportRequestResponse>
{
    private static readonly Sql Move = Sql.Portable($"""
        UPDATE network_support_requests
        SET status = @To, withdrawn_by = @By, withdrawn_at = @Now, updated_at = @Now, version = version + 1
        WHERE {SupportSql.MoveCondition}
        """);

    public override void Configure()
    {
        Post("/network/support-requests/{id}/withdraw");
        Description(b => b
            .WithName("network_withdrawSupportRequest")
            .WithSummary("Withdraw a support request")
            .WithDescription("Only a submitted request (409 otherwise, saying from which state to which). The asking department's coordinators (and admins); a department that only takes part is a 403, a request the caller does not see a 404. Send the ETag in If-Match.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(SupportRequestByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var moved = await SupportSql.MoveAsync(session, HttpContext, req.Id, SupportMove.Withdraw, Move, new Dapper.DynamicParameters(), audit,
            "network.support-request-withdraw", time.GetUtcNow(), ct);
        await session.CommitAsync(ct);
        await SupportSql.SendAsync(HttpContext, moved, StatusCodes.Status200OK, ct);
    }
}
