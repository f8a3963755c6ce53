using System.Diagnostics;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Newsletters;
using Alumni.Benchmarks.Api;
using Alumni.Benchmarks.Data;

namespace Alumni.Benchmarks;

/// <summary>
/// The newsletter send of issue 13: N active members who consent to the central newsletter are put straight into a fresh
/// SQLite database, a campaign to them is started there as the campaign's start does it (recipients fixed in batches, a
/// job per batch), and the real API (Release, its own process) sends it to a counting SMTP sink in this process, throttle
/// off. Measured: deliveries per second (over the whole send, and sustained between 10 % and 90 % of it) and the API's
/// peak resident memory (VmHWM). With <c>--kill y</c> the API is killed with SIGKILL a third of the way through and started
/// again; then the send is checked: nobody lost, nobody recorded as sent delivered twice, at most a window uncertain.
/// </summary>
public static class NewsletterBenchmark
{
    public const double MessagesPerSecondTarget = 1_000;

    public static async Task<int> RunAsync(Options options)
    {
        var recipients = options.Int("recipients", 100_000);
        var window = options.Int("window", 50);
        var connections = options.Int("connections", 4);
        var batchSize = options.Int("batch", 500);
        var kill = options.String("kill") is { } k && k != "n";
        var output = options.String("out");
        var command = "dotnet run --project tests/Alumni.Benchmarks -c Release -- bench-newsletter " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2));
        var startedAt = DateTimeOffset.UtcNow;
        var work = Directory.CreateTempSubdirectory("alumni-bench-newsletter-").FullName;
        Console.WriteLine($"Working in {work}");
        try
        {
            if (options.String("no-build") is null)
            {
                ApiProcess.BuildRelease();
            }

            var path = Path.Combine(work, "alumni.db");
            var connectionString = await BenchDatabase.PrepareAsync($"Data Source={path}");
            var db = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString });
            var seeding = Stopwatch.StartNew();
            await SendingScenario.SeedMembersAsync(db, recipients);
            var topic = await SendingScenario.CreateTopicAsync(db);
            var (campaign, jobs) = await SendingScenario.StartAsync(db, topic, batchSize);
            seeding.Stop();
            Console.WriteLine($"{recipients:N0} consenting members and a campaign to them in {jobs.Count:N0} batches of {batchSize} in {seeding.Elapsed.TotalSeconds:N1} s");

            await using var sink = SendingSink.Start();
            var environment = SendingRun.Environment(sink, window, connections, perSecond: 0, leaseSeconds: kill ? 5 : 60);
            environment["Newsletters__BatchSize"] = batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var loadBefore = LoadAverage();
            Console.WriteLine($"Load average before: {loadBefore}");
            var run = await SendingRun.RunAsync(db, work, campaign, sink, environment, null, kill ? recipients / 3 : 0, TimeSpan.FromMinutes(60), Console.WriteLine);
            var loadAfter = LoadAverage();
            var check = run.Check;
            var result = new NewsletterResults(command, startedAt, MachineInfo.Current(), recipients, batchSize, window, connections, kill,
                seeding.Elapsed.TotalSeconds, run.Delivered, run.DeliverySeconds, run.MessagesPerSecond, run.SustainedPerSecond, run.PeakResidentBytes,
                run.DeliveredAtKill, run.Seconds, loadBefore, loadAfter, check,
                run.Samples.Where((_, i) => i % Math.Max(1, run.Samples.Count / 40) == 0 || i == run.Samples.Count - 1).ToList());
            Console.WriteLine($"Sent {run.Delivered:N0} in {run.DeliverySeconds:N1} s (first to last delivery): {run.MessagesPerSecond:N0}/s overall, "
                + $"{run.SustainedPerSecond:N0}/s sustained (10–90 %); API VmHWM {run.PeakResidentBytes / 1e6:N0} MB");
            Console.WriteLine($"Load average after: {loadAfter}");
            Console.WriteLine(check.ToString());
            if (kill)
            {
                Console.WriteLine($"Killed at {run.DeliveredAtKill:N0} deliveries: lost {check.Lost}, sent twice {check.SentTwice}, uncertain {check.Uncertain} (window {window})");
            }

            if (output is not null)
            {
                ResultFiles.Save(output, result);
            }

            return result.Correct ? 0 : 1;
        }
        finally
        {
            BenchDatabase.Delete(Path.Combine(work, "alumni.db"));
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>/proc/loadavg: the 1, 5 and 15 minute load averages (the machine is shared).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

public sealed record NewsletterResults(string Command, DateTimeOffset StartedAt, MachineInfo Machine, int Recipients, int BatchSize, int Window,
    int Connections, bool Kill, double SeedSeconds, long Delivered, double DeliverySeconds, double MessagesPerSecond, double SustainedPerSecond,
    long PeakResidentBytes, long DeliveredAtKill, double Seconds, string LoadAverageBefore, string LoadAverageAfter, SendCheck Check,
    IReadOnlyList<SendSample> Samples)
{
    /// <summary>Nobody lost, nobody recorded as sent delivered twice or never, at most a window uncertain, the campaign sent.</summary>
    public bool Correct => Check.Lost == 0 && Check.Unfinished == 0 && Check.SentTwice == 0 && Check.SentNotDelivered == 0 && Check.Uncertain <= Window
        && Check.CampaignStatus == "sent";
}
