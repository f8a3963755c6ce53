using Alumni.Api.Infrastructure.Data;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace Alumni.Api.Tests.Infrastructure;

/// <summary>
/// The API over a fresh database in SQL Server 2022, run by Testcontainers. Where no Docker engine answers, the
/// fixture records why and the tests using it are skipped with that reason (they are never silently dropped).
/// </summary>
public class SqlServerApi : ApiFixture
{
    private MsSqlContainer? container;

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    protected override async Task<string?> CreateDatabaseAsync()
    {
        try
        {
            container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            await container.StartAsync();
        }
        catch (Exception e)
        {
            UnavailableReason = $"no Docker engine answered, so no SQL Server container could start ({e.GetType().Name}: {FirstLine(e.Message)})";
            return null;
        }

        return await CreateAnotherDatabaseAsync();
    }

    public override Task<string> CreateAnotherDatabaseAsync()
    {
        var builder = new SqlConnectionStringBuilder(container!.GetConnectionString())
        {
            InitialCatalog = "alumni_" + Guid.NewGuid().ToString("N"),
            TrustServerCertificate = true,
        };
        return Task.FromResult(builder.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
