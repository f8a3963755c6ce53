using System.Net.Http.Json;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Newsletters;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Members;
using Alumni.Contracts.Network;

namespace Alumni.Api.Tests.Network;

public sealed class CoverageTestsOnSqlite(SqliteApi api) : CoverageTests(api), IClassFixture<SqliteApi>;

public sealed class CoverageTestsOnSqlServer(SqlServerApi api) : CoverageTests(api), IClassFixture<SqlServerApi>;

public sealed class CoverageAccessTestsOnSqlite(SqliteApi api) : CoverageAccessTests(api), IClassFixture<SqliteApi>;

public sealed class CoverageAccessTestsOnSqlServer(SqlServerApi api) : CoverageAccessTests(api), IClassFixture<SqlServerApi>;

/// <summary>Who reads the coverage, in a database of its own (its coordinator would otherwise count in the figures).</summary>
public abstract class CoverageAccessTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_the_office_reads_the_coverage()
    {
        var coordinator = await api.CoordinatorAsync("DSV");
        await (await coordinator.GetAsync("/api/network/coverage", Ct)).ProblemAsync(403);
        await (await api.NewClient().GetAsync("/api/network/coverage", Ct)).ProblemAsync(401);
        var key = await api.KeyClientAsync("network:read");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await key.GetAsync("/api/network/coverage", Ct)).StatusCode);
    }
}

