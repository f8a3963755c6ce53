using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Alumni.Benchmarks.Api;
using Alumni.Benchmarks.Data;
using Alumni.Benchmarks.Generation;
using Microsoft.Data.Sqlite;

namespace Alumni.Benchmarks;

/// <summary>
/// The member import end to end: a generated CSV of N rows streamed from disk to <c>POST /api/members/imports</c> of
/// the real API (its own process, a fresh database), the job polled until it succeeds or fails; rows/s from the POST
/// to success, and the API process's peak memory (VmHWM, and VmRSS sampled every 200 ms). In the same run the raw
/// insert limit for the same rows, and the ratio of the two.
/// </summary>
public static class ImportBenchmark
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(200);

    public static async Task<int> RunAsync(Options options)
    {
        var rows = options.Long("rows", 1_000_000);
        var seed = options.Int("seed", 42);
        var output = options.String("out");
        var timeout = TimeSpan.FromMinutes(options.Int("timeout-minutes", 60));
        var command = "dotnet run --project tests/Alumni.Benchmarks -c Release -- bench-import " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2));
        var startedAt = DateTimeOffset.UtcNow;
        var work = Directory.CreateTempSubdirectory("alumni-bench-import-").FullName;
        Console.WriteLine($"Working in {work}");
        try
        {
            if (options.String("no-build") is null)
            {
                ApiProcess.BuildRelease();
            }

            var csvPath = Path.Combine(work, "import.csv");
            var csv = ImportCsv.Write(csvPath, rows, seed);
            Console.WriteLine($"Generated {csv.Rows:N0} rows ({csv.Members:N0} members, {csv.Bytes / 1e6:N1} MB) in {csv.Elapsed.TotalSeconds:N1} s: {csv.RowsPerSecond:N0} rows/s");

            var rawPath = Path.Combine(work, "raw.db");
            var raw = await RawInsert.RunAsync(csvPath, $"Data Source={rawPath}");
            BenchDatabase.Delete(rawPath);
            Console.WriteLine($"Raw insert limit: {raw.Rows:N0} rows ({raw.Members:N0} members) in {raw.Seconds:N1} s: {raw.RowsPerSecond:N0} rows/s");

            // The same loop with SQLite's default page cache, as the API's connections have it: what the cache is worth.
            RawInsertResult? rawDefault = null;
            if (options.String("skip-default-cache") is null)
            {
                rawDefault = await RawInsert.RunAsync(csvPath, $"Data Source={rawPath}", cacheKib: null);
                BenchDatabase.Delete(rawPath);
                Console.WriteLine($"Raw insert, default page cache: {rawDefault.Rows:N0} rows in {rawDefault.Seconds:N1} s: {rawDefault.RowsPerSecond:N0} rows/s");
            }

            var apiPath = Path.Combine(work, "api.db");
            var api = await ImportThroughApiAsync(csvPath, apiPath, work, timeout);
            BenchDatabase.Delete(apiPath);
            Console.WriteLine(api.Available
                ? $"Import through the API: {api.Status} in {api.Seconds:N1} s: {api.RowsPerSecond:N0} rows/s; API peak memory (VmHWM) {api.PeakResidentBytes / 1048576.0:N0} MiB"
                : $"Import through the API: not available: {api.NotAvailableReason}");

            var ratio = api.RowsPerSecond is { } importRate && api.Status == "succeeded" ? importRate / raw.RowsPerSecond : (double?)null;
            if (ratio is not null)
            {
                Console.WriteLine($"Import / raw insert limit: {ratio:P0}");
            }

            var result = new ImportResults(command, startedAt, MachineInfo.Current(), csv.Rows, csv.Members, csv.Bytes, csv.Elapsed.TotalSeconds,
                csv.RowsPerSecond, raw, rawDefault, api, ratio);
            if (output is not null)
            {
                ResultFiles.Save(output, result);
            }

            return api.Available && api.Status == "succeeded" ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<ApiImportResult> ImportThroughApiAsync(string csvPath, string databasePath, string work, TimeSpan timeout)
    {
        await using var api = await ApiProcess.StartAsync($"Data Source={databasePath}", work);
        Console.WriteLine($"API (pid {api.ProcessId}) at {api.BaseAddress}");
        string key;
        try
        {
            key = await api.CreateApiKeyAsync("members:import");
        }
        catch (InvalidOperationException e)
        {
            return NotAvailable($"no API key with scope members:import could be made ({e.Message})");
        }

        using var client = api.Client(key);
        var samples = new List<MemorySample>();
        var clock = Stopwatch.StartNew();
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(SampleEvery);
            do
            {
                if (api.HasExited)
                {
                    return;
                }

                var (_, resident) = api.Memory();
                lock (samples)
                {
                    samples.Add(new MemorySample(Math.Round(clock.Elapsed.TotalSeconds, 3), resident));
                }
            }
            while (await timer.WaitForNextTickAsync(stopSampling.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result));
        });

        HttpResponseMessage posted;
        var started = Stopwatch.StartNew();
        await using (var file = new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/members/imports") { Content = new StreamContent(file, 1 << 16) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
            request.Content.Headers.ContentLength = file.Length;
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("D"));
            try
            {
                posted = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            }
            catch (HttpRequestException e)
            {
                await stopSampling.CancelAsync();
                await sampler;
                return NotAvailable($"POST /api/members/imports failed: {e.Message}");
            }
        }

        using (posted)
        {
            if (posted.StatusCode != HttpStatusCode.Accepted || posted.Headers.Location is null)
            {
                await stopSampling.CancelAsync();
                await sampler;
                var body = await posted.Content.ReadAsStringAsync();
                return NotAvailable($"POST /api/members/imports answered {(int)posted.StatusCode} {posted.StatusCode}"
                    + (posted.Headers.Location is null && posted.StatusCode == HttpStatusCode.Accepted ? " without Location" : "")
                    + $": {Shorten(body)}");
            }

            Console.WriteLine($"  accepted after {started.Elapsed.TotalSeconds:N1} s: {posted.Headers.Location}");
            var location = posted.Headers.Location;
            JsonElement job;
            string status;
            var lastPrint = TimeSpan.Zero;
            while (true)
            {
                job = await client.GetFromJsonAsync<JsonElement>(location);
                status = job.GetProperty("status").GetString() ?? "";
                if (status is "succeeded" or "failed" || started.Elapsed > timeout)
                {
                    break;
                }

                if (started.Elapsed - lastPrint > TimeSpan.FromSeconds(5))
                {
                    lastPrint = started.Elapsed;
                    Console.WriteLine($"  {started.Elapsed.TotalSeconds,6:N0} s: {status}, {Number(job, "rowsRead"):N0} rows read, RSS {api.Memory().Resident / 1048576.0:N0} MiB");
                }

                await Task.Delay(250);
            }

            started.Stop();
            var (peak, _) = api.Memory();
            await stopSampling.CancelAsync();
            await sampler;
            var rowsRead = Number(job, "rowsRead");
            double? serverSeconds = job.TryGetProperty("createdAt", out var created) && job.TryGetProperty("finishedAt", out var finished)
                && created.ValueKind == JsonValueKind.String && finished.ValueKind == JsonValueKind.String
                ? (finished.GetDateTimeOffset() - created.GetDateTimeOffset()).TotalSeconds
                : null;
            var (dbMembers, dbStudies) = Count(databasePath);
            return new ApiImportResult(true, null, status == "succeeded" || status == "failed" ? status : $"{status} (timed out)", started.Elapsed.TotalSeconds,
                rowsRead / started.Elapsed.TotalSeconds, peak, samples.Max(s => s.ResidentBytes), samples.Count, job, dbMembers, dbStudies, serverSeconds,
                samples);
        }

        static ApiImportResult NotAvailable(string reason) =>
            new(false, reason, null, null, null, null, null, 0, null, null, null, null, null);
    }

    private static long Number(JsonElement job, string name) =>
        job.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static (long Members, long Studies) Count(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        return (BenchDatabase.Scalar(connection, "SELECT COUNT(*) FROM members"), BenchDatabase.Scalar(connection, "SELECT COUNT(*) FROM member_affiliations"));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
