using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Support;

/// <summary>A request the caller sees, with its departments, help, the moves the caller may make now and its history, with its ETag.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetSupportRequest(Database db) : Endpoint<SupportRequestByIdRequest, SupportRequestResponse>
{
    public override void Configure()
    {
        Get("/network/support-requests/{id}");
        Description(b => b
            .WithName("network_getSupportRequest")
            .WithSummary("Get a support request")
            .WithDescription("A coordinator sees the requests one of their departments asks for or takes part in; any other is a 404. "
                + "allowedMoves lists what the caller may do now; history lists the moves made, oldest first.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(SupportRequestByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var request = await SupportSql.ReadAsync(session, req.Id, DepartmentScope.Of(User), ct);
        await SupportSql.SendAsync(HttpContext, request, StatusCodes.Status200OK, ct);
    }
}
