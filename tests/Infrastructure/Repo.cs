using System.Reflection;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>Paths in the repository this test build came from.</summary>
public static class Repo
{
    public static string Root => Metadata("RepoRoot");

    /// <summary>The TypeScript client NSwag generated from the committed openapi.yaml during this build.</summary>
    public static string FreshlyGeneratedClient => Metadata("GeneratedClient");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
