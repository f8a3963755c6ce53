using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Assignments;

/// <summary>One assignment, active or ended, with its version as the ETag (for the office's edit form).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkRead)]
public sealed class GetAssignment(Database db) : Endpoint<AssignmentRequest, AssignmentResponse>
{
    public override void Configure()
    {
        Get("/network/assignments/{id}");
        Description(b => b
            .WithName("network_getAssignment")
            .WithSummary("Read an assignment")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(AssignmentRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var assignment = await AssignmentSql.GetAsync(session, req.Id, ct);
        await AssignmentSql.SendAsync(HttpContext, assignment, StatusCodes.Status200OK, ct);
    }
}
