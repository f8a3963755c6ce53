using Alumni.Api.Features.Departments;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// The kill test, small: the built API (<c>dotnet api/bin/&lt;configuration&gt;/net10.0/Alumni.Api.dll</c>) sends a
/// campaign of 2,000 recipients to a counting SMTP sink, is killed with SIGKILL mid-send, is started again over the same
/// SQLite file and finishes the send. Then nobody is lost (every recipient sent, uncertain or skipped), nobody recorded
/// as sent was delivered twice (or never), and no more are uncertain than one in-flight window. The send is throttled
/// so that the kill surely lands mid-send; nothing is asserted on timing.
/// </summary>
public sealed class SendingKillTests : IAsyncLifetime
{
    private const int Recipients = 2_000;
    private const int Window = 50;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "alumni-tests", "sending-kill-" + Guid.NewGuid().ToString("N"));
    private SendingSink sink = null!;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        sink = SendingSink.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await sink.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }

    /// <summary>The API as this test run built it (the same configuration as the tests).</summary>
    private static string ApiDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(Infrastructure.Repo.Root, "api", "bin", configuration, "net10.0", "Alumni.Api.dll");
        }
    }

    [Fact]
    public async Task A_send_killed_mid_way_and_restarted_loses_nobody_sends_nobody_twice_and_leaves_at_most_a_window_uncertain()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.SkipUnless(typeof(ICampaignMailFactory).Assembly.GetTypes().Any(t => typeof(ICampaignMailFactory).IsAssignableFrom(t) && !t.IsInterface),
            "The API has no campaign renderer (ICampaignMailFactory) yet: its process cannot make campaign mail.");
        Assert.True(File.Exists(ApiDll), $"{ApiDll} is built with the tests");
        TypeHandlers.Register();
        var db = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "alumni.db")}" });
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(ct);
        await new SeedDepartments(db, TimeProvider.System, NullLogger<SeedDepartments>.Instance).RunAsync(ct);
        await SendingScenario.SeedMembersAsync(db, Recipients, ct: ct);
        var topic = await SendingScenario.CreateTopicAsync(db, ct);
        var (campaign, _) = await SendingScenario.StartAsync(db, topic, batchSize: 250, ct: ct);
        // 400 a second: the send takes seconds, so the kill at a quarter of it lands mid-send on any machine.
        var environment = SendingRun.Environment(sink, Window, connections: 4, perSecond: 400, leaseSeconds: 3);

        var run = await SendingRun.RunAsync(db, folder, campaign, sink, environment, ApiDll, killAt: Recipients / 4, TimeSpan.FromMinutes(5), ct: ct);

        var check = run.Check;
        Assert.True(run.Killed);
        Assert.InRange(run.DeliveredAtKill, 1, Recipients - 1);
        Assert.Equal(Recipients, check.Recipients);
        Assert.True(check.Lost == 0 && check.Unfinished == 0, check.ToString());
        Assert.True(check.SentTwice == 0, check.ToString());
        Assert.True(check.SentNotDelivered == 0, check.ToString());
        Assert.True(check.Uncertain <= Window, check.ToString());
        Assert.Equal("sent", check.CampaignStatus);
        Assert.All(sink.Counts.Values, n => Assert.Equal(1, n));
    }
}