/// <summary>
/// The office's coverage over a data set whose every figure was worked out by hand (the comments in
/// <see cref="Figures_match_a_seeded_data_set_computed_by_hand"/>); only for the office. Each test class has its own
/// database, so the university's totals are exactly what this class seeds.
/// </summary>
public abstract class CoverageTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Figures_match_a_seeded_data_set_computed_by_hand()
    {
        var admin = await api.AdminAsync();
        var now = DateTimeOffset.UtcNow;
        var lastYear = new DateTimeOffset(now.Year - 1, 6, 1, 12, 0, 0, TimeSpan.Zero);

        // Members, through the real import and each member's own consent (PUT /api/me/consents).
        // DSV: 6 active; 4 consent to department mailings; 2 of the 6 joined last year (one reachable, one not).
        var dsvReachable = await NewsletterData.MembersAsync(api, 4, "DSV", ConsentChannel.DepartmentMailings);
        var dsvOthers = await NewsletterData.MembersAsync(api, 2, "DSV", ConsentChannel.CentralNewsletter);
        // ECON: 6 imported, one of whom unsubscribes from everything (not a member any more): 5 active, 1 of them
        // reachable (the unsubscribed one had consented too, and is not counted), all 5 new this year.
        var econReachable = await NewsletterData.MembersAsync(api, 2, "ECON", ConsentChannel.DepartmentMailings);
        await NewsletterData.MembersAsync(api, 4, "ECON");
        // MATH: 4 of its own, 2 reachable, all new; and one of DSV's reachable new members also studied at MATH: 5
        // members, 3 reachable (0.6), 5 new.
        await NewsletterData.MembersAsync(api, 2, "MATH", ConsentChannel.DepartmentMailings, ConsentChannel.EventInvitations);
        await NewsletterData.MembersAsync(api, 2, "MATH", ConsentChannel.EventInvitations);
        // HIST: no members at all.

        // Test set-up in Members' tables (the owner's), where no endpoint does it: two DSV members imported last year
        // (the import's date moved back), ECON's unsubscribed member, and the second affiliation of a DSV member.
        await ExecuteAsync("UPDATE members SET created_at = @At WHERE id IN (@A, @B)", new { At = lastYear, A = dsvReachable[0].MemberId, B = dsvOthers[0].MemberId });
        await ExecuteAsync("UPDATE members SET status = 'Unsubscribed' WHERE id = @Id", new { Id = econReachable[1].MemberId });
        await ExecuteAsync("""
            INSERT INTO member_affiliations (id, member_id, department_id, programme, degree_type, start_year, end_year, credits, verified, created_at)
            SELECT @Id, @MemberId, id, NULL, 'bachelor', 2015, 2018, 180, 0, @Now FROM department_directory WHERE code = 'MATH'
            """, new { Id = Guid.NewGuid(), MemberId = dsvReachable[1].MemberId, Now = now });

        // Coordinators: rows of coordinator_assignments as net-assign's POST /api/network/assignments makes them
        // (test set-up in the Network's own table until that endpoint is on this branch). DSV: Ada and Bo; ECON: Ada
        // again (so the network has 2 coordinators) and Cai, whose assignment ended yesterday; MATH: only Cai's ended
        // one; HIST: none.
        var ada = await UserAsync(admin, "Ada Lindqvist");
        var bo = await UserAsync(admin, "Bo Ek");
        var cai = await UserAsync(admin, "Cai Berg");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await AssignAsync(ada, "DSV", today.AddYears(-2), null);
        await AssignAsync(bo, "DSV", today.AddMonths(-3), null);
        await AssignAsync(ada, "ECON", today.AddDays(-10), null);
        await AssignAsync(cai, "ECON", today.AddYears(-1), today.AddDays(-1));
        await AssignAsync(cai, "MATH", today.AddYears(-1), today.AddDays(-1));

        // Events: stored rows as the events endpoints store them (EventTestData), the organiser or co-host set in
        // Events' own tables. DSV organised one two months ago (its last); its cancelled one last month and its draft
        // last week do not count. ECON co-hosted the office's completed one 13 months ago (outside the 12 months).
        // MATH's only event is next week: it has not begun, so it is no "last event".
        var dsvEventAt = Trunc(now.AddMonths(-2));
        await OrganisedAsync("DSV", dsvEventAt, "published");
        await OrganisedAsync("DSV", now.AddMonths(-1), "cancelled");
        await OrganisedAsync("DSV", now.AddDays(-7), "draft");
        var econEventAt = Trunc(now.AddMonths(-13));
        var office = await EventTestData.EventAsync(api, status: "completed", startsAt: econEventAt);
        await ExecuteAsync("INSERT INTO event_cohosts (event_id, department_id) SELECT @EventId, id FROM department_directory WHERE code = 'ECON'", new { EventId = office });
        await OrganisedAsync("MATH", now.AddDays(7), "published");

        // Mailings: drafts through the campaigns endpoint, then marked sent as a send leaves them (sending has its own
        // tests). MATH sent one 3 months ago; DSV one 14 months ago (outside); ECON's is still a draft (not a mailing).
        var mathMailAt = Trunc(now.AddMonths(-3));
        var dsvMailAt = Trunc(now.AddMonths(-14));
        await SentCampaignAsync(admin, "MATH", mathMailAt);
        await SentCampaignAsync(admin, "DSV", dsvMailAt);
        await CampaignAsync(admin, "ECON");

        var response = await admin.GetAsync("/api/network/coverage", Ct);
        var coverage = await response.ReadAsync<CoverageResponse>();

        var active = (await NewsletterData.QueryAsync<string>(api, "SELECT code FROM department_directory WHERE is_active = 1", null)).ToHashSet();
        Assert.Equal(active.Count, coverage.Departments.Count);
        Assert.Equal((now.Year, 0.3), (coverage.Year, coverage.LowReachShare));
        Assert.Equal(coverage.Departments.OrderBy(d => d.Figures.FacultyCode, StringComparer.Ordinal).ThenBy(d => d.Figures.DepartmentCode, StringComparer.Ordinal),
            coverage.Departments);

        var dsv = Department(coverage, "DSV");
        Assert.Equal((6, 4, 4, (double?)0.667), Figures(dsv));
        Assert.Equal(["Ada Lindqvist", "Bo Ek"], dsv.CoordinatorNames);
        Assert.Equal((2, dsvEventAt, dsvMailAt, true, false), (dsv.Coordinators, dsv.LastEventAt, dsv.LastMailingAt, dsv.EventInLast12Months, dsv.MailingInLast12Months));
        Assert.Empty(dsv.Reasons);
        Assert.Equal(("SOC", "Department of Computer and Systems Sciences"), (dsv.Figures.FacultyCode, dsv.Figures.NameEn));

        var econ = Department(coverage, "ECON");
        Assert.Equal((5, 5, 1, (double?)0.2), Figures(econ));
        Assert.Equal(["Ada Lindqvist"], econ.CoordinatorNames);
        Assert.Equal((1, econEventAt, (DateTimeOffset?)null, false, false), (econ.Coordinators, econ.LastEventAt, econ.LastMailingAt, econ.EventInLast12Months, econ.MailingInLast12Months));
        Assert.Equal([CoverageReason.NoActivity, CoverageReason.LowReach], econ.Reasons);

        var math = Department(coverage, "MATH");
        Assert.Equal((5, 5, 3, (double?)0.6), Figures(math));
        Assert.Empty(math.CoordinatorNames);
        Assert.Equal((0, (DateTimeOffset?)null, mathMailAt, false, true), (math.Coordinators, math.LastEventAt, math.LastMailingAt, math.EventInLast12Months, math.MailingInLast12Months));
        Assert.Equal([CoverageReason.NoCoordinator], math.Reasons);

        var hist = Department(coverage, "HIST");
        Assert.Equal((0, 0, 0, (double?)null), Figures(hist));
        Assert.Equal((0, (DateTimeOffset?)null, (DateTimeOffset?)null), (hist.Coordinators, hist.LastEventAt, hist.LastMailingAt));
        Assert.Equal([CoverageReason.NoCoordinator, CoverageReason.NoActivity, CoverageReason.LowReach], hist.Reasons);

        // Every other department is untouched: no coordinator, no activity, no members.
        Assert.All(coverage.Departments.Where(d => d.Figures.DepartmentCode is not ("DSV" or "ECON" or "MATH")),
            d => Assert.Equal([CoverageReason.NoCoordinator, CoverageReason.NoActivity, CoverageReason.LowReach], d.Reasons));

        // The needs-support list: all but DSV, the most reasons first, then by code: ECON (2 reasons), MATH (1) last.
        Assert.Equal(active.Count - 1, coverage.NeedsSupport.Count);
        Assert.Equal(active.Except(["DSV", "ECON", "MATH"]).Order(StringComparer.Ordinal).Append("ECON").Append("MATH"),
            coverage.NeedsSupport.Select(d => d.Figures.DepartmentCode));

        // The university: 15 active members once each (DSV 6 + ECON 5 + MATH's own 4), 13 new (15 less DSV's two of
        // last year), 7 reachable (4 + 1 + 2), 7/15 = 0.467; 2 departments with a coordinator, 2 coordinators (Ada,
        // Bo), 2 active in 12 months (DSV's event, MATH's mailing), all but DSV needing support.
        Assert.Equal(new CoverageTotals
        {
            Departments = active.Count,
            WithCoordinator = 2,
            ActiveInLast12Months = 2,
            NeedingSupport = active.Count - 1,
            Coordinators = 2,
            Members = new MemberFiguresTotals { Members = 15, NewMembersThisYear = 13, Reachable = 7, ReachableShare = 0.467 },
        }, coverage.Totals);
    }

    private static DepartmentCoverage Department(CoverageResponse coverage, string code) =>
        Assert.Single(coverage.Departments, d => d.Figures.DepartmentCode == code);

    private static (int Members, int New, int Reachable, double? Share) Figures(DepartmentCoverage d) =>
        (d.Figures.Members, d.Figures.NewMembersThisYear, d.Figures.Reachable, d.Figures.ReachableShare);

    /// <summary>To whole seconds, as every stored instant round-trips.</summary>
    private static DateTimeOffset Trunc(DateTimeOffset at) => new(at.UtcDateTime.Ticks - (at.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private async Task<Guid> UserAsync(HttpClient admin, string name)
    {
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}-{Guid.NewGuid():N}@alumni.test";
        var created = await admin.PostAsJsonAsync("/api/admin/users", new CreateUserRequest { Email = email, DisplayName = name }, Json.Options, Ct);
        return (await created.ReadAsync<UserResponse>()).Id;
    }

    private Task AssignAsync(Guid userId, string department, DateOnly startedOn, DateOnly? endedOn) => ExecuteAsync("""
        INSERT INTO coordinator_assignments (id, user_id, department_id, kind, started_on, ended_on, created_at, updated_at, version)
        SELECT @Id, @UserId, id, 'formal', @StartedOn, @EndedOn, @Now, @Now, 1 FROM department_directory WHERE code = @Code
        """, new { Id = Guid.NewGuid(), UserId = userId, Code = department, StartedOn = startedOn, EndedOn = endedOn, Now = DateTimeOffset.UtcNow });

    private async Task OrganisedAsync(string department, DateTimeOffset startsAt, string status)
    {
        var id = await EventTestData.EventAsync(api, status: status, startsAt: startsAt);
        await ExecuteAsync("UPDATE events SET organiser_department_id = (SELECT id FROM department_directory WHERE code = @Code) WHERE id = @Id",
            new { Id = id, Code = department });
    }

    private async Task<Guid> CampaignAsync(HttpClient admin, string department)
    {
        var topic = await NewsletterData.TopicAsync(api, "department-" + department.ToLowerInvariant());
        var departmentId = await NewsletterData.DepartmentIdAsync(api, department);
        return (await NewsletterData.CreateAsync(admin, NewsletterData.Valid(topic.Id, departmentId, department + " news"))).Id;
    }

    private async Task SentCampaignAsync(HttpClient admin, string department, DateTimeOffset startedAt)
    {
        var id = await CampaignAsync(admin, department);
        await ExecuteAsync("UPDATE newsletter_campaigns SET status = 'sent', started_at = @At, finished_at = @At WHERE id = @Id", new { Id = id, At = startedAt });
    }

    private Task ExecuteAsync(string sql, object args) => NewsletterData.ExecuteAsync(api, sql, args);
}
