using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alumni.Benchmarks;

/// <summary>The machine a benchmark ran on, as the report states it.</summary>
public sealed record MachineInfo(int Cores, string CpuModel, string Memory, string OperatingSystem, string DotnetSdk, string Runtime)
{
    public static MachineInfo Current() => new(
        int.TryParse(Run("nproc"), out var n) ? n : Environment.ProcessorCount,
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown",
        Run("free", "-h"),
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription
            : RuntimeInformation.OSDescription,
        Run("dotnet", "--version"),
        RuntimeInformation.FrameworkDescription);

    private static string Run(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return "unknown";
            }

            var output = process.StandardOutput.ReadToEnd().TrimEnd();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}

/// <summary>Latencies of one query at one level of concurrency.</summary>
public sealed record LevelResult(int Concurrency, int Requests, int Errors, double P50Ms, double P95Ms, double P99Ms, double MeanMs, double MaxMs,
    double Seconds, double RequestsPerSecond, bool StoppedByTimeLimit);

public sealed record QueryResult(string Name, string Path, long Total, IReadOnlyList<LevelResult> Levels);

public sealed record SearchResults(string Command, DateTimeOffset StartedAt, MachineInfo Machine, long Members, string SeedSummary,
    double SeedSeconds, double SeedMembersPerSecond, int RequestsPerLevel, int Warmup, IReadOnlyList<QueryResult> Queries);

public sealed record MemorySample(double Seconds, long ResidentBytes);

public sealed record ApiImportResult(bool Available, string? NotAvailableReason, string? Status, double? Seconds, double? RowsPerSecond,
    long? PeakResidentBytes, long? MaxSampledResidentBytes, int MemorySamples, JsonElement? FinalJob, long? MembersInDatabase, long? AffiliationsInDatabase,
    double? ServerSeconds, IReadOnlyList<MemorySample>? Samples);

public sealed record RawInsertResult(long Rows, long Members, long Affiliations, double Seconds, double RowsPerSecond, string Settings);

public sealed record ImportResults(string Command, DateTimeOffset StartedAt, MachineInfo Machine, long Rows, long CsvMembers, long CsvBytes,
    double CsvSeconds, double CsvRowsPerSecond, RawInsertResult Raw, RawInsertResult? RawDefaultCache, ApiImportResult Api, double? ImportToRawRatio);

public static class ResultFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Save<T>(string path, T result)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(result, Json));
        Console.WriteLine($"Results: {Path.GetFullPath(path)}");
    }

    public static T? Load<T>(string path) where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) : null;
}
