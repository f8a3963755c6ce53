using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts.Departments;
using Alumni.Contracts.Members;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Http;

public sealed class ConcurrencyTestsOnSqlite(SqliteApi api) : ConcurrencyTests(api), IClassFixture<SqliteApi>;

public sealed class ConcurrencyTestsOnSqlServer(SqlServerApi api) : ConcurrencyTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Optimistic concurrency decided by the version-conditional UPDATE: of updates racing on one ETag exactly one wins, the
/// others get 412, and nothing of a losing request is written.
/// </summary>
public abstract class ConcurrencyTests(ApiFixture api)
{
    private const int Racers = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_profile_updates_racing_on_one_version_one_wins_and_the_others_get_412()
    {
        var member = await MemberClients.ActiveMemberAsync(api, $"race-{Guid.NewGuid():N}@alumni.test");
        var version = (await MemberClients.ProfileAsync(member)).Version;

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Put(member, "/api/me/profile", new ProfileInput
        {
            FirstName = "Ada",
            LastName = $"Racer {i}",
            PreferredLanguage = "en",
            Interests = [$"topic-{i}-a", $"topic-{i}-b"],
            Offers = i % 2 == 0 ? [MemberOffer.Mentor] : [MemberOffer.Panel],
        }, version)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Racers - 1, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
        var winner = await responses.Single(r => r.IsSuccessStatusCode).ReadAsync<MemberResponse>();
        var stored = await MemberClients.ProfileAsync(member);
        var i = int.Parse(winner.LastName["Racer ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((version + 1, $"Racer {i}"), (stored.Version, stored.LastName));
        Assert.Equal([$"topic-{i}-a", $"topic-{i}-b"], stored.Interests);
        Assert.Equal(winner.Offers, stored.Offers);
    }

    [Fact]
    public async Task Of_department_updates_racing_on_one_version_one_wins_and_the_others_get_412()
    {
        var admin = await api.SignedInAsync(ApiFixture.AdminEmail);
        var code = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await (await admin.PostAsJsonAsync("/api/departments",
            new CreateDepartmentRequest { Code = code, NameSv = "Kapplöpning", NameEn = "Race", FacultyCode = "SOC" }, Json.Options, Ct)).ReadAsync<DepartmentResponse>();

        var responses = await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Put(admin, $"/api/departments/{code}",
            new UpdateDepartmentRequest { NameSv = $"Namn {i}", NameEn = $"Name {i}", FacultyCode = i % 2 == 0 ? "HUM" : "SOC" }, created.Version)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(Racers - 1, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await responses.Single(r => r.IsSuccessStatusCode).ReadAsync<DepartmentResponse>();
        var stored = await (await admin.GetAsync($"/api/departments/{code}", Ct)).ReadAsync<DepartmentResponse>();
        Assert.Equal((created.Version + 1, winner.NameSv, winner.NameEn, winner.FacultyCode), (stored.Version, stored.NameSv, stored.NameEn, stored.FacultyCode));
    }

    /// <summary>
    /// The interleaving SQLite's single writer never lets the API show (on SQL Server both racers may read the same
    /// version): a write against a version that is no longer current is a 412 and leaves every table as it was.
    /// </summary>
    [Fact]
    public async Task A_write_against_a_version_changed_since_it_was_read_is_a_412_and_writes_nothing()
    {
        var member = await MemberClients.ActiveMemberAsync(api, $"stale-{Guid.NewGuid():N}@alumni.test");
        var profile = await MemberClients.ProfileAsync(member);
        var first = new ProfileInput { FirstName = "Ada", LastName = "First", PreferredLanguage = "en", Interests = ["first"] };
        Assert.Equal(HttpStatusCode.OK, (await Put(member, "/api/me/profile", first, profile.Version)).StatusCode);
        var db = api.Services.GetRequiredService<Database>();

        await using (var session = await db.BeginAsync(Ct))
        {
            var stale = first with { LastName = "Stale", Interests = ["stale"], OtherEmails = ["stale@alumni.test"] };
            var problem = await Assert.ThrowsAsync<ProblemException>(() =>
                MemberSql.SaveProfileAsync(session, profile.Id, profile.Email, stale, profile.Version, DateTimeOffset.UtcNow, Ct));
            Assert.Equal(412, problem.Status);
        }

        var stored = await MemberClients.ProfileAsync(member);
        Assert.Equal("First", stored.LastName);
        Assert.Equal(["first"], stored.Interests);
        Assert.Empty(stored.OtherEmails);
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string url, object body, int version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request, Ct);
    }
}
