using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Alumni.Api.Features.Network.Files;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Network;
using Alumni.Contracts.Problems;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Tests.Network;

/// <summary>The settings every toolkit-file test host runs with: small limits the tests can pass.</summary>
internal static class FileTestSettings
{
    // Above Kestrel's default body limit (Api:MaxRequestBodyBytes, 1 MiB): the upload raises it for itself.
    public const int MaxBytes = 1_500_000;
    public const int MaxFilesPerItem = 3;

    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Network:Files:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Network:Files:MaxFilesPerItem", MaxFilesPerItem.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The API over SQLite with the database store (the default).</summary>
public sealed class FilesOnSqliteApi : SqliteApi
{
    protected override void ConfigureHost(IWebHostBuilder builder) => FileTestSettings.Apply(builder);
}

/// <summary>The API over SQL Server with the database store.</summary>
public sealed class FilesOnSqlServerApi : SqlServerApi
{
    protected override void ConfigureHost(IWebHostBuilder builder) => FileTestSettings.Apply(builder);
}

/// <summary>The API over SQLite with the folder store in a temporary directory.</summary>
public sealed class FilesInFolderApi : SqliteApi
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "alumni-tests-files", Guid.NewGuid().ToString("N"));

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        FileTestSettings.Apply(builder);
        builder.UseSetting("Network:Files:Store", "folder");
        builder.UseSetting("Network:Files:Folder", Folder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>The API over SQLite with the S3 store, against <see cref="FakeS3"/> on 127.0.0.1.</summary>
public sealed class FilesInS3Api : SqliteApi
{
    public FakeS3 S3 { get; private set; } = null!;

    protected override async Task<string?> CreateDatabaseAsync()
    {
        S3 = await FakeS3.StartAsync();
        return await base.CreateDatabaseAsync();
    }

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        FileTestSettings.Apply(builder);
        builder.UseSetting("Network:Files:Store", "s3");
        builder.UseSetting("Network:Files:S3:ServiceUrl", S3.ServiceUrl);
        builder.UseSetting("Network:Files:S3:Bucket", FakeS3.Bucket);
        builder.UseSetting("Network:Files:S3:AccessKey", FakeS3.AccessKey);
        builder.UseSetting("Network:Files:S3:SecretKey", FakeS3.SecretKey);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await S3.DisposeAsync();
    }
}

public sealed class FileTestsOnSqlite(FilesOnSqliteApi api) : FileTests(api), IClassFixture<FilesOnSqliteApi>
{
    protected override string Store => "database";

    protected override Task<int> ContentsOfAsync(Guid itemId) => DatabaseContentsAsync(itemId);
}

public sealed class FileTestsOnSqlServer(FilesOnSqlServerApi api) : FileTests(api), IClassFixture<FilesOnSqlServerApi>
{
    protected override string Store => "database";

    protected override Task<int> ContentsOfAsync(Guid itemId) => DatabaseContentsAsync(itemId);
}

public sealed class FileTestsInFolder(FilesInFolderApi api) : FileTests(api), IClassFixture<FilesInFolderApi>
{
    protected override string Store => "folder";

    protected override Task<int> ContentsOfAsync(Guid itemId)
    {
        var folder = Path.Combine(api.Folder, "toolkit", itemId.ToString("N"));
        return Task.FromResult(Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0);
    }
}

public sealed class FileTestsInS3(FilesInS3Api api) : FileTests(api), IClassFixture<FilesInS3Api>
{
    protected override string Store => "s3";

    protected override Task<int> ContentsOfAsync(Guid itemId) =>
        Task.FromResult(api.S3.Objects.Keys.Count(k => k.StartsWith($"toolkit/{itemId:N}/", StringComparison.Ordinal)));

    [Fact]
    public async Task The_s3_store_signs_each_upload_whole_and_addresses_the_bucket_by_path()
    {
        var item = await NewItemAsync();
        var file = await (await UploadAsync(item, "guide.pdf", Samples.Pdf())).ReadAsync<ToolkitFileResponse>();

        var put = Assert.Single(api.S3.Requests, r => r.Method == "PUT" && r.Path.Contains(file.Id.ToString("N"), StringComparison.Ordinal));
        Assert.Equal($"/{FakeS3.Bucket}/toolkit/{item:N}/{file.Id:N}", put.Path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Samples.Pdf())), put.PayloadHash);
        Assert.DoesNotContain("aws-chunked", put.ContentEncoding ?? "", StringComparison.Ordinal);
    }
}

