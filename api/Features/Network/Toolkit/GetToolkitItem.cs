using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>One toolkit item with its current version's texts, and its version as the ETag.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetToolkitItem(Database db) : Endpoint<ToolkitItemByIdRequest, ToolkitItemResponse>
{
    public override void Configure()
    {
        Get("/network/toolkit/items/{id}");
        Description(b => b
            .WithName("network_getToolkitItem")
            .WithSummary("Get a toolkit item")
            .WithDescription("Its current version's texts (with the placeholders as written), its tags, who made the current version and when, with "
                + "its version as the ETag. An archived item only for the office (404 for coordinators). The network (coordinators and admins).")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ToolkitItemByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var item = await ToolkitSql.GetAsync(db, session, req.Id, DepartmentScope.Of(User).ScopeAll, ct);
        Preconditions.SetETag(HttpContext, item.Version);
        await Send.OkAsync(item, ct);
    }
}
