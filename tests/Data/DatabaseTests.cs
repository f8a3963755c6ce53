using System.Net;
using Alumni.Api.Features.Departments;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alumni.Api.Tests.Data;

public sealed class DatabaseTestsOnSqlite(SqliteApi api) : DatabaseTests(api), IClassFixture<SqliteApi>;

public sealed class DatabaseTestsOnSqlServer(SqlServerApi api) : DatabaseTests(api), IClassFixture<SqlServerApi>;

/// <summary>The data layer on each provider: migrations, start-up seeding, value round-trips, readiness.</summary>
public abstract class DatabaseTests(ApiFixture api)
{
    private static readonly Sql Echo = Sql.Portable("SELECT @Value");
    private static readonly Sql CountDepartments = Sql.Portable("SELECT COUNT(*) FROM departments");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fresh_database_has_every_migration_pending_and_none_after_migrating_twice()
    {
        api.SkipIfUnavailable();
        var database = new Database(new DatabaseOptions { Provider = api.Provider, ConnectionString = await api.CreateAnotherDatabaseAsync() });
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);
        var scripts = Migrator.Scripts(api.Provider).Select(s => s.Name).ToList();

        Assert.Equal(scripts, migrator.Pending());
        await migrator.MigrateAsync(Ct);
        await migrator.MigrateAsync(Ct);

        Assert.Empty(migrator.Pending());
    }

    [Fact]
    public async Task Seeding_runs_once_and_keeps_later_changes()
    {
        api.SkipIfUnavailable();
        var database = new Database(new DatabaseOptions { Provider = api.Provider, ConnectionString = await api.CreateAnotherDatabaseAsync() });
        await new Migrator(database, NullLogger<Migrator>.Instance).MigrateAsync(Ct);
        var seed = new SeedDepartments(database, TimeProvider.System, NullLogger<SeedDepartments>.Instance);

        await seed.RunAsync(Ct);
        await seed.RunAsync(Ct);

        await using var session = await database.OpenAsync(Ct);
        Assert.Equal(44, await session.ExecuteScalarAsync<int>(CountDepartments, null, Ct));
    }

    [Fact]
    public async Task Lower_folds_every_letter_as_dotnet_does_on_both_providers()
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);

        // Searches compare LOWER(column) with text lower-cased in .NET: Swedish names and cities must match.
        Assert.Equal("örebro, åre och älmhult", await session.ExecuteScalarAsync<string>(
            Sql.Portable("SELECT LOWER(@Value)"), new { Value = "ÖREBRO, Åre och Älmhult" }, Ct));
    }

    [Fact]
    public async Task Guids_and_instants_round_trip_unchanged()
    {
        var database = api.Services.GetRequiredService<Database>();
        var id = Guid.CreateVersion7();
        var instant = new DateTimeOffset(2026, 11, 28, 21, 15, 30, 123, TimeSpan.FromHours(1)).AddTicks(4567);
        await using var session = await database.OpenAsync(Ct);

        Assert.Equal(id, await session.ExecuteScalarAsync<Guid>(Echo, new { Value = id }, Ct));
        var read = await session.ExecuteScalarAsync<DateTimeOffset>(Echo, new { Value = instant }, Ct);
        Assert.Equal(instant, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public async Task A_transaction_not_committed_leaves_nothing_behind()
    {
        var database = api.Services.GetRequiredService<Database>();
        long before;
        await using (var session = await database.OpenAsync(Ct))
        {
            before = await session.ExecuteScalarAsync<long>(CountDepartments, null, Ct);
        }

        await using (var session = await database.BeginAsync(Ct))
        {
            await session.ExecuteAsync(Sql.Portable("DELETE FROM departments WHERE code = 'ENG'"), null, Ct);
            Assert.Equal(before - 1, await session.ExecuteScalarAsync<long>(CountDepartments, null, Ct));
        }

        await using (var session = await database.OpenAsync(Ct))
        {
            Assert.Equal(before, await session.ExecuteScalarAsync<long>(CountDepartments, null, Ct));
        }
    }

    [Fact]
    public async Task A_bulk_connection_commits_each_transaction_on_its_own_with_prepared_statements()
    {
        var database = api.Services.GetRequiredService<Database>();
        var id = Guid.CreateVersion7();
        var instant = new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
        var insert = Sql.Portable("INSERT INTO jobs (id, kind, status, created_at) VALUES (@Id, @Kind, @Status, @At)");
        var read = Sql.Portable("SELECT id AS Id, created_at AS CreatedAt FROM jobs WHERE kind = @Kind");
        var kind = "test." + id.ToString("N");

        await using (var bulk = await database.OpenBulkAsync(16, Ct))
        {
            await using (var first = await bulk.BeginAsync(Ct))
            {
                await using var statement = await first.PrepareAsync(insert, ["Id", "Kind", "Status", "At"], Ct);
                Assert.Equal(1, await statement.ExecuteAsync(Ct, id, kind, JobState.Parked, instant));
                await Assert.ThrowsAsync<ArgumentException>(() => statement.ExecuteAsync(Ct, id, kind));
                await first.CommitAsync(Ct);
            }

            await using (var second = await bulk.BeginAsync(Ct))
            {
                await using var statement = await second.PrepareAsync(insert, ["Id", "Kind", "Status", "At"], Ct);
                await statement.ExecuteAsync(Ct, Guid.CreateVersion7(), kind, JobState.Parked, instant);
            }

            await using var third = await bulk.BeginAsync(Ct);
            Assert.Equal([(id, instant)], (await third.QueryAsync<(Guid Id, DateTimeOffset CreatedAt)>(read, new { Kind = kind }, Ct)).ToList());
        }

        await using var session = await database.OpenAsync(Ct);
        Assert.Equal("Parked", await session.ExecuteScalarAsync<string>(Sql.Portable("SELECT status FROM jobs WHERE id = @Id"), new { Id = id }, Ct));
    }

    private enum JobState
    {
        Parked,
    }

    [Fact]
    public async Task The_api_is_live_and_ready_once_migrated()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/health/live", Ct)).StatusCode);
        var ready = await api.Client.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_api_is_not_ready_while_migrations_are_pending()
    {
        api.SkipIfUnavailable();
        var unmigrated = await api.CreateAnotherDatabaseAsync();
        await using var factory = api.CreateFactory(unmigrated, b => b.UseSetting("Database:MigrateOnStart", "false")
            .ConfigureServices(s => s.RemoveAll<Alumni.Api.Infrastructure.Hosting.IStartupTask>()));
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", Ct)).StatusCode);
    }
}
