using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Toolkit;

/// <summary>A toolkit item's history: every version, newest first, with when, by whom and what changed.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class ListToolkitItemVersions(Database db) : Endpoint<ToolkitItemByIdRequest, List<ToolkitItemVersionSummary>>
{
    private static readonly Sql Versions = Sql.Portable("""
        SELECT v.number AS Number, v.created_at AS CreatedAt, n.name AS CreatedBy, v.change_note AS ChangeNote
        FROM toolkit_item_versions v
        LEFT JOIN caller_names n ON n.id = v.created_by
        WHERE v.item_id = @Id
        ORDER BY v.number DESC
        """);

    public override void Configure()
    {
        Get("/network/toolkit/items/{id}/versions");
        Description(b => b
            .WithName("network_listToolkitItemVersions")
            .WithSummary("List a toolkit item's versions")
            .WithDescription("Newest first: each version's number, when and by whom it was made and its note of what changed. The network "
                + "(coordinators and admins; an archived item's only for the office).")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ToolkitItemByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await ToolkitSql.GetAsync(db, session, req.Id, DepartmentScope.Of(User).ScopeAll, ct);
        await Send.OkAsync((await session.QueryAsync<ToolkitItemVersionSummary>(Versions, new { req.Id }, ct)).ToList(), ct);
    }
}