/// <summary>
/// The toolkit's files through real HTTP, on each store: a file's type is checked by its content, never its name; over
/// the limit is a 413; nothing is half-saved (no row without content, no content without a row). The toolkit items
/// the files belong to are written by net-toolkit's endpoints; here each test inserts its item with SQL (set-up only).
/// </summary>
public abstract class FileTests(ApiFixture api) : IAsyncLifetime
{
    private HttpClient? admin;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The store the host is configured with, as <c>toolkit_files.storage</c> names it.</summary>
    protected abstract string Store { get; }

    /// <summary>How many contents the store holds for the item's files.</summary>
    protected abstract Task<int> ContentsOfAsync(Guid itemId);

    private HttpClient Admin
    {
        get
        {
            api.SkipIfUnavailable();
            return admin!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (api.IsAvailable)
        {
            admin = await api.AdminAsync();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // --- set-up: a toolkit item row, inserted with SQL (net-toolkit's endpoints write them) ---
    protected async Task<Guid> NewItemAsync()
    {
        api.SkipIfUnavailable();
        var id = Guid.CreateVersion7();
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        await session.ExecuteAsync(Sql.Portable("""
            INSERT INTO toolkit_items (id, kind, created_at, updated_at) VALUES (@Id, 'guide', @Now, @Now)
            """), new { Id = id, Now = DateTimeOffset.UtcNow }, Ct);
        await session.CommitAsync(Ct);
        return id;
    }

    protected async Task<int> DatabaseContentsAsync(Guid itemId)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.ExecuteScalarAsync<int>(Sql.Portable("SELECT COUNT(*) FROM toolkit_file_contents WHERE storage_key LIKE @Prefix"),
            new { Prefix = $"toolkit/{itemId:N}/%" }, Ct);
    }

    private async Task<(int Rows, int Contents)> StoredAsync(Guid itemId)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var rows = await session.ExecuteScalarAsync<int>(Sql.Portable("SELECT COUNT(*) FROM toolkit_files WHERE item_id = @ItemId AND removed_at IS NULL"),
            new { ItemId = itemId }, Ct);
        return (rows, await ContentsOfAsync(itemId));
    }

    private async Task<int> AuditCountAsync(string action, Guid fileId)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.ExecuteScalarAsync<int>(Sql.Portable("SELECT COUNT(*) FROM audit_log WHERE action = @Action AND entity_id = @Id"),
            new { Action = action, Id = fileId.ToString() }, Ct);
    }

