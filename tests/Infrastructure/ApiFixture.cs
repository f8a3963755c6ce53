using System.Net;
using Alumni.Api.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>
/// The real API on Kestrel at 127.0.0.1 (a random port), over a fresh database of one provider, built by the real
/// migrations. One per test class. Where the provider cannot be had here (SQL Server without Docker) every test
/// that touches <see cref="Client"/> is skipped with the reason.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? factory;
    private HttpClient? client;

    /// <summary>Why this provider is unavailable here, or null.</summary>
    protected string? UnavailableReason { get; set; }

    public abstract DatabaseProvider Provider { get; }

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

        factory = CreateFactory(connectionString);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        client = factory.CreateClient();
    }

    /// <summary>A factory for the API over a database; tests that need other settings or services make their own.</summary>
    public WebApplicationFactory<Program> CreateFactory(string connectionString, Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", Provider.ToString());
            builder.UseSetting("ConnectionStrings:Alumni", connectionString);
            builder.UseSetting("Web:DistPath", Path.Combine(Path.GetTempPath(), "alumni-tests-no-web-app"));
            builder.ConfigureServices(services => services.AddLogging());
            configure?.Invoke(builder);
        });

    /// <summary>Creates an empty database and returns its connection string, or null (setting <see cref="UnavailableReason"/>).</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    /// <summary>A connection string for another empty database of this provider (tests of migration and start-up).</summary>
    public abstract Task<string> CreateAnotherDatabaseAsync();

    public virtual async ValueTask DisposeAsync()
    {
        client?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
