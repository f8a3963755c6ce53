using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Files;

/// <summary>
/// A toolkit item's files, oldest first, without the removed ones: name, found type, size, when and by whom added. The
/// list is not paged: an item holds at most <c>Network:Files:MaxFilesPerItem</c> files (50 unless configured).
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class ListToolkitFiles(Database db) : Endpoint<ToolkitItemFilesRequest, IReadOnlyList<ToolkitFileResponse>>
{
    public override void Configure()
    {
        Get("/network/toolkit/items/{itemId}/files");
        Description(b => b
            .WithName("network_listToolkitFiles")
            .WithSummary("List a toolkit item's files")
            .WithDescription("The item's files that are not removed, oldest first (at most Network:Files:MaxFilesPerItem). The network.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ToolkitItemFilesRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        if (!await FileSql.ItemExistsAsync(session, req.ItemId, ct))
        {
            throw ProblemException.NotFound(Texts.Get("network.files.noSuchItem"));
        }

        await Send.OkAsync(await session.QueryAsync<ToolkitFileResponse>(FileSql.OfItem, new { req.ItemId }, ct), ct);
    }
}