    protected Task<HttpResponseMessage> UploadAsync(Guid itemId, string fileName, byte[] content, HttpClient? client = null, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        // What the browser says the type is counts for nothing: the content decides.
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, field, fileName);
        return (client ?? Admin).PostAsync($"/api/network/toolkit/items/{itemId}/files", form, Ct);
    }

    [Fact]
    public async Task A_real_pdf_and_png_are_accepted_listed_and_downloaded_as_the_types_found_in_them()
    {
        var item = await NewItemAsync();

        var pdfResponse = await UploadAsync(item, "Sista föreläsningen.pdf", Samples.Pdf());
        Assert.Equal(HttpStatusCode.Created, pdfResponse.StatusCode);
        var pdf = await pdfResponse.ReadAsync<ToolkitFileResponse>();
        Assert.Equal($"/api/network/toolkit/items/{item}/files/{pdf.Id}", pdfResponse.Headers.Location?.OriginalString);
        var png = await (await UploadAsync(item, "qr.png", Samples.Png())).ReadAsync<ToolkitFileResponse>();

        Assert.Equal(("Sista föreläsningen.pdf", "application/pdf", (long)Samples.Pdf().Length), (pdf.FileName, pdf.ContentType, pdf.ByteSize));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Samples.Pdf())), pdf.Sha256);
        Assert.Equal(("qr.png", "image/png"), (png.FileName, png.ContentType));
        Assert.Equal(ApiFixture.AdminEmail, pdf.AddedByName);
        var listed = await (await Admin.GetAsync($"/api/network/toolkit/items/{item}/files", Ct)).ReadAsync<List<ToolkitFileResponse>>();
        Assert.Equal([pdf.Id, png.Id], listed.Select(f => f.Id));
        Assert.Equal((2, 2), await StoredAsync(item));

        var download = await Admin.GetAsync($"/api/network/toolkit/items/{item}/files/{pdf.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Samples.Pdf(), await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Sista föreläsningen.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(download.Headers.CacheControl?.Private, "Cache-Control: private");
        Assert.Equal(1, await AuditCountAsync("network.toolkit-file-add", pdf.Id));
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        Assert.Equal(Store, await session.ExecuteScalarAsync<string>(Sql.Portable("SELECT storage FROM toolkit_files WHERE id = @Id"), new { pdf.Id }, Ct));
    }

    public static TheoryData<string, string> NotAllowedContent => new()
    {
        { "html", "report.pdf" },
        { "exe", "slides.pdf" },
        { "svg", "logo.png" },
        { "zip", "slides.pptx" },
        { "docm", "letter.docx" },
        { "zipbomb", "big.docx" },
        { "text", "notes.pdf" },
        { "empty", "empty.pdf" },
    };

    [Theory]
    [MemberData(nameof(NotAllowedContent))]
    public async Task A_files_type_is_checked_by_its_content_and_a_renamed_file_is_refused_naming_it(string content, string fileName)
    {
        var item = await NewItemAsync();

        var response = await UploadAsync(item, fileName, Samples.Of(content));

        var problem = await response.ProblemAsync(415);
        Assert.Equal(ProblemTypes.UnsupportedMediaType, problem.Type);
        Assert.Contains(fileName, problem.Detail);
        Assert.Equal((0, 0), await StoredAsync(item));
    }

    [Fact]
    public async Task Png_content_under_a_pdf_name_is_kept_as_a_png_with_its_extension_corrected()
    {
        var item = await NewItemAsync();

        var file = await (await UploadAsync(item, "affisch.pdf", Samples.Png())).ReadAsync<ToolkitFileResponse>();

        Assert.Equal(("affisch.png", "image/png"), (file.FileName, file.ContentType));
        var download = await Admin.GetAsync($"/api/network/toolkit/items/{item}/files/{file.Id}", Ct);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("affisch.png", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Office_documents_are_known_by_the_main_part_their_content_types_name()
    {
        var item = await NewItemAsync();

        var slides = await (await UploadAsync(item, "bildspel", Samples.Office("presentationml.presentation", "ppt/presentation.xml"))).ReadAsync<ToolkitFileResponse>();
        var text = await (await UploadAsync(item, "brev.docx", Samples.Office("wordprocessingml.document", "word/document.xml"))).ReadAsync<ToolkitFileResponse>();

        Assert.Equal(("bildspel.pptx", FileTypes.Pptx.ContentType), (slides.FileName, slides.ContentType));
        Assert.Equal(("brev.docx", FileTypes.Docx.ContentType), (text.FileName, text.ContentType));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_a_413_and_nothing_is_kept()
    {
        var item = await NewItemAsync();
        var large = Samples.Pdf().Concat(new byte[FileTestSettings.MaxBytes]).ToArray();

        var problem = await (await UploadAsync(item, "large.pdf", large)).ProblemAsync(413);

        Assert.Equal(ProblemTypes.PayloadTooLarge, problem.Type);
        Assert.Contains(FileTestSettings.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Detail);
        Assert.Equal((0, 0), await StoredAsync(item));
        var exactly = Samples.Pdf().Concat(new byte[FileTestSettings.MaxBytes - Samples.Pdf().Length]).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(item, "exactly.pdf", exactly)).StatusCode);
    }

    [Fact]
    public async Task When_the_row_cannot_be_written_the_content_put_first_is_deleted_again()
    {
        var item = await NewItemAsync();
        for (var i = 0; i < FileTestSettings.MaxFilesPerItem; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(item, $"{i}.pdf", Samples.Pdf())).StatusCode);
        }

        // The count is checked in the row's transaction, after the content was put: the store is cleaned up.
        var problem = await (await UploadAsync(item, "one-too-many.pdf", Samples.Pdf())).ProblemAsync(409);

        Assert.Equal(ProblemTypes.Conflict, problem.Type);
        Assert.Equal((FileTestSettings.MaxFilesPerItem, FileTestSettings.MaxFilesPerItem), await StoredAsync(item));
    }

    [Fact]
    public async Task Removing_a_file_marks_it_removed_deletes_its_content_and_audits_it()
    {
        var item = await NewItemAsync();
        var file = await (await UploadAsync(item, "guide.pdf", Samples.Pdf())).ReadAsync<ToolkitFileResponse>();

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/network/toolkit/items/{item}/files/{file.Id}", Ct)).StatusCode);

        Assert.Equal((0, 0), await StoredAsync(item));
        Assert.Empty(await (await Admin.GetAsync($"/api/network/toolkit/items/{item}/files", Ct)).ReadAsync<List<ToolkitFileResponse>>());
        await (await Admin.GetAsync($"/api/network/toolkit/items/{item}/files/{file.Id}", Ct)).ProblemAsync(404);
        await (await Admin.DeleteAsync($"/api/network/toolkit/items/{item}/files/{file.Id}", Ct)).ProblemAsync(404);
        Assert.Equal(1, await AuditCountAsync("network.toolkit-file-remove", file.Id));
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        Assert.Equal(1, await session.ExecuteScalarAsync<int>(Sql.Portable("SELECT COUNT(*) FROM toolkit_files WHERE id = @Id AND removed_at IS NOT NULL"),
            new { file.Id }, Ct));
    }

    [Fact]
    public async Task An_unknown_item_or_file_is_a_404()
    {
        var item = await NewItemAsync();

        await (await UploadAsync(Guid.NewGuid(), "guide.pdf", Samples.Pdf())).ProblemAsync(404);
        await (await Admin.GetAsync($"/api/network/toolkit/items/{Guid.NewGuid()}/files", Ct)).ProblemAsync(404);
        await (await Admin.GetAsync($"/api/network/toolkit/items/{item}/files/{Guid.NewGuid()}", Ct)).ProblemAsync(404);
        var file = await (await UploadAsync(item, "guide.pdf", Samples.Pdf())).ReadAsync<ToolkitFileResponse>();
        var other = await NewItemAsync();
        await (await Admin.GetAsync($"/api/network/toolkit/items/{other}/files/{file.Id}", Ct)).ProblemAsync(404);
    }

    [Fact]
    public async Task An_upload_holds_exactly_one_file_in_the_field_file()
    {
        var item = await NewItemAsync();

        var wrongField = await (await UploadAsync(item, "guide.pdf", Samples.Pdf(), field: "attachment")).ProblemAsync(400);
        var two = new MultipartFormDataContent
        {
            { new ByteArrayContent(Samples.Pdf()), "file", "a.pdf" },
            { new ByteArrayContent(Samples.Pdf()), "file", "b.pdf" },
        };
        var twoFiles = await (await Admin.PostAsync($"/api/network/toolkit/items/{item}/files", two, Ct)).ProblemAsync(400);
        var json = await Admin.PostAsync($"/api/network/toolkit/items/{item}/files", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        Assert.Contains("file", wrongField.Errors!.Keys);
        Assert.Contains("file", twoFiles.Errors!.Keys);
        Assert.Equal(415, (int)json.StatusCode);
        Assert.Equal((0, 0), await StoredAsync(item));
    }

    [Fact]
    public async Task A_coordinator_lists_and_downloads_files_but_only_the_office_adds_and_removes_them()
    {
        var item = await NewItemAsync();
        var file = await (await UploadAsync(item, "guide.pdf", Samples.Pdf())).ReadAsync<ToolkitFileResponse>();
        var coordinator = await api.CoordinatorAsync("DSV");

        Assert.Single(await (await coordinator.GetAsync($"/api/network/toolkit/items/{item}/files", Ct)).ReadAsync<List<ToolkitFileResponse>>());
        Assert.Equal(Samples.Pdf(), await (await coordinator.GetAsync($"/api/network/toolkit/items/{item}/files/{file.Id}", Ct)).Content.ReadAsByteArrayAsync(Ct));
        await (await UploadAsync(item, "mine.pdf", Samples.Pdf(), coordinator)).ProblemAsync(403);
        await (await coordinator.DeleteAsync($"/api/network/toolkit/items/{item}/files/{file.Id}", Ct)).ProblemAsync(403);
        Assert.Equal((1, 1), await StoredAsync(item));
    }

    [Fact]
    public async Task An_upload_with_the_session_cookie_but_without_the_anti_forgery_header_is_refused()
    {
        var item = await NewItemAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(Samples.Pdf()), "file", "guide.pdf" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/network/toolkit/items/{item}/files") { Content = form };
        request.Headers.Add(Infrastructure.Identity.CsrfHeader, "not-the-token");

        var problem = await (await Admin.SendAsync(request, Ct)).ProblemAsync(403);

        Assert.Equal(ProblemTypes.AntiForgeryFailed, problem.Type);
        Assert.Equal((0, 0), await StoredAsync(item));
    }
}

