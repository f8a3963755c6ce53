using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Members;

namespace Alumni.Api.Tests.Members;

public sealed class DirectoryTestsOnSqlite(SqliteApi api) : DirectoryTests(api), IClassFixture<SqliteApi>;

public sealed class DirectoryTestsOnSqlServer(SqlServerApi api) : DirectoryTests(api), IClassFixture<SqlServerApi>;

/// <summary>The alumni directory: listed members, seen by active members, showing only what each chose to show.</summary>
public abstract class DirectoryTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Active_members_see_listed_members_with_only_the_fields_they_chose()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var listed = await MemberClients.ActiveMemberAsync(api, $"listed-{tag}@alumni.test");
        var hidden = await MemberClients.ActiveMemberAsync(api, $"hidden-{tag}@alumni.test");
        var reader = await MemberClients.ActiveMemberAsync(api, $"reader-{tag}@alumni.test");
        await ListAsync(listed, $"Listed{tag}", true, [DirectoryField.Employer, DirectoryField.Affiliations]);
        await ListAsync(hidden, $"Hidden{tag}", false, [DirectoryField.Employer]);

        var page = await (await reader.GetAsync($"/api/directory?q={tag.ToLowerInvariant()}", Ct)).ReadAsync<Paged<DirectoryEntry>>();

        var entry = Assert.Single(page.Items);
        Assert.Equal($"Listed{tag}", entry.LastName);
        Assert.Equal("Analytical Engines AB", entry.Employer);
        Assert.Null(entry.Email);
        Assert.Null(entry.City);
        Assert.Equal(["DSV 2020"], entry.Affiliations);
        var alumnus = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, $"not-a-member-{tag}@alumni.test");
        await (await alumnus.GetAsync("/api/directory", Ct)).ProblemAsync(403);
    }

    [Fact]
    public async Task Filters_find_a_listed_member_only_by_the_fields_they_chose_to_show()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var shows = await MemberClients.ActiveMemberAsync(api, $"shows-{tag}@alumni.test");
        var hides = await MemberClients.ActiveMemberAsync(api, $"hides-{tag}@alumni.test");
        var reader = await MemberClients.ActiveMemberAsync(api, $"reader-{tag}@alumni.test");
        await ListAsync(shows, $"Shows{tag}", true, [DirectoryField.Country, DirectoryField.Offers, DirectoryField.Affiliations], "NO", [MemberOffer.Mentor]);
        await ListAsync(hides, $"Hides{tag}", true, [DirectoryField.Employer], "NO", [MemberOffer.Mentor]);

        async Task<IEnumerable<string>> Found(string filter) =>
            (await (await reader.GetAsync($"/api/directory?q={tag}&{filter}", Ct)).ReadAsync<Paged<DirectoryEntry>>()).Items.Select(e => e.LastName);

        Assert.Equal([$"Hides{tag}", $"Shows{tag}"], await Found(""));
        Assert.Equal([$"Shows{tag}"], await Found("country=no"));
        Assert.Equal([$"Shows{tag}"], await Found("offers=mentor"));
        Assert.Equal([$"Shows{tag}"], await Found("department=dsv"));
        Assert.Equal([$"Shows{tag}"], await Found("country=NO&offers=mentor&department=DSV"));
    }

    private static async Task ListAsync(HttpClient member, string lastName, bool listed, IReadOnlyList<DirectoryField> fields,
        string? country = null, IReadOnlyList<MemberOffer>? offers = null)
    {
        var profile = await MemberClients.ProfileAsync(member);
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/profile")
        {
            Content = JsonContent.Create(new ProfileInput
            {
                FirstName = "Ada",
                LastName = lastName,
                PreferredLanguage = "en",
                City = "Stockholm",
                Employer = "Analytical Engines AB",
                Country = country,
                Offers = offers ?? [],
                DirectoryListed = listed,
                DirectoryFields = fields,
            }, options: Json.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{profile.Version}\"");
        Assert.Equal(HttpStatusCode.OK, (await member.SendAsync(request, Ct)).StatusCode);
    }
}
