using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Files;

/// <summary>
/// Removes a toolkit file: its row is marked removed (it leaves the list and no longer downloads) and audited in one
/// transaction; then its content is deleted from the store. Should that fail, the row stays removed and the content
/// is left behind, logged by its key: a removed file is never served again either way.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class RemoveToolkitFile(Database db, FileStores stores, IAuditLog audit, TimeProvider time, ILogger<RemoveToolkitFile> log)
    : Endpoint<ToolkitFileRequest>
{
    private static readonly Sql MarkRemoved = Sql.Portable("""
        UPDATE toolkit_files SET removed_at = @Now WHERE id = @FileId AND item_id = @ItemId AND removed_at IS NULL
        """);

    public override void Configure()
    {
        Delete("/network/toolkit/items/{itemId}/files/{fileId}");
        Description(b => b
            .WithName("network_removeToolkitFile")
            .WithSummary("Remove a toolkit file")
            .WithDescription("Marks the file removed and deletes its content. Audited as network.toolkit-file-remove. Admins only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ToolkitFileRequest req, CancellationToken ct)
    {
        FileSql.Stored file;
        await using (var session = await db.BeginAsync(ct))
        {
            file = await session.QuerySingleOrDefaultAsync<FileSql.Stored>(FileSql.Storage, new { req.ItemId, req.FileId }, ct)
                ?? throw ProblemException.NotFound(Texts.Get("network.files.noSuchFile"));
            if (await session.ExecuteAsync(MarkRemoved, new { req.ItemId, req.FileId, Now = time.GetUtcNow() }, ct) == 0)
            {
                throw ProblemException.NotFound(Texts.Get("network.files.noSuchFile"));
            }

            await audit.WriteAsync(session, HttpContext, new AuditEvent("network.toolkit-file-remove", "toolkit-file", req.FileId.ToString(),
                Detail: $"item {req.ItemId}"), ct);
            await session.CommitAsync(ct);
        }

        try
        {
            await stores.For(file.Storage).DeleteAsync(file.StorageKey, CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "The content {Key} of the removed toolkit file {FileId} could not be deleted from the {Store} store",
                file.StorageKey, req.FileId, file.Storage);
        }

        await Send.NoContentAsync(ct);
    }
}