/// <summary>Content of each kind the tests upload, made here (no files in the repository).</summary>
internal static class Samples
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static byte[] Of(string kind) => kind switch
    {
        "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"),
        "exe" => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[64]],
        "svg" => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
        "zip" => Zip(("readme.txt", "just a zip")),
        "docm" => Office("wordprocessingml.document", "word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        "zipbomb" => Zip(("[Content_Types].xml", ContentTypes(FileTypes.Docx.ContentType + ".main+xml", "word/document.xml", padding: 2 * FileTypes.MaxContentTypesBytes))),
        "text" => Encoding.UTF8.GetBytes("Just some text, not a PDF."),
        "empty" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>An Office Open XML package whose content types name this main part.</summary>
    public static byte[] Office(string kind, string mainPart, string? mainContentType = null) =>
        Zip(("[Content_Types].xml", ContentTypes(mainContentType ?? $"application/vnd.openxmlformats-officedocument.{kind}.main+xml", mainPart)),
            ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"),
            (mainPart, "<?xml version=\"1.0\"?><root/>"));

    private static string ContentTypes(string mainContentType, string mainPart, int padding = 0) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" + new string(' ', padding)
        + $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainContentType}\"/></Types>";

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>The stores' and names' rules without a host.</summary>
public sealed class FileRuleTests
{
    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("toolkit/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("toolkit//x")]
    [InlineData("Toolkit/X")]
    [InlineData("toolkit\\x")]
    [InlineData("")]
    public void A_key_the_network_does_not_make_never_forms_a_path_in_the_folder_store(string key)
    {
        var store = new FolderFileStore(Options.Create(new ToolkitFileOptions { Folder = Path.GetTempPath() }));

        Assert.False(FileKeys.IsValid(key));
        Assert.Throws<ArgumentException>(() => store.PathOf(key));
    }

    [Fact]
    public void A_key_the_network_makes_lies_inside_the_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "alumni-files-root");
        var store = new FolderFileStore(Options.Create(new ToolkitFileOptions { Folder = root }));
        var key = FileKeys.For(Guid.NewGuid(), Guid.NewGuid());

