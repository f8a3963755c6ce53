using System.Net;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>
/// The real API on Kestrel at 127.0.0.1 (a random port), over a fresh database of one provider, built by the real
/// migrations. One per test class. Where the provider cannot be had here (SQL Server without Docker) every test
/// that touches <see cref="Client"/> is skipped with the reason.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    /// <summary>Made an admin by configuration (<c>Alumni:BootstrapAdmins</c>) in every test API.</summary>
    public const string AdminEmail = "admin@alumni.test";

    private WebApplicationFactory<Program>? factory;
    private HttpClient? client;
    private readonly Dictionary<string, Task<HttpClient>> signedIn = [];

    /// <summary>The SMTP server the API sends its mail to.</summary>
    public SmtpSink Mail { get; private set; } = null!;

    /// <summary>Why this provider is unavailable here, or null.</summary>
    protected string? UnavailableReason { get; set; }

    public abstract DatabaseProvider Provider { get; }

    /// <summary>False where the provider cannot be had here (then every test using the fixture is skipped).</summary>
    public bool IsAvailable => UnavailableReason is null;

    /// <summary>An HTTP client for the running API; skips the test where the provider is unavailable.</summary>
    public HttpClient Client
    {
        get
        {
            SkipIfUnavailable();
            return client!;
        }
    }

    /// <summary>The API's services (for reading the database behind it, or the contract).</summary>
    public IServiceProvider Services
    {
        get
        {
            SkipIfUnavailable();
            return factory!.Services;
        }
    }

    /// <summary>Skips the calling test, saying why, when the provider is unavailable here.</summary>
    public void SkipIfUnavailable()
    {
        if (UnavailableReason is not null)
        {
            Assert.Skip($"{Provider} tests skipped: {UnavailableReason}");
        }
    }

    public async ValueTask InitializeAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        if (connectionString is null)
        {
            return;
        }

        Mail = await SmtpSink.StartAsync();

        factory = CreateFactory(connectionString);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        client = factory.CreateClient();
    }

    /// <summary>A factory for the API over a database; tests that need other settings or services make their own.</summary>
    public WebApplicationFactory<Program> CreateFactory(string connectionString, Action<IWebHostBuilder>? configure = null) =>
        new ApiFactory().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", Provider.ToString());
            builder.UseSetting("ConnectionStrings:Alumni", connectionString);
            builder.UseSetting("Web:DistPath", Path.Combine(Path.GetTempPath(), "alumni-tests-no-web-app"));
            builder.UseSetting("Alumni:BootstrapAdmins:0", AdminEmail);
            if (Mail is not null)
            {
                builder.UseSetting("Smtp:Host", "127.0.0.1");
                builder.UseSetting("Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting("Smtp:Security", "None");
            }

            // Many sign-ins from one test client: the rate limits have their own tests.
            builder.UseSetting("Identity:CodeRequestsPerClient", "100000");
            builder.UseSetting("Identity:SignInAttemptsPerClient", "100000");
            builder.UseSetting("Identity:CodeRequestsPerAddress", "100000");
            builder.UseSetting("Identity:CodeRequestsPerAddressAndClient", "100000");
            builder.UseSetting("Members:SignUpsPerClientPerHour", "100000");
            builder.UseSetting("Jobs:PollMilliseconds", "50");
            // The event schedule runs when a test runs it, on the test's clock (EventScheduleTests).
            builder.UseSetting("Events:ScheduleEnabled", "false");
            // The newsletters' schedulers (scheduled sends, the welcome series) run when a test runs them (WelcomeSeriesTests).
            builder.UseSetting("Newsletters:ScheduleEnabled", "false");
            builder.UseSetting("Imports:Directory", Path.Combine(Path.GetTempPath(), "alumni-tests-imports", Guid.NewGuid().ToString("N")));
            builder.ConfigureServices(services => services.AddLogging().AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider, ServerErrors>());
            configure?.Invoke(builder);
        });

    /// <summary>A new client without cookies or credentials, on the real HTTP address of the API.</summary>
    public HttpClient NewClient()
    {
        SkipIfUnavailable();
        return factory!.CreateClient();
    }

    /// <summary>A client signed in as this address through the real code flow (cached per address).</summary>
    public Task<HttpClient> SignedInAsync(string email)
    {
        SkipIfUnavailable();
        lock (signedIn)
        {
            if (!signedIn.TryGetValue(email, out var task))
            {
                signedIn[email] = task = Identity.SignInAsync(factory!.CreateClient(), Mail, email);
            }

            return task;
        }
    }

    /// <summary>A client signed in as the bootstrap admin.</summary>
    public Task<HttpClient> AdminAsync() => SignedInAsync(AdminEmail);

    /// <summary>A client signed in as a coordinator of these departments (made so by the admin first).</summary>
    public async Task<HttpClient> CoordinatorAsync(params string[] departmentCodes)
    {
        var email = $"coordinator-{string.Join('-', departmentCodes).ToLowerInvariant()}@alumni.test";
        await Identity.GrantDepartmentsAsync(await AdminAsync(), email, departmentCodes);
        return await SignedInAsync(email);
    }

    /// <summary>A client with a new API key of these scopes.</summary>
    public async Task<HttpClient> KeyClientAsync(params string[] scopes)
    {
        var secret = await Identity.CreateKeyAsync(await AdminAsync(), scopes);
        var keyed = NewClient();
        keyed.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return keyed;
    }

    /// <summary>Creates an empty database and returns its connection string, or null (setting <see cref="UnavailableReason"/>).</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    /// <summary>A connection string for another empty database of this provider (tests of migration and start-up).</summary>
    public abstract Task<string> CreateAnotherDatabaseAsync();

    public virtual async ValueTask DisposeAsync()
    {
        client?.Dispose();
        foreach (var task in signedIn.Values.Where(t => t.IsCompletedSuccessfully))
        {
            task.Result.Dispose();
        }

        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }

        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The API's host factory for tests. Hosts are built and started one at a time in the test process: FastEndpoints keeps
/// process-wide static state (its endpoint registry, serializer options) that each host's start-up writes, and test
/// classes start their hosts in parallel; two start-ups at once can corrupt it (FastEndpoints issues 224 and 1120), after
/// which an unrelated request fails with a 500.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private static readonly Lock StartUp = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (StartUp)
        {
            return base.CreateHost(builder);
        }
    }
}
