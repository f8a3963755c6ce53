using System.Diagnostics;
using System.Globalization;
using Alumni.Api.Infrastructure.Data;
using Alumni.Benchmarks.Api;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>One sample of a send: seconds since the API started, deliveries so far, the API's resident memory.</summary>
public sealed record SendSample(double Seconds, long Delivered, long ResidentBytes);

/// <summary>What a send through the real API process measured and left behind.</summary>
public sealed record SendRunResult(SendCheck Check, long Delivered, double DeliverySeconds, double MessagesPerSecond, double SustainedPerSecond,
    long PeakResidentBytes, bool Killed, long DeliveredAtKill, double Seconds, IReadOnlyList<SendSample> Samples);

/// <summary>
/// A campaign set up in the database (<see cref="SendingScenario"/>) sent by the real API in its own process
/// (<c>dotnet Alumni.Api.dll</c>) to a <see cref="SendingSink"/>: started, optionally killed with SIGKILL once the sink has
/// <c>killAt</c> deliveries and started again over the same database, until the campaign is sent; sampled every few
/// milliseconds (deliveries, VmRSS) and checked at the end. Used by the benchmark and by the automated kill test.
/// </summary>
public static class SendingRun
{
    private static readonly Sql Status = Sql.Portable("SELECT status FROM newsletter_campaigns WHERE id = @CampaignId");

    /// <summary>The API's settings for a send to the sink (more may be added by the caller).</summary>
    public static Dictionary<string, string> Environment(SendingSink sink, int window, int connections, double perSecond, int leaseSeconds) => new()
    {
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp__Security"] = "None",
        ["Smtp__From"] = "Alumni <news@alumni.example>",
        ["Newsletters__PublicBaseUrl"] = "https://alumni.example",
        ["Newsletters__InFlightWindow"] = window.ToString(CultureInfo.InvariantCulture),
        ["Newsletters__SmtpConnections"] = connections.ToString(CultureInfo.InvariantCulture),
        ["Newsletters__MessagesPerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture),
        ["Newsletters__ScheduleEnabled"] = "false",
        ["Jobs__LeaseSeconds"] = leaseSeconds.ToString(CultureInfo.InvariantCulture),
        ["Jobs__PollMilliseconds"] = "100",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public static async Task<SendRunResult> RunAsync(Database db, string workFolder, Guid campaignId, SendingSink sink,
        IReadOnlyDictionary<string, string> environment, string? apiDll, long killAt, TimeSpan timeout, Action<string>? progress = null,
        CancellationToken ct = default)
    {
        var samples = new List<SendSample>();
        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + timeout;
        var api = await ApiProcess.StartAsync(db.ConnectionString, workFolder, TimeSpan.FromMinutes(2), environment, apiDll, "api");
        long peak = 0;
        var killed = false;
        long deliveredAtKill = 0;
        var lastStatusCheck = TimeSpan.Zero;
        var lastProgress = TimeSpan.Zero;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if (clock.Elapsed > deadline)
                {
                    throw new TimeoutException($"The campaign was not sent within {timeout.TotalSeconds:N0} s ({sink.Delivered:N0} delivered); see {api.LogPath}.");
                }

                if (api.HasExited)
                {
                    throw new InvalidOperationException($"The API exited during the send; see {api.LogPath}.");
                }

                var (hwm, rss) = api.Memory();
                peak = Math.Max(peak, hwm);
                samples.Add(new SendSample(clock.Elapsed.TotalSeconds, sink.Delivered, rss));
                if (killAt > 0 && !killed && sink.Delivered >= killAt)
                {
                    deliveredAtKill = sink.Delivered;
                    await api.KillAsync();
                    killed = true;
                    progress?.Invoke($"  killed the API (SIGKILL) at {deliveredAtKill:N0} deliveries; starting it again");
                    await api.DisposeAsync();
                    api = await ApiProcess.StartAsync(db.ConnectionString, workFolder, TimeSpan.FromMinutes(2), environment, apiDll, "api-restarted");
                    continue;
                }

                if (clock.Elapsed - lastStatusCheck > TimeSpan.FromMilliseconds(500))
                {
                    lastStatusCheck = clock.Elapsed;
                    await using var session = await db.OpenAsync(ct);
                    if (await session.ExecuteScalarAsync<string>(Status, new { CampaignId = campaignId }, ct) is "sent" or "cancelled")
                    {
                        break;
                    }
                }

                if (progress is not null && clock.Elapsed - lastProgress > TimeSpan.FromSeconds(10))
                {
                    lastProgress = clock.Elapsed;
                    progress($"  {clock.Elapsed.TotalSeconds,6:N0} s  {sink.Delivered,10:N0} delivered  VmRSS {rss / 1e6:N0} MB");
                }

                await Task.Delay(killAt > 0 && !killed ? 10 : 100, ct);
            }

            var (finalPeak, _) = api.Memory();
            peak = Math.Max(peak, finalPeak);
        }
        finally
        {
            await api.DisposeAsync();
        }

        var check = await SendingScenario.CheckAsync(db, campaignId, sink, ct);
        var delivered = sink.Delivered;
        var seconds = sink.DeliverySeconds;
        return new SendRunResult(check, delivered, seconds, seconds > 0 ? delivered / seconds : 0, Sustained(samples), peak, killed, deliveredAtKill,
            clock.Elapsed.TotalSeconds, samples);
    }

    /// <summary>Deliveries per second between the samples at 10 % and 90 % of all deliveries (start-up and the tail left out).</summary>
    private static double Sustained(IReadOnlyList<SendSample> samples)
    {
        var total = samples.Count == 0 ? 0 : samples[^1].Delivered;
        var from = samples.FirstOrDefault(s => s.Delivered >= total / 10);
        var to = samples.FirstOrDefault(s => s.Delivered >= total * 9 / 10);
        return from is null || to is null || to.Seconds <= from.Seconds ? 0 : (to.Delivered - from.Delivered) / (to.Seconds - from.Seconds);
    }
}
