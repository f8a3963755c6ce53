using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Alumni.Benchmarks.Api;
using Alumni.Benchmarks.Data;

namespace Alumni.Benchmarks;

/// <summary>
/// Staff search under load: a fresh database of N generated members, the real API as its own process, an API key with
/// members:read, then each typical query at each level of concurrency for a fixed number of requests (after a
/// warm-up), timing every request from send to the last byte of the answer.
/// </summary>
public static class SearchBenchmark
{
    /// <summary>The typical staff searches: what the alumni office and coordinators look for.</summary>
    public static readonly (string Name, string Path)[] Queries =
    [
        ("free text: surname fragment", "/api/members?q=ander"),
        ("free text: e-mail fragment", "/api/members?q=hotmail.com"),
        ("department + graduation years", "/api/members?department=DSV&graduatedFrom=2010&graduatedTo=2015"),
        ("country", "/api/members?country=NO"),
        ("offers", "/api/members?offers=mentor"),
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var members = options.Long("members", 500_000);
        var requests = options.Int("requests", 200);
        var warmup = options.Int("warmup", 20);
        var levels = options.Ints("levels", 1, 8, 32);
        var maxSeconds = options.Int("max-seconds", 60);
        var seed = options.Int("seed", 42);
        var output = options.String("out");
        var command = "dotnet run --project tests/Alumni.Benchmarks -c Release -- bench-search " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2));
        var startedAt = DateTimeOffset.UtcNow;
        var work = Directory.CreateTempSubdirectory("alumni-bench-search-").FullName;
        Console.WriteLine($"Working in {work}");
        try
        {
            if (options.String("no-build") is null)
            {
                ApiProcess.BuildRelease();
            }

            Console.WriteLine($"Seeding {members:N0} members ...");
            var seeded = await Seeder.SeedAsync($"Data Source={Path.Combine(work, "alumni.db")}", members, seed, Console.WriteLine);
            Console.WriteLine(seeded.Summary());

            await using var api = await ApiProcess.StartAsync(seeded.ConnectionString, work);
            Console.WriteLine($"API (pid {api.ProcessId}) at {api.BaseAddress}");
            var key = await api.CreateApiKeyAsync("members:read");
            using var client = api.Client(key, connections: levels.Max() * 2);

            var results = new List<QueryResult>();
            foreach (var (name, path) in Queries)
            {
                var total = await WarmUpAsync(client, path, warmup);
                Console.WriteLine($"{name}: {path} ({total:N0} matching members)");
                var perLevel = new List<LevelResult>();
                foreach (var concurrency in levels)
                {
                    var level = await RunLevelAsync(client, path, concurrency, requests, TimeSpan.FromSeconds(maxSeconds));
                    perLevel.Add(level);
                    Console.WriteLine($"  {concurrency,3} clients: {level.Requests,4} requests, {level.Errors} errors, p50 {level.P50Ms,8:N1} ms, "
                        + $"p95 {level.P95Ms,8:N1} ms, p99 {level.P99Ms,8:N1} ms, {level.RequestsPerSecond,7:N1} req/s"
                        + (level.StoppedByTimeLimit ? $" (stopped at the {maxSeconds} s limit)" : ""));
                }

                results.Add(new QueryResult(name, path, total, perLevel));
            }

            var search = new SearchResults(command, startedAt, MachineInfo.Current(), members, seeded.Summary(), seeded.Inserting.TotalSeconds,
                seeded.MembersPerSecond, requests, warmup, results);
            if (output is not null)
            {
                ResultFiles.Save(output, search);
            }

            return results.SelectMany(q => q.Levels).Any(l => l.Errors > 0) ? 1 : 0;
        }
        finally
        {
            BenchDatabase.Delete(Path.Combine(work, "alumni.db"));
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Sends the query a few times one after another; the number of matching members. The search counts exactly up to
    /// 1,000; past that, the rows of the CSV export with the same filters are counted (the export lists every match).
    /// </summary>
    private static async Task<long> WarmUpAsync(HttpClient client, string path, int times)
    {
        long total = -1;
        var exact = true;
        for (var i = 0; i < Math.Max(1, times); i++)
        {
            using var response = await client.GetAsync(path);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            total = page.GetProperty("total").GetInt64();
            exact = page.GetProperty("totalExact").GetBoolean();
        }

        if (!exact)
        {
            await using var export = await client.GetStreamAsync(path.Replace("/api/members?", "/api/members/export?", StringComparison.Ordinal));
            using var reader = new StreamReader(export);
            total = -1;
            while (await reader.ReadLineAsync() is not null)
            {
                total++;
            }
        }

        return total;
    }

    private static async Task<LevelResult> RunLevelAsync(HttpClient client, string path, int concurrency, int requests, TimeSpan limit)
    {
        var latencies = new double[requests];
        var next = -1;
        var done = 0;
        var errors = 0;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < requests && wall.Elapsed < limit)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[Interlocked.Increment(ref done) - 1] = elapsed;
            }
        })).ToList();
        await Task.WhenAll(workers);
        wall.Stop();

        var measured = latencies.Take(done).Order().ToArray();
        return new LevelResult(concurrency, done, errors, Percentile(measured, 50), Percentile(measured, 95), Percentile(measured, 99),
            measured.Average(), measured[^1], wall.Elapsed.TotalSeconds, done / wall.Elapsed.TotalSeconds, done < requests);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
