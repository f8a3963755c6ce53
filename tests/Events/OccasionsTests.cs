using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Events;

public sealed class OccasionsTestsOnSqlite(SqliteApi api) : OccasionsTests(api), IClassFixture<SqliteApi>;

public sealed class OccasionsTestsOnSqlServer(SqlServerApi api) : OccasionsTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Occasions abroad: admins create and change them (If-Match), coordinators read them; each shows how many active
/// members live in its country and city and how many agreed to event invitations, as counts.
/// </summary>
public abstract class OccasionsTests(ApiFixture api)
{
    private static readonly Sql InsertMember = Sql.Portable("""
        INSERT INTO members (id, email, country, city, status, source, search_text, created_at, updated_at)
        VALUES (@Id, @Email, @Country, @City, @Status, 'Staff', '', @Now, @Now)
        """);

    private static readonly Sql InsertConsent = Sql.Portable("""
        INSERT INTO member_consents (member_id, channel, granted, changed_at) VALUES (@Id, 'EventInvitations', @Granted, @Now)
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CreateOccasionRequest Visit(string country = "CO", string city = "Bogotá", string title = "Rektors besök i Bogotá") => new()
    {
        Title = title,
        Purpose = "Möte med partneruniversitet.\nAlumnimingel på kvällen.",
        City = city,
        Country = country,
        StartsOn = new DateOnly(2026, 9, 14),
        EndsOn = new DateOnly(2026, 9, 17),
    };

    [Fact]
    public async Task An_admin_creates_an_occasion_and_reads_it_back_with_its_etag()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/occasions", Visit(country: " co ", city: "  Bogotá "), Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<OccasionResponse>();
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(("Rektors besök i Bogotá", "Bogotá", "CO", new DateOnly(2026, 9, 14), new DateOnly(2026, 9, 17), 1),
            (created.Title, created.City, created.Country, created.StartsOn, created.EndsOn, created.Version));
        Assert.Equal("Möte med partneruniversitet.\nAlumnimingel på kvällen.", created.Purpose);

        var read = await admin.GetAsync($"/api/occasions/{created.Id}", Ct);
        var detail = await read.ReadAsync<OccasionDetailResponse>();
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal((created.Id, created.Title, created.Purpose, created.StartsOn, created.EndsOn), (detail.Id, detail.Title, detail.Purpose, detail.StartsOn, detail.EndsOn));
        await (await admin.GetAsync($"/api/occasions/{Guid.NewGuid()}", Ct)).ProblemAsync(404);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_creates_nothing()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var before = (await ListAsync(admin, "?country=NR")).Total;
        var bad = Visit(country: "XX", city: " ") with { Title = "", EndsOn = new DateOnly(2026, 9, 13) };

        var problem = await (await admin.PostAsJsonAsync("/api/occasions", bad, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["city", "country", "endsOn", "title"], problem.Errors!.Keys.Order(StringComparer.Ordinal));

        var markup = await (await admin.PostAsJsonAsync("/api/occasions", Visit(country: "NR", city: "Yaren") with { Purpose = "<script>" }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["purpose"], markup.Errors!.Keys);
        var unknown = await (await admin.PostAsJsonAsync("/api/occasions", new { title = "T", city = "Yaren", country = "NR", startsOn = "2026-09-14", endsOn = "2026-09-14", budget = 10 }, Ct)).ProblemAsync(400);
        Assert.Equal(["budget"], unknown.Errors!.Keys);
        var oneLine = await (await admin.PostAsJsonAsync("/api/occasions", Visit(country: "NR", city: "Yaren\nBuada"), Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["city"], oneLine.Errors!.Keys);
        Assert.Equal(before, (await ListAsync(admin, "?country=NR")).Total);

        var oneDay = await admin.PostAsJsonAsync("/api/occasions", Visit(country: "NR", city: "Yaren") with { EndsOn = new DateOnly(2026, 9, 14), Purpose = null }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, oneDay.StatusCode);
        Assert.Null((await oneDay.ReadAsync<OccasionResponse>()).Purpose);
    }

    [Fact]
    public async Task The_figures_count_active_members_in_the_country_and_city_with_and_without_consent()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        await MemberAsync("UY", "Paysandú", consent: true);
        await MemberAsync("UY", "PAYSANDÚ", consent: null);
        await MemberAsync("UY", "paysandú", consent: false);
        await MemberAsync("UY", "Salto", consent: true);
        await MemberAsync("UY", null, consent: true);
        await MemberAsync("UY", "Paysandú", consent: true, status: "Pending");
        await MemberAsync("UY", "Paysandú", consent: true, status: "Erased");
        await MemberAsync("UY", "Paysandú", consent: true, status: "Unsubscribed");
        await MemberAsync("AR", "Paysandú", consent: true);

        var occasion = await CreateAsync(admin, Visit(country: "UY", city: "paysandú", title: "Delegation till Uruguay"));
        var reach = (await GetAsync(admin, occasion.Id)).Reach;
        Assert.Equal((5, 3, 3, 1), (reach.InCountry, reach.InCountryConsented, reach.InCity, reach.InCityConsented));

        var empty = await CreateAsync(admin, Visit(country: "TV", city: "Funafuti", title: "Besök i Tuvalu"));
        var none = (await GetAsync(admin, empty.Id)).Reach;
        Assert.Equal((0, 0, 0, 0), (none.InCountry, none.InCountryConsented, none.InCity, none.InCityConsented));

        // An active member who signed up through the API, with every consent of the sign-up form, counts as without this one.
        await MemberClients.ActiveMemberAsync(api, $"occasion-{Guid.NewGuid():N}@alumni.test");
        Assert.Equal(reach, (await GetAsync(admin, occasion.Id)).Reach);
    }

    [Fact]
    public async Task A_coordinator_reads_occasions_but_cannot_create_or_change_them_and_a_member_cannot_see_them()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var occasion = await CreateAsync(admin, Visit(country: "KE", city: "Nairobi", title: "Alumnimöte i Nairobi"));
        var coordinator = await api.CoordinatorAsync("DSV");

        await (await coordinator.PostAsJsonAsync("/api/occasions", Visit(country: "KE", city: "Mombasa"), Json.Options, Ct)).ProblemAsync(403);
        await (await Send(coordinator, HttpMethod.Put, $"/api/occasions/{occasion.Id}", Update(occasion, "Changed"), "\"1\"")).ProblemAsync(403);
        Assert.Equal(occasion.Title, (await GetAsync(coordinator, occasion.Id)).Title);
        Assert.Equal([occasion.Id], (await ListAsync(coordinator, "?country=KE")).Items.Select(o => o.Id));

        var member = await MemberClients.ActiveMemberAsync(api, $"occasion-member-{Guid.NewGuid():N}@alumni.test");
        await (await member.GetAsync($"/api/occasions/{occasion.Id}", Ct)).ProblemAsync(403);
        await (await member.GetAsync("/api/occasions", Ct)).ProblemAsync(403);
        await (await api.NewClient().GetAsync("/api/occasions", Ct)).ProblemAsync(401);
    }

    [Fact]
    public async Task A_change_needs_the_current_etag()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var occasion = await CreateAsync(admin, Visit(country: "PE", city: "Lima", title: "Besök i Lima"));
        var url = $"/api/occasions/{occasion.Id}";
        var change = Update(occasion, "Besök i Lima och Cusco") with { City = "Cusco", EndsOn = new DateOnly(2026, 9, 20), Purpose = null };

        await (await admin.PutAsJsonAsync(url, change, Json.Options, Ct)).ProblemAsync(428);
        await (await Send(admin, HttpMethod.Put, url, change, "\"7\"")).ProblemAsync(412);
        await (await Send(admin, HttpMethod.Put, $"/api/occasions/{Guid.NewGuid()}", change, "\"1\"")).ProblemAsync(404);
        var invalid = await (await Send(admin, HttpMethod.Put, url, change with { EndsOn = new DateOnly(2026, 9, 1) }, "\"1\"")).ProblemAsync(400);
        Assert.Equal(["endsOn"], invalid.Errors!.Keys);

        var response = await Send(admin, HttpMethod.Put, url, change, "\"1\"");
        var updated = await response.ReadAsync<OccasionResponse>();
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal(("Besök i Lima och Cusco", "Cusco", new DateOnly(2026, 9, 20), (string?)null, 2), (updated.Title, updated.City, updated.EndsOn, updated.Purpose, updated.Version));
        Assert.True(updated.UpdatedAt >= occasion.UpdatedAt);
        await (await Send(admin, HttpMethod.Put, url, change, "\"1\"")).ProblemAsync(412);
        Assert.Equal(2, (await GetAsync(admin, occasion.Id)).Version);
    }

    [Fact]
    public async Task The_list_is_paged_soonest_first_and_filtered_by_country_and_days()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var june = await CreateAsync(admin, Visit(country: "FJ", city: "Suva", title: "June") with { StartsOn = new DateOnly(2027, 6, 1), EndsOn = new DateOnly(2027, 6, 3) });
        var may = await CreateAsync(admin, Visit(country: "FJ", city: "Nadi", title: "May") with { StartsOn = new DateOnly(2027, 5, 10), EndsOn = new DateOnly(2027, 5, 20) });
        var august = await CreateAsync(admin, Visit(country: "FJ", city: "Suva", title: "August") with { StartsOn = new DateOnly(2027, 8, 1), EndsOn = new DateOnly(2027, 8, 1) });
        await CreateAsync(admin, Visit(country: "WS", city: "Apia", title: "Elsewhere") with { StartsOn = new DateOnly(2027, 6, 1), EndsOn = new DateOnly(2027, 6, 2) });

        var all = await ListAsync(admin, "?country=fj");
        Assert.Equal([may.Id, june.Id, august.Id], all.Items.Select(o => o.Id));
        Assert.Equal((3, true), (all.Total, all.TotalExact));
        Assert.Equal([june.Id, august.Id], (await ListAsync(admin, "?country=FJ&from=2027-05-21")).Items.Select(o => o.Id));
        Assert.Equal([may.Id, june.Id], (await ListAsync(admin, "?country=FJ&from=2027-05-20&to=2027-06-01")).Items.Select(o => o.Id));
        var second = await ListAsync(admin, "?country=FJ&page=2&pageSize=2");
        Assert.Equal([august.Id], second.Items.Select(o => o.Id));
        Assert.Equal((2, 2, 3), (second.Page, second.PageSize, second.Total));

        var problem = await (await admin.GetAsync("/api/occasions?country=ZZ&from=2027-06-02&to=2027-06-01&pageSize=0", Ct)).ProblemAsync(400);
        Assert.Equal(["country", "pageSize", "to"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    private async Task MemberAsync(string country, string? city, bool? consent, string status = "Active")
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        await session.ExecuteAsync(InsertMember, new { Id = id, Email = $"reach-{id:N}@alumni.test", Country = country, City = city, Status = status, Now = now }, Ct);
        if (consent is { } granted)
        {
            await session.ExecuteAsync(InsertConsent, new { Id = id, Granted = granted, Now = now }, Ct);
        }
    }

    private static UpdateOccasionRequest Update(OccasionResponse occasion, string title) => new()
    {
        Id = occasion.Id,
        Title = title,
        Purpose = occasion.Purpose,
        City = occasion.City,
        Country = occasion.Country,
        StartsOn = occasion.StartsOn,
        EndsOn = occasion.EndsOn,
    };

    private static async Task<OccasionResponse> CreateAsync(HttpClient admin, CreateOccasionRequest request)
    {
        var response = await admin.PostAsJsonAsync("/api/occasions", request, Json.Options, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.ReadAsync<OccasionResponse>();
    }

    private static async Task<OccasionDetailResponse> GetAsync(HttpClient staff, Guid id) =>
        await (await staff.GetAsync($"/api/occasions/{id}", Ct)).ReadAsync<OccasionDetailResponse>();

    private static async Task<Paged<OccasionResponse>> ListAsync(HttpClient staff, string query) =>
        await (await staff.GetAsync("/api/occasions" + query, Ct)).ReadAsync<Paged<OccasionResponse>>();

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, Ct);
    }
}
