using System.Globalization;
using System.Security.Cryptography;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// The API's services over a fresh SQLite file, sending campaign mail over its SMTP pool to a <see cref="SendingSink"/>,
/// signed with a DKIM key made here; the job worker is off (tests run the batch job themselves), windows of 5, no
/// throttle, no back-off wait. Mail is rendered by <see cref="PlainCampaignMailFactory"/>; <see cref="Transport"/> lets a
/// test act at a moment of the send.
/// </summary>
public sealed class SendingHost : IAsyncLifetime
{
    public const string From = "news@alumni.example";
    public const string BaseUrl = "https://alumni.example";
    public const string Mailbox = "unsubscribe@alumni.example";
    public const int Window = 5;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "alumni-tests", "sending-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? factory;

    public SendingSink Sink { get; private set; } = null!;

    public IServiceProvider Services => factory!.Services;

    public Database Db => Services.GetRequiredService<Database>();

    /// <summary>The transport the batch job uses: the real SMTP pool, with a hook before each mail.</summary>
    public HookedTransport Transport => Services.GetRequiredService<HookedTransport>();

    /// <summary>The DKIM key's public half, as its DNS TXT record gives it.</summary>
    public string DkimPublicKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        Sink = SendingSink.Start(keepMessages: true);
        using var rsa = RSA.Create(2048);
        var keyPath = Path.Combine(folder, "dkim.pem");
        await File.WriteAllTextAsync(keyPath, rsa.ExportRSAPrivateKeyPem());
        DkimPublicKey = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Alumni"] = $"Data Source={Path.Combine(folder, "alumni.db")}",
            ["Web:DistPath"] = Path.Combine(Path.GetTempPath(), "alumni-tests-no-web-app"),
            ["Alumni:BootstrapAdmins:0"] = ApiFixture.AdminEmail,
            ["Jobs:Enabled"] = "false",
            ["Events:ScheduleEnabled"] = "false",
            ["Newsletters:ScheduleEnabled"] = "false",
            ["Imports:Directory"] = Path.Combine(folder, "imports"),
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = Sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = $"Alumni <{From}>",
            ["Newsletters:PublicBaseUrl"] = BaseUrl,
            ["Newsletters:UnsubscribeMailbox"] = Mailbox,
            ["Newsletters:InFlightWindow"] = Window.ToString(CultureInfo.InvariantCulture),
            ["Newsletters:SmtpConnections"] = "2",
            ["Newsletters:MessagesPerSecond"] = "0",
            ["Newsletters:RetrySeconds"] = "0",
            ["Newsletters:DkimDomain"] = "alumni.example",
            ["Newsletters:DkimSelector"] = "news",
            ["Newsletters:DkimPrivateKeyPath"] = keyPath,
        };
        factory = new ApiFactory().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ICampaignMailFactory, PlainCampaignMailFactory>();
                services.AddSingleton(sp => new HookedTransport(sp.GetRequiredService<SmtpPool>()));
                services.AddSingleton<INewsletterTransport>(sp => sp.GetRequiredService<HookedTransport>());
            });
        });
        _ = factory.Services;
        await Task.CompletedTask;
    }

    /// <summary>Runs the batch job of this job id once, as the worker would, and marks the job done.</summary>
    public async Task RunJobAsync(Guid jobId)
    {
        var handler = Services.GetRequiredService<NewsletterBatchJob>();
        await handler.RunAsync(new Job { Id = jobId, Kind = NewsletterBatchJob.JobKind, Attempts = 1 }, TestContext.Current.CancellationToken);
        await using var session = await Db.BeginAsync(TestContext.Current.CancellationToken);
        await session.ExecuteAsync(Sql.Portable("UPDATE jobs SET status = 'succeeded', finished_at = @Now WHERE id = @Id"),
            new { Id = jobId, Now = DateTimeOffset.UtcNow }, TestContext.Current.CancellationToken);
        await session.CommitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Transport.BeforeSend = null;
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Sink.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finalising connection: the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>A transport that calls <see cref="BeforeSend"/> (with the mail's number in this host, from 1) and then the real one.</summary>
public sealed class HookedTransport(INewsletterTransport inner) : INewsletterTransport
{
    private int count;

    public Func<int, NewsletterMail, Task>? BeforeSend { get; set; }

    public async Task<string> SendAsync(NewsletterMail mail, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref count);
        if (BeforeSend is { } hook)
        {
            await hook(n, mail);
        }

        return await inner.SendAsync(mail, ct);
    }

    /// <summary>Counts mails from 1 again (a test's own hook).</summary>
    public void Reset(Func<int, NewsletterMail, Task>? hook)
    {
        Interlocked.Exchange(ref count, 0);
        BeforeSend = hook;
    }
}