        Assert.StartsWith(root + Path.DirectorySeparatorChar, store.PathOf(key), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slides.pdf", "png", "slides.png")]
    [InlineData("photo.JPEG", "jpeg", "photo.jpeg")]
    [InlineData("photo.jpg", "jpeg", "photo.jpg")]
    [InlineData("C:\\Users\\ada\\report.pdf", "pdf", "report.pdf")]
    [InlineData("../../report", "pdf", "report.pdf")]
    [InlineData("version 1.2 final", "pdf", "version 1.2 final.pdf")]
    [InlineData("evil\u202Egnp.exe", "png", "evilgnp.png")]
    [InlineData("", "pdf", "file.pdf")]
    [InlineData("...", "gif", "file.gif")]
    public void A_names_extension_is_made_to_match_the_type_found(string uploaded, string extension, string expected)
    {
        Assert.Equal(expected, FileNames.Stored(uploaded, FileTypes.ByExtension(extension)!));
    }

    [Fact]
    public void A_long_name_is_cut_keeping_its_extension()
    {
        var name = FileNames.Stored(new string('a', 300) + ".pdf", FileTypes.Pdf);

        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith("a.pdf", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Gif_and_webp_are_known_by_their_first_bytes()
    {
        Assert.Equal(FileTypes.Gif, FileTypes.Detect(new MemoryStream("GIF89a\x01\x00\x01\x00"u8.ToArray())));
        Assert.Equal(FileTypes.WebP, FileTypes.Detect(new MemoryStream("RIFF\x10\x00\x00\x00WEBPVP8 "u8.ToArray())));
        Assert.Equal(FileTypes.Jpeg, FileTypes.Detect(new MemoryStream([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])));
        Assert.Null(FileTypes.Detect(new MemoryStream("RIFF\x10\x00\x00\x00WAVEfmt "u8.ToArray())));
    }
}
