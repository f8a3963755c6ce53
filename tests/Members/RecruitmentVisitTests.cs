using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Email;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Members;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Members;

public sealed class RecruitmentVisitTestsOnSqlite(SqliteApi api) : RecruitmentVisitTests(api), IClassFixture<SqliteApi>;

public sealed class RecruitmentVisitTestsOnSqlServer(SqlServerApi api) : RecruitmentVisitTests(api), IClassFixture<SqlServerApi>;

/// <summary>Visits of an invitation link, counted once per client per link per day, on a clock the test moves.</summary>
public abstract class RecruitmentVisitTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_client_counts_once_per_link_per_day_another_client_counts_and_the_next_day_counts_again()
    {
        await using var factory = await FactoryAsync();
        var admin = await Infrastructure.Identity.SignInAsync(factory.CreateClient(), api.Mail, ApiFixture.AdminEmail);
        var campaign = await CreateAsync(admin, "Spring ceremony");
        var other = await CreateAsync(admin, "Autumn fair");
        using var first = ClientAddresses.From(admin, "127.0.0.2");
        using var second = ClientAddresses.From(admin, "127.0.0.3");

        for (var i = 0; i < 5; i++)
        {
            await VisitAsync(first, campaign);
            clock.Now += TimeSpan.FromHours(2);
        }

        Assert.Equal(1, await VisitsAsync(admin, campaign));
        await VisitAsync(first, other);
        Assert.Equal((1, 1), (await VisitsAsync(admin, campaign), await VisitsAsync(admin, other)));
        await VisitAsync(second, campaign);
        await VisitAsync(second, campaign);
        Assert.Equal(2, await VisitsAsync(admin, campaign));

        clock.Now = new DateTimeOffset(2026, 11, 29, 0, 0, 1, TimeSpan.Zero);
        await VisitAsync(first, campaign);
        await VisitAsync(first, campaign);
        Assert.Equal(3, await VisitsAsync(admin, campaign));

        // What is kept to tell visitors apart: keyed hashes, never the address, and only of today.
        await using var session = await factory.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var kept = await session.QueryAsync<VisitRow>(Sql.Portable("SELECT day_number AS DayNumber, client_hash AS ClientHash FROM recruitment_visits"), null, Ct);
        Assert.Equal([DateOnly.FromDateTime(clock.Now.UtcDateTime).DayNumber], kept.Select(v => v.DayNumber).Distinct());
        Assert.All(kept, v => Assert.DoesNotContain("127.0.0", v.ClientHash, StringComparison.Ordinal));
    }

    private static async Task<CampaignResponse> CreateAsync(HttpClient admin, string label)
    {
        var created = await admin.PostAsJsonAsync("/api/recruitment/campaigns", new CreateCampaignRequest { DepartmentCode = "DSV", Channel = "Web", Label = label }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.ReadAsync<CampaignResponse>();
    }

    private static async Task VisitAsync(HttpClient visitor, CampaignResponse campaign) =>
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync($"/api/recruitment/links/{campaign.Token}/visits", null, Ct)).StatusCode);

    private static async Task<int> VisitsAsync(HttpClient admin, CampaignResponse campaign) =>
        Assert.Single(await (await admin.GetAsync("/api/recruitment/campaigns", Ct)).ReadAsync<List<CampaignResponse>>(), c => c.Id == campaign.Id).Visits;

    private async Task<WebApplicationFactory<Program>> FactoryAsync()
    {
        api.SkipIfUnavailable();
        var factory = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return factory;
    }

    private sealed record VisitRow
    {
        public int DayNumber { get; init; }
        public string ClientHash { get; init; } = "";
    }
}
