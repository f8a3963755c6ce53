using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Support;

/// <summary>The office marks an approved request done (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class MarkSupportRequestDone(Database db, IAuditLog audit, TimeProvider time) : Endpoint<SupportRequestByIdRequest, SupportRequestResponse>
{
    private static readonly Sql Move = Sql.Portable($"""
        UPDATE network_support_requests
        SET status = @To, done_by = @By, done_at = @Now, updated_at = @Now, version = version + 1
        WHERE {SupportSql.MoveCondition}
        """);

    public override void Configure()
    {
        Post("/network/support-requests/{id}/done");
        Description(b => b
            .WithName("network_markSupportRequestDone")
            .WithSummary("Mark a support request done")
            .WithDescription("Only an approved request (409 otherwise, saying from which state to which). Admins only. Send the ETag in If-Match.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(SupportRequestByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var moved = await SupportSql.MoveAsync(session, HttpContext, req.Id, SupportMove.Done, Move, new Dapper.DynamicParameters(), audit,
            "network.support-request-done", time.GetUtcNow(), ct);
        await session.CommitAsync(ct);
        await SupportSql.SendAsync(HttpContext, moved, StatusCodes.Status200OK, ct);
    }
}
