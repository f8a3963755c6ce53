namespace Alumni.Api.Features.Network.Files;

/// <summary>The toolkit files' options and stores: the database's always, a folder's or a bucket's where configured.</summary>
public static class FileServices
{
    public static void Add(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ToolkitFileOptions.Section);
        builder.Services.Configure<ToolkitFileOptions>(section);
        var options = section.Get<ToolkitFileOptions>() ?? new ToolkitFileOptions();
        var store = options.Store.Trim().ToLowerInvariant();
        if (store is not (DatabaseFileStore.StoreName or FolderFileStore.StoreName or S3FileStore.StoreName)
            || store == FolderFileStore.StoreName && string.IsNullOrWhiteSpace(options.Folder)
            || store == S3FileStore.StoreName && string.IsNullOrWhiteSpace(options.S3.ServiceUrl)
            || options.MaxBytes <= 0 || options.MaxFilesPerItem <= 0)
        {
            throw new InvalidOperationException(
                "Network:Files: Store is database, folder (with Folder) or s3 (with S3:ServiceUrl, Bucket, AccessKey, SecretKey); MaxBytes and MaxFilesPerItem above 0.");
        }

        builder.Services.AddSingleton<IFileStore, DatabaseFileStore>();
        if (!string.IsNullOrWhiteSpace(options.Folder))
        {
            builder.Services.AddSingleton<IFileStore, FolderFileStore>();
        }

        if (!string.IsNullOrWhiteSpace(options.S3.ServiceUrl))
        {
            builder.Services.AddSingleton<IFileStore, S3FileStore>();
        }

        builder.Services.AddSingleton<FileStores>();
    }
}
