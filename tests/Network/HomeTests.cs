using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Newsletters;
using Alumni.Contracts.Members;
using Alumni.Contracts.Network;

namespace Alumni.Api.Tests.Network;

public sealed class HomeTestsOnSqlite(SqliteApi api) : HomeTests(api), IClassFixture<SqliteApi>;

public sealed class HomeTestsOnSqlServer(SqlServerApi api) : HomeTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The network's start page, for a coordinator (their departments and figures, their departments' open requests) and
/// for the office (the university's totals, every request awaiting a decision). The toolkit, initiatives, support
/// requests and news are written by other parts of the network; here they are rows inserted in the Network's own
/// tables in the test's set-up (marked as such), so the start page is tested before those endpoints exist.
/// </summary>
public abstract class HomeTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_coordinator_sees_their_departments_figures_and_the_networks_news_the_office_the_totals()
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var coordinator = await api.CoordinatorAsync("DSV", "ECON");
        var admin = await api.AdminAsync();

        // Members: DSV 3 (2 reachable), ECON 1 (not reachable), MATH 2 (both reachable; not the coordinator's).
        await NewsletterData.MembersAsync(api, 2, "DSV", ConsentChannel.DepartmentMailings);
        await NewsletterData.MembersAsync(api, 1, "DSV");
        await NewsletterData.MembersAsync(api, 1, "ECON", ConsentChannel.CentralNewsletter);
        await NewsletterData.MembersAsync(api, 2, "MATH", ConsentChannel.DepartmentMailings);

        // ---- Test set-up: rows in the Network's own tables, as the toolkit's, initiatives', support requests' and
        // news' endpoints write them. The toolkit items and initiatives seeded at start-up (all new today) go first, so
        // the start page shows exactly the rows below. ----
        await ExecuteAsync("DELETE FROM toolkit_items", new { });
        await ExecuteAsync("DELETE FROM network_initiatives", new { });
        // Toolkit: a new item (10 days old); an old item with a second version of 5 days ago; an old item last changed
        // 40 days ago (not new); a new item since archived (not shown).
        var fresh = await ToolkitItemAsync(now.AddDays(-10), [(1, now.AddDays(-10), null)]);
        var revised = await ToolkitItemAsync(now.AddDays(-90), [(1, now.AddDays(-90), null), (2, now.AddDays(-5), "New slide for 2027")]);
        await ToolkitItemAsync(now.AddDays(-90), [(1, now.AddDays(-90), null), (2, now.AddDays(-40), "Old change")]);
        var archived = await ToolkitItemAsync(now.AddDays(-3), [(1, now.AddDays(-3), null)]);
        await ExecuteAsync("UPDATE toolkit_items SET archived_at = @Now WHERE id = @Id", new { Id = archived, Now = now });

        // Initiatives: an old open one (shown), a new closed one (shown: new), an old closed one and an open one whose
        // period is over (neither shown).
        var openOld = await InitiativeAsync("open", now.AddDays(-100), today.AddDays(-100), null);
        var closedNew = await InitiativeAsync("closed", now.AddDays(-2), today.AddDays(10), today.AddDays(11));
        await InitiativeAsync("closed", now.AddDays(-100), today.AddDays(-100), today.AddDays(-50));
        await InitiativeAsync("open", now.AddDays(-100), today.AddDays(-100), today.AddDays(-1));

        // Support requests: DSV's submitted and approved ones, MATH's submitted one that ECON takes part in, MATH's
        // approved one (not theirs), DSV's declined one (not open).
        var dsvSubmitted = await SupportRequestAsync("DSV", "submitted", today.AddDays(20), now.AddDays(-1), []);
        var dsvApproved = await SupportRequestAsync("DSV", "approved", today.AddDays(30), now.AddDays(-8), []);
        var mathWithEcon = await SupportRequestAsync("MATH", "submitted", today.AddDays(10), now.AddDays(-2), ["ECON"]);
        await SupportRequestAsync("MATH", "approved", today.AddDays(5), now.AddDays(-3), []);
        await SupportRequestAsync("DSV", "declined", today.AddDays(5), now.AddDays(-3), []);

        // News: seven published items a day apart (the latest five shown), one archived and one to be published tomorrow.
        var news = new List<Guid>();
        for (var i = 1; i <= 7; i++)
        {
            news.Add(await NewsAsync(now.AddDays(-i), archived: false));
        }

        await NewsAsync(now.AddHours(-1), archived: true);
        await NewsAsync(now.AddDays(1), archived: false);
        // ---- End of the Network's rows. ----

        // Meetings: events for the coordinators, stored as the events endpoints store them: two published upcoming ones
        // (the later one online), a past one, a cancelled one and a draft (none of these three shown).
        var soon = await EventTestData.EventAsync(api, audience: "coordinators", startsAt: now.AddDays(3), title: "Network meeting");
        var later = await EventTestData.EventAsync(api, audience: "coordinators", startsAt: now.AddDays(40), title: "Spring meeting", onlineUrl: "https://meet.example.org/x");
        await EventTestData.EventAsync(api, audience: "coordinators", startsAt: now.AddDays(-10));
        await EventTestData.EventAsync(api, audience: "coordinators", status: "cancelled", startsAt: now.AddDays(5));
        await EventTestData.EventAsync(api, audience: "coordinators", status: "draft", startsAt: now.AddDays(6));
        await EventTestData.EventAsync(api, audience: "all", startsAt: now.AddDays(2));

        var mine = await (await coordinator.GetAsync("/api/network/home", Ct)).ReadAsync<NetworkHomeResponse>();

        Assert.False(mine.Office);
        Assert.Null(mine.University);
        Assert.Equal([("DSV", 3, 3, 2, (double?)0.667), ("ECON", 1, 1, 0, (double?)0)],
            mine.Departments.Select(d => (d.DepartmentCode, d.Members, d.NewMembersThisYear, d.Reachable, d.ReachableShare)));
        Assert.Equal([(revised, 2, "New slide for 2027", false), (fresh, 1, (string?)null, true)],
            mine.Toolkit.Select(t => (t.ItemId, t.VersionNumber, t.ChangeNote, t.IsNew)));
        Assert.Equal("Item (en)", mine.Toolkit[0].TitleEn);
        Assert.Equal([(closedNew, true), (openOld, false)], mine.Initiatives.Select(i => (i.Id, i.IsNew)));
        Assert.Equal([(mathWithEcon, "MATH", "submitted"), (dsvSubmitted, "DSV", "submitted"), (dsvApproved, "DSV", "approved")],
            mine.SupportRequests.Select(r => (r.Id, r.DepartmentCode, r.Status)));
        Assert.Equal([(soon, false), (later, true)], mine.Meetings.Select(m => (m.EventId, m.Online)));
        Assert.Equal("Network meeting", mine.Meetings[0].TitleEn);
        Assert.Equal(news.Take(5), mine.News.Select(n => n.Id));

        var office = await (await admin.GetAsync("/api/network/home", Ct)).ReadAsync<NetworkHomeResponse>();

        Assert.True(office.Office);
        Assert.Empty(office.Departments);
        Assert.Equal(new MemberFiguresTotals { Members = 6, NewMembersThisYear = 6, Reachable = 4, ReachableShare = 0.667 }, office.University);
        // Everything awaiting a decision, whoever asked: by start.
        Assert.Equal([mathWithEcon, dsvSubmitted], office.SupportRequests.Select(r => r.Id));
        Assert.Equal(mine.Toolkit, office.Toolkit);
        Assert.Equal(mine.News, office.News);
    }

    [Fact]
    public async Task Staff_read_it_and_nobody_else()
    {
        await (await api.NewClient().GetAsync("/api/network/home", Ct)).ProblemAsync(401);
        // A signed-in person who is not staff (no member record made: the figures of the other test stay exact).
        var person = await api.SignedInAsync("not-staff@alumni.test");
        await (await person.GetAsync("/api/network/home", Ct)).ProblemAsync(403);
        var key = await api.KeyClientAsync("network:read");
        Assert.True((await (await key.GetAsync("/api/network/home", Ct)).ReadAsync<NetworkHomeResponse>()).Office);
    }

    private async Task<Guid> ToolkitItemAsync(DateTimeOffset createdAt, IReadOnlyList<(int Number, DateTimeOffset At, string? Note)> versions)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO toolkit_items (id, kind, current_version, created_at, updated_at, version)
            VALUES (@Id, 'message', @Current, @CreatedAt, @CreatedAt, @Current)
            """, new { Id = id, Current = versions.Count, CreatedAt = createdAt });
        foreach (var v in versions)
        {
            await ExecuteAsync("""
                INSERT INTO toolkit_item_versions (item_id, number, title_sv, title_en, body_sv, body_en, change_note, created_at)
                VALUES (@Id, @Number, 'Objekt (sv)', 'Item (en)', 'Text', 'Text', @Note, @At)
                """, new { Id = id, v.Number, v.Note, v.At });
        }

        return id;
    }

    private async Task<Guid> InitiativeAsync(string status, DateTimeOffset createdAt, DateOnly startsOn, DateOnly? endsOn)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO network_initiatives (id, kind, title_sv, title_en, starts_on, ends_on, status, created_at, updated_at, version)
            VALUES (@Id, 'initiative', 'Alumnidagen', 'Alumni day', @StartsOn, @EndsOn, @Status, @CreatedAt, @CreatedAt, 1)
            """, new { Id = id, Status = status, CreatedAt = createdAt, StartsOn = startsOn, EndsOn = endsOn });
        return id;
    }

    private async Task<Guid> SupportRequestAsync(string department, string status, DateOnly startsOn, DateTimeOffset createdAt, IReadOnlyList<string> alsoTakingPart)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO network_support_requests (id, department_id, title, starts_on, ends_on, status, created_at, updated_at, version)
            SELECT @Id, id, 'A joint evening', @StartsOn, @StartsOn, @Status, @CreatedAt, @CreatedAt, 1 FROM department_directory WHERE code = @Code
            """, new { Id = id, Code = department, StartsOn = startsOn, Status = status, CreatedAt = createdAt });
        foreach (var code in alsoTakingPart.Prepend(department))
        {
            await ExecuteAsync("""
                INSERT INTO network_support_request_departments (request_id, department_id)
                SELECT @Id, id FROM department_directory WHERE code = @Code
                """, new { Id = id, Code = code });
        }

        return id;
    }

    private async Task<Guid> NewsAsync(DateTimeOffset publishedAt, bool archived)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO network_news (id, title_sv, title_en, body_sv, body_en, published_at, created_at, updated_at, archived_at, version)
            VALUES (@Id, 'Nyhet', 'News', 'Text', 'Text', @PublishedAt, @PublishedAt, @PublishedAt, @ArchivedAt, 1)
            """, new { Id = id, PublishedAt = publishedAt, ArchivedAt = archived ? publishedAt : (DateTimeOffset?)null });
        return id;
    }

    private Task ExecuteAsync(string sql, object args) => NewsletterData.ExecuteAsync(api, sql, args);
}
