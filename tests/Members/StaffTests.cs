using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Features.Members;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Members;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Members;

public sealed class StaffTestsOnSqlite(SqliteApi api) : StaffTests(api), IClassFixture<SqliteApi>;

public sealed class StaffTestsOnSqlServer(SqlServerApi api) : StaffTests(api), IClassFixture<SqlServerApi>;

/// <summary>Staff work on members: search, read, change, notes, erasure, campaigns; coordinators only within their departments.</summary>
public abstract class StaffTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coordinator_of_A_cannot_find_read_change_annotate_or_erase_a_member_of_B_only()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ofB = await MemberClients.ActiveMemberAsync(api, $"econ-only-{tag}@alumni.test", "ECON");
        var ofA = await MemberClients.ActiveMemberAsync(api, $"dsv-{tag}@alumni.test", "DSV");
        var memberOfB = await MemberClients.ProfileAsync(ofB);
        var memberOfA = await MemberClients.ProfileAsync(ofA);
        var coordinatorA = await api.CoordinatorAsync("DSV");
        var coordinatorB = await api.CoordinatorAsync("ECON");

        var found = await (await coordinatorA.GetAsync($"/api/members?q={tag}&pageSize=200", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.Equal([memberOfA.Id], found.Items.Select(m => m.Id));
        var byDepartment = await (await coordinatorA.GetAsync($"/api/members?department=ECON&q={tag}", Ct)).ReadAsync<Paged<MemberSummary>>();
        Assert.Empty(byDepartment.Items);
        await (await coordinatorA.GetAsync($"/api/members/{memberOfB.Id}", Ct)).ProblemAsync(404);
        await (await Send(coordinatorA, HttpMethod.Put, $"/api/members/{memberOfB.Id}", Profile("Changed"), "\"*\"")).ProblemAsync(404);
        await (await coordinatorA.PostAsJsonAsync($"/api/members/{memberOfB.Id}/notes", new { text = "A note" }, Json.Options, Ct)).ProblemAsync(404);
        await (await coordinatorA.PostAsync($"/api/members/{memberOfB.Id}/erase", null, Ct)).ProblemAsync(403);

        Assert.Equal(HttpStatusCode.OK, (await coordinatorA.GetAsync($"/api/members/{memberOfA.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinatorB.GetAsync($"/api/members/{memberOfB.Id}", Ct)).StatusCode);
        Assert.Equal("Lovelace", (await MemberClients.ProfileAsync(ofB)).LastName);
    }

    [Fact]
    public async Task Reading_a_member_is_audited_and_changes_need_the_current_etag()
    {
        var member = await MemberClients.ProfileAsync(await MemberClients.ActiveMemberAsync(api, $"audited-{Guid.NewGuid():N}@alumni.test"));
        var admin = await api.AdminAsync();

        var read = await admin.GetAsync($"/api/members/{member.Id}", Ct);
        var record = await read.ReadAsync<StaffMemberResponse>();
        Assert.Equal($"\"{record.Member.Version}\"", read.Headers.ETag?.Tag);
        await (await admin.PutAsJsonAsync($"/api/members/{member.Id}", Profile("Byron"), Json.Options, Ct)).ProblemAsync(428);
        await (await Send(admin, HttpMethod.Put, $"/api/members/{member.Id}", Profile("Byron"), "\"77\"")).ProblemAsync(412);
        var updated = await (await Send(admin, HttpMethod.Put, $"/api/members/{member.Id}", Profile("Byron"), read.Headers.ETag!.Tag)).ReadAsync<MemberResponse>();
        Assert.Equal("Byron", updated.LastName);
        var note = await admin.PostAsJsonAsync($"/api/members/{member.Id}/notes", new { text = "Called about mentoring." }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        await (await admin.PostAsJsonAsync($"/api/members/{member.Id}/notes", new { text = " " }, Json.Options, Ct)).ProblemAsync(400);

        var again = await (await admin.GetAsync($"/api/members/{member.Id}", Ct)).ReadAsync<StaffMemberResponse>();
        Assert.Equal(["Called about mentoring."], again.Notes.Select(n => n.Text));
        var audit = await (await admin.GetAsync($"/api/audit?entityType=member&entityId={member.Id}&pageSize=200", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Equal(2, audit.Items.Count(e => e.Action == "member.read" && e.ActorName == ApiFixture.AdminEmail));
        Assert.Contains(audit.Items, e => e.Action == "member.update");
        Assert.Contains(audit.Items, e => e.Action == "member.note");
    }

    [Fact]
    public async Task Staff_and_keys_cannot_list_a_member_in_the_directory_or_choose_what_it_shows()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var member = await MemberClients.ActiveMemberAsync(api, $"unlisted-{tag}@alumni.test");
        var id = (await MemberClients.ProfileAsync(member)).Id;
        var staff = new[] { await api.AdminAsync(), await api.CoordinatorAsync("DSV"), await api.KeyClientAsync(ApiScopes.MembersRead, ApiScopes.MembersWrite) };

        foreach (var caller in staff)
        {
            var version = (await (await caller.GetAsync($"/api/members/{id}", Ct)).ReadAsync<StaffMemberResponse>()).Member.Version;
            var listed = await (await Send(caller, HttpMethod.Put, $"/api/members/{id}",
                Profile($"Listed{tag}") with { DirectoryListed = true, DirectoryFields = [DirectoryField.Email] }, $"\"{version}\"")).ProblemAsync(400);
            Assert.Equal(["directoryListed"], listed.Errors!.Keys);
            var fields = await (await Send(caller, HttpMethod.Put, $"/api/members/{id}",
                Profile($"Fields{tag}") with { DirectoryFields = [DirectoryField.Email] }, $"\"{version}\"")).ProblemAsync(400);
            Assert.Equal(["directoryFields"], fields.Errors!.Keys);
        }

        var profile = await MemberClients.ProfileAsync(member);
        Assert.Equal(("Lovelace", false, 0), (profile.LastName, profile.DirectoryListed, profile.DirectoryFields.Count));
        Assert.DoesNotContain(profile.Consents, c => c.Channel == ConsentChannel.Directory && c.Granted);
        var reader = await MemberClients.ActiveMemberAsync(api, $"reader-{tag}@alumni.test");
        Assert.DoesNotContain((await (await reader.GetAsync($"/api/directory?q=lovelace&pageSize=200", Ct)).ReadAsync<Paged<DirectoryEntry>>()).Items, e => e.Id == id);
        var changed = await Send(staff[0], HttpMethod.Put, $"/api/members/{id}", Profile($"Byron{tag}"), $"\"{profile.Version}\"");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task Staff_keep_a_members_directory_listing_as_it_is_or_withdraw_it_on_request()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var member = await MemberClients.ActiveMemberAsync(api, $"listed-{tag}@alumni.test");
        var own = await MemberClients.ProfileAsync(member);
        var listing = Profile($"Listed{tag}") with { DirectoryListed = true, DirectoryFields = [DirectoryField.Employer, DirectoryField.City] };
        Assert.Equal(HttpStatusCode.OK, (await Send(member, HttpMethod.Put, "/api/me/profile", listing, $"\"{own.Version}\"")).StatusCode);
        var admin = await api.AdminAsync();
        async Task<MemberResponse> Read() => (await (await admin.GetAsync($"/api/members/{own.Id}", Ct)).ReadAsync<StaffMemberResponse>()).Member;

        var kept = await (await Send(admin, HttpMethod.Put, $"/api/members/{own.Id}",
            listing with { LastName = $"Byron{tag}", DirectoryFields = [DirectoryField.City, DirectoryField.Employer] }, $"\"{(await Read()).Version}\"")).ReadAsync<MemberResponse>();
        Assert.Equal(($"Byron{tag}", true), (kept.LastName, kept.DirectoryListed));
        Assert.Equal([DirectoryField.Employer, DirectoryField.City], kept.DirectoryFields);
        var more = await (await Send(admin, HttpMethod.Put, $"/api/members/{own.Id}",
            listing with { DirectoryFields = [DirectoryField.Employer, DirectoryField.City, DirectoryField.Email] }, $"\"{kept.Version}\"")).ProblemAsync(400);
        Assert.Equal(["directoryFields"], more.Errors!.Keys);

        var withdrawn = await (await Send(admin, HttpMethod.Put, $"/api/members/{own.Id}", listing with { DirectoryListed = false }, $"\"{kept.Version}\"")).ReadAsync<MemberResponse>();

        Assert.False(withdrawn.DirectoryListed);
        Assert.Contains(withdrawn.Consents, c => c.Channel == ConsentChannel.Directory && !c.Granted);
        var export = await (await member.GetAsync("/api/me/export", Ct)).ReadAsync<MyDataExport>();
        Assert.Equal([(false, ConsentMethod.SignUpForm), (true, ConsentMethod.ProfilePage), (false, ConsentMethod.StaffOnRequest)],
            export.ConsentHistory.Where(h => h.Channel == ConsentChannel.Directory).Select(h => (h.Granted, h.Method)));
        var relisted = await Send(admin, HttpMethod.Put, $"/api/members/{own.Id}", listing, $"\"{withdrawn.Version}\"");
        Assert.Equal(["directoryListed"], (await relisted.ProblemAsync(400)).Errors!.Keys);
    }

    [Fact]
    public async Task Search_filters_combine_sort_and_page_with_a_total()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var admin = await api.AdminAsync();
        for (var i = 0; i < 3; i++)
        {
            var member = await MemberClients.ActiveMemberAsync(api, $"search{i}-{tag}@alumni.test", i == 2 ? "ECON" : "DSV");
            var profile = await MemberClients.ProfileAsync(member);
            var change = Profile($"Search{i}{tag}") with
            {
                Country = i == 0 ? "NO" : "SE",
                Employer = $"Employer{tag}",
                Offers = i == 1 ? [MemberOffer.Mentor] : [],
                Interests = ["ai"],
            };
            Assert.Equal(HttpStatusCode.OK, (await Send(member, HttpMethod.Put, "/api/me/profile", change, $"\"{profile.Version}\"")).StatusCode);
        }

        async Task<Paged<MemberSummary>> Search(string query) =>
            await (await admin.GetAsync($"/api/members?q={tag}&{query}", Ct)).ReadAsync<Paged<MemberSummary>>();

        Assert.Equal(3, (await Search("")).Total);
        Assert.Equal(2, (await Search("department=dsv")).Total);
        Assert.Equal(1, (await Search("faculty=SOC&country=no")).Total);
        Assert.Equal(1, (await Search("offers=mentor")).Total);
        Assert.Equal(3, (await Search("graduatedFrom=2020&graduatedTo=2020&tag=AI")).Total);
        Assert.Equal(0, (await Search("graduatedFrom=2021")).Total);
        Assert.Equal(3, (await Search("consent=centralNewsletter&language=sv&status=active")).Total);
        var first = await Search("pageSize=2&page=1&sort=name");
        var second = await Search("pageSize=2&page=2&sort=name");
        Assert.Equal((3, 2, 1), (first.Total, first.Items.Count, second.Items.Count));
        Assert.Equal([$"Search0{tag}", $"Search1{tag}", $"Search2{tag}"], first.Items.Concat(second.Items).Select(m => m.LastName));
        Assert.Equal(["DSV"], first.Items[0].Departments);
        Assert.Equal(2020, first.Items[0].GraduationYear);
        await (await admin.GetAsync("/api/members?sort=shoe", Ct)).ProblemAsync(400);
        await (await admin.GetAsync("/api/members?pageSize=0", Ct)).ProblemAsync(400);
        await (await admin.GetAsync("/api/members?offers=juggling", Ct)).ProblemAsync(400);
    }

    [Fact]
    public async Task A_campaign_link_counts_visits_sign_ups_and_verified_members()
    {
        var coordinator = await api.CoordinatorAsync("DSV");
        await (await coordinator.PostAsJsonAsync("/api/recruitment/campaigns", new CreateCampaignRequest { DepartmentCode = "ECON", Channel = "LinkedIn", Label = "Not mine" }, Json.Options, Ct)).ProblemAsync(400);
        var created = await coordinator.PostAsJsonAsync("/api/recruitment/campaigns", new CreateCampaignRequest { DepartmentCode = "dsv", Channel = "Graduation 2026", Label = "Spring ceremony" }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.ReadAsync<CampaignResponse>();
        using var visitor = api.NewClient();

        var landing = await (await visitor.PostAsync($"/api/recruitment/links/{campaign.Token}/visits", null, Ct)).ReadAsync<CampaignLandingResponse>();
        Assert.Equal(("DSV", "Spring ceremony"), (landing.DepartmentCode, landing.Label));
        await (await visitor.PostAsync("/api/recruitment/links/nope/visits", null, Ct)).ProblemAsync(404);
        var verifiedEmail = $"joined-{Guid.NewGuid():N}@alumni.test";
        await MemberClients.ActiveMemberAsync(api, verifiedEmail, campaign: campaign.Token);
        var pending = await visitor.PostAsJsonAsync("/api/members/sign-up", MemberClients.SignUpFor($"pending-{Guid.NewGuid():N}@alumni.test", campaign: campaign.Token), Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);

        var figures = Assert.Single(await (await coordinator.GetAsync("/api/recruitment/campaigns", Ct)).ReadAsync<List<CampaignResponse>>(), c => c.Id == campaign.Id);
        Assert.Equal((1, 2, 1), (figures.Visits, figures.SignUps, figures.Verified));
        var other = await api.CoordinatorAsync("ECON");
        Assert.DoesNotContain(await (await other.GetAsync("/api/recruitment/campaigns", Ct)).ReadAsync<List<CampaignResponse>>(), c => c.Id == campaign.Id);
    }

    [Fact]
    public async Task An_admin_erases_a_member_on_request_and_it_is_audited()
    {
        var member = await MemberClients.ProfileAsync(await MemberClients.ActiveMemberAsync(api, $"erase-me-{Guid.NewGuid():N}@alumni.test"));
        var admin = await api.AdminAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/members/{member.Id}/erase", null, Ct)).StatusCode);

        await (await admin.PostAsync($"/api/members/{member.Id}/erase", null, Ct)).ProblemAsync(404);
        var audit = await (await admin.GetAsync($"/api/audit?action=member.erase&entityId={member.Id}", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Single(audit.Items);
    }

    [Fact]
    public async Task Pending_sign_ups_older_than_thirty_days_are_purged()
    {
        api.SkipIfUnavailable();
        var email = $"never-verified-{Guid.NewGuid():N}@alumni.test";
        using var visitor = api.NewClient();
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsJsonAsync("/api/members/sign-up", MemberClients.SignUpFor(email), Json.Options, Ct)).StatusCode);
        var purge = api.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<PendingMemberPurge>().Single();
        var admin = await api.AdminAsync();
        Assert.Equal(1, (await (await admin.GetAsync($"/api/members?status=pending&q={email}", Ct)).ReadAsync<Paged<MemberSummary>>()).Total);

        await purge.PurgeAsync(Ct);
        Assert.Equal(1, (await (await admin.GetAsync($"/api/members?status=pending&q={email}", Ct)).ReadAsync<Paged<MemberSummary>>()).Total);

        var later = new PendingMemberPurge(api.Services.GetRequiredService<Alumni.Api.Infrastructure.Data.Database>(),
            new Email.ManualClock(DateTimeOffset.UtcNow.AddDays(31)), api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MembersOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PendingMemberPurge>.Instance);
        Assert.True(await later.PurgeAsync(Ct) >= 1);
        Assert.Equal(0, (await (await admin.GetAsync($"/api/members?status=pending&q={email}", Ct)).ReadAsync<Paged<MemberSummary>>()).Total);
    }

    private static ProfileInput Profile(string lastName) => new() { FirstName = "Ada", LastName = lastName, PreferredLanguage = "sv" };

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json.Options) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request, Ct);
    }
}
