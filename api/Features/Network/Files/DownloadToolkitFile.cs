using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using Microsoft.Net.Http.Headers;

namespace Alumni.Api.Features.Network.Files;

/// <summary>
/// A toolkit file's content, streamed from the store that holds it, as the type its content was found to be, always
/// as an attachment (<c>Content-Disposition: attachment; filename*=</c>), with <c>X-Content-Type-Options: nosniff</c>
/// so a browser never runs it as something else, and <c>Cache-Control: private</c>.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class DownloadToolkitFile(Database db, FileStores stores, ILogger<DownloadToolkitFile> log) : Endpoint<ToolkitFileRequest>
{
    public override void Configure()
    {
        Get("/network/toolkit/items/{itemId}/files/{fileId}");
        Description(b => b
            .WithName("network_downloadToolkitFile")
            .WithSummary("Download a toolkit file")
            .WithDescription("The content, as the type found in it, as an attachment under its stored name. The network.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<IFormFile>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ToolkitFileRequest req, CancellationToken ct)
    {
        FileSql.Stored? file;
        await using (var session = await db.OpenAsync(ct))
        {
            file = await session.QuerySingleOrDefaultAsync<FileSql.Stored>(FileSql.Storage, new { req.ItemId, req.FileId }, ct);
        }

        if (file is null)
        {
            throw ProblemException.NotFound(Texts.Get("network.files.noSuchFile"));
        }

        await using var content = await stores.For(file.Storage).OpenAsync(file.StorageKey, ct);
        if (content is null)
        {
            log.LogError("The toolkit file {FileId} has a row but no content in the {Store} store", req.FileId, file.Storage);
            throw ProblemException.NotFound(Texts.Get("network.files.noSuchFile"));
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        var headers = HttpContext.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-cache";
        HttpContext.Response.ContentType = file.ContentType;
        HttpContext.Response.ContentLength = file.ByteSize;
        await content.CopyToAsync(HttpContext.Response.Body, ct);
    }
}
