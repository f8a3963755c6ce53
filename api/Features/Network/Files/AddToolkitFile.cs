using System.Security.Cryptography;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Network.Files;

/// <summary>
/// Adds a file to a toolkit item: one file in a <c>multipart/form-data</c> body (the field <c>file</c>), streamed to a
/// temporary file as it arrives and cut off with a 413 as soon as it passes <c>Network:Files:MaxBytes</c> (never held in
/// memory whole); its type is found in its content (<see cref="FileTypes"/>), a type not allowed is a 415 naming the
/// file, and its name's extension is made to match (<see cref="FileNames"/>). The content goes to the configured store
/// first, then the row and the audit entry are written in one transaction; when that fails, the content is deleted
/// again, so there is never a row without content nor (but for a crash between the two) content without a row.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class AddToolkitFile(
    Database db, FileStores stores, IAuditLog audit, TimeProvider time, IOptions<ToolkitFileOptions> options, ILogger<AddToolkitFile> log)
    : Endpoint<ToolkitItemFilesRequest, ToolkitFileResponse>
{
    /// <summary>What a multipart body may hold beside the file itself: its boundaries and the part's headers.</summary>
    public const long MultipartAllowance = 64 * 1024;

    public const string FormField = "file";

    private static readonly Sql ActiveFiles = Sql.Portable("SELECT COUNT(*) FROM toolkit_files WHERE item_id = @ItemId AND removed_at IS NULL");

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO toolkit_files (id, item_id, file_name, content_type, byte_size, sha256, storage, storage_key, created_by, created_at)
        VALUES (@Id, @ItemId, @FileName, @ContentType, @ByteSize, @Sha256, @Storage, @StorageKey, @CreatedBy, @Now)
        """);

    public override void Configure()
    {
        Post("/network/toolkit/items/{itemId}/files");
        AllowFileUploads(dontAutoBindFormData: true);
        Description(b => b
            .WithName("network_addToolkitFile")
            .WithSummary("Add a file to a toolkit item")
            .WithDescription("One file as multipart/form-data in the field 'file' (PDF, PNG, JPEG, GIF, WebP, or a Word, Excel or "
                + "PowerPoint document; Network:Files:AllowedTypes may narrow it). The type is found in the content, never taken from the "
                + "name: a file whose content is not an allowed type is a 415, and the name's extension is corrected to the type found. "
                + "Larger than Network:Files:MaxBytes (20 MB unless configured): 413, nothing kept. Audited as network.toolkit-file-add.")
            .ClearDefaultAccepts()
            .Accepts<ToolkitFileUploadForm>("multipart/form-data")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<ToolkitFileResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType));
    }

    public override async Task HandleAsync(ToolkitItemFilesRequest req, CancellationToken ct)
    {
        var settings = options.Value;
        if (!(HttpContext.Request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, Texts.Get("network.files.sendMultipart", FormField));
        }

        var bodyLimit = settings.MaxBytes + MultipartAllowance;
        if (HttpContext.Request.ContentLength > bodyLimit)
        {
            throw TooLarge(settings.MaxBytes);
        }

        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = bodyLimit;
        }

        await using (var read = await db.OpenAsync(ct))
        {
            if (!await FileSql.ItemExistsAsync(read, req.ItemId, ct))
            {
                throw ProblemException.NotFound(Texts.Get("network.files.noSuchItem"));
            }
        }

        await using var temp = new FileStream(Path.Combine(Path.GetTempPath(), $"alumni-upload-{Guid.NewGuid():N}"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var (uploadedName, sha256) = await ReceiveAsync(temp, settings.MaxBytes, ct);
        var shownName = TextRules.Clean(uploadedName) ?? FormField;
        var type = FileTypes.Detect(temp);
        if (type is null || !settings.Allowed.Contains(type.ContentType))
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, Texts.Get("network.files.typeNotAllowed", shownName));
        }

        var now = time.GetUtcNow();
        var fileId = Guid.CreateVersion7(now);
        var key = FileKeys.For(req.ItemId, fileId);
        var store = stores.Current;
        await store.PutAsync(key, temp, ct);
        ToolkitFileResponse file;
        try
        {
            await using var session = await db.BeginAsync(ct);
            if (!await FileSql.ItemExistsAsync(session, req.ItemId, ct))
            {
                throw ProblemException.NotFound(Texts.Get("network.files.noSuchItem"));
            }

            if (await session.ExecuteScalarAsync<long>(ActiveFiles, new { req.ItemId }, ct) >= settings.MaxFilesPerItem)
            {
                throw ProblemException.Conflict(Texts.Get("network.files.tooManyFiles", settings.MaxFilesPerItem));
            }

            await session.ExecuteAsync(Insert, new
            {
                Id = fileId,
                req.ItemId,
                FileName = FileNames.Stored(uploadedName, type),
                type.ContentType,
                ByteSize = temp.Length,
                Sha256 = sha256,
                Storage = store.Name,
                StorageKey = key,
                CreatedBy = User.CallerId(),
                Now = now,
            }, ct);
            await audit.WriteAsync(session, HttpContext, new AuditEvent("network.toolkit-file-add", "toolkit-file", fileId.ToString(),
                Detail: $"item {req.ItemId}, {type.ContentType}, {temp.Length} bytes"), ct);
            file = await FileSql.OneAsync(session, req.ItemId, fileId, ct);
            await session.CommitAsync(ct);
        }
        catch
        {
            // The row was not written: the content put first goes too. (Once committed, it stays, whatever the answer.)
            await DeleteQuietlyAsync(store, key);
            throw;
        }

        HttpContext.Response.Headers.Location = $"/api/network/toolkit/items/{req.ItemId}/files/{fileId}";
        await Send.ResponseAsync(file, StatusCodes.Status201Created, ct);
    }

    /// <summary>
    /// Reads the one file part into <paramref name="temp"/>, hashing it: the name it was sent with and its SHA-256. No file
    /// part, another field, or a second file is a 400 on <c>file</c>; passing the limit is a 413 at once.
    /// </summary>
    private async Task<(string? Name, string Sha256)> ReceiveAsync(FileStream temp, long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        string? name = null;
        var files = 0;
        try
        {
            await foreach (var section in FormFileSectionsAsync(ct))
            {
                if (section is null)
                {
                    continue;
                }

                if (section.Name != FormField || ++files > 1)
                {
                    throw ProblemException.Field(FormField, Texts.Get("network.files.oneFileOnly", FormField));
                }

                name = section.FileName;
                long total = 0;
                int read;
                while ((read = await section.FileStream!.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await temp.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
        catch (InvalidDataException)
        {
            // The multipart reader's own complaints (a malformed body, a part's headers too long).
            throw ProblemException.Field(FormField, Texts.Get("network.files.malformedUpload"));
        }

        if (files == 0)
        {
            throw ProblemException.Field(FormField, Texts.Get("network.files.noFile", FormField));
        }

        await temp.FlushAsync(ct);
        return (name, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private async Task DeleteQuietlyAsync(IFileStore store, string key)
    {
        try
        {
            await store.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Content without a row: nothing shows or serves it; the key says which item and file it was.
            log.LogWarning(e, "The toolkit file content {Key} in the {Store} store could not be deleted after a failed upload", key, store.Name);
        }
    }

    /// <summary>413: the file is larger than <c>Network:Files:MaxBytes</c>.</summary>
    private static ProblemException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, Texts.Get("network.files.tooLarge", maxBytes));

    /// <summary>The form's shape, for the contract only: the endpoint reads the body as a stream.</summary>
    public sealed record ToolkitFileUploadForm
    {
        /// <summary>The file.</summary>
        [System.ComponentModel.DataAnnotations.Required] public IFormFile File { get; init; } = null!;
    }
}
