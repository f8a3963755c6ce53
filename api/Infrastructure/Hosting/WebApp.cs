using Microsoft.Extensions.FileProviders;

namespace Alumni.Api.Infrastructure.Hosting;

/// <summary>
/// Serves the built single-page app (web/dist) when it is there: its files, and index.html for client routes.
/// Paths under /api and /health never fall back to the app. <c>Web:DistPath</c> names the folder.
/// </summary>
public static class WebApp
{
    private const string FallbackPattern = "{*path:regex(^(?!api/|api$|health/|openapi/).*$):nonfile}";

    public static WebApplication UseWebApp(this WebApplication app)
    {
        if (Files(app) is { } files)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        return app;
    }

    public static WebApplication MapWebAppFallback(this WebApplication app)
    {
        if (Files(app) is { } files)
        {
            app.MapFallbackToFile(FallbackPattern, "index.html", new StaticFileOptions { FileProvider = files });
        }

        return app;
    }

    private static PhysicalFileProvider? Files(WebApplication app)
    {
        var configured = app.Configuration["Web:DistPath"];
        var candidates = string.IsNullOrWhiteSpace(configured)
            ? [Path.Combine(app.Environment.ContentRootPath, "wwwroot"), Path.Combine(app.Environment.ContentRootPath, "..", "web", "dist")]
            : new[] { Path.GetFullPath(configured, app.Environment.ContentRootPath) };
        var root = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "index.html")));
        return root is null ? null : new PhysicalFileProvider(Path.GetFullPath(root));
    }
}
