using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

public sealed class SegmentTestsOnSqlite(SqliteApi api) : SegmentTests(api), IClassFixture<SqliteApi>;

public sealed class SegmentTestsOnSqlServer(SqlServerApi api) : SegmentTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Saved segments: each filter of the member search's vocabulary narrows the live count and sample as it says, over
/// active members only; a coordinator counts, samples, saves and reads only within their departments; bad input is a
/// 400 naming the field with nothing written; a segment a campaign still to be sent uses cannot be deleted.
/// </summary>
public abstract class SegmentTests(ApiFixture api)
{
    private const string Segments = "/api/newsletters/segments";

    private static readonly Sql InsertMember = Sql.Portable("""
        INSERT INTO members (id, email, first_name, last_name, preferred_language, country, city, industry, offers_mentor, offers_guest_lecture,
                             offers_study_visit, offers_panel, status, source, search_text, created_at, updated_at)
        VALUES (@Id, @Email, @FirstName, @LastName, @Language, @Country, @City, @Industry, @Mentor, 0, 0, @Panel, @Status, 'Staff', '', @Now, @Now)
        """);

    private static readonly Sql InsertStudy = Sql.Portable("""
        INSERT INTO member_affiliations (id, member_id, department_id, degree_type, end_year, credits, verified, created_at)
        SELECT @AffiliationId, @Id, d.id, 'master', @EndYear, 60, 1, @Now FROM department_directory d WHERE d.code = @Code
        """);

    private static readonly Sql InsertInterest = Sql.Portable("""
        INSERT INTO member_interests (member_id, tag, tag_key) VALUES (@Id, @Tag, @TagKey)
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A member straight into the database: studies as (department code, end year), interests, offers.</summary>
    private async Task<Guid> MemberAsync(string city, string lastName, (string Code, int Year)[] studies, string country = "SE", string language = "sv",
        string? industry = null, bool mentor = false, bool panel = false, string[]? tags = null, string status = "Active")
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        await session.ExecuteAsync(InsertMember, new
        {
            Id = id, Email = $"{id:N}@alumni.test", FirstName = "Test", LastName = lastName, Language = language, Country = country, City = city,
            Industry = industry, Mentor = mentor, Panel = panel, Status = status, Now = now,
        }, Ct);
        foreach (var (code, year) in studies)
        {
            Assert.Equal(1, await session.ExecuteAsync(InsertStudy, new { AffiliationId = Guid.CreateVersion7(), Id = id, Code = code, EndYear = year, Now = now }, Ct));
        }

        foreach (var tag in tags ?? [])
        {
            await session.ExecuteAsync(InsertInterest, new { Id = id, Tag = tag, TagKey = tag.ToLowerInvariant() }, Ct);
        }

        await session.CommitAsync(Ct);
        return id;
    }

    private async Task<Guid> DepartmentIdAsync(string code) =>
        (await AttendanceData.QueryAsync<Guid>(api, "SELECT id FROM department_directory WHERE code = @Code", new { Code = code })).Single();

    private static string City() => "Segmentby-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<SegmentPreview> PreviewAsync(HttpClient staff, SegmentFilter filter, Guid? departmentId = null) =>
        await (await staff.PostAsJsonAsync($"{Segments}/preview", new PreviewSegmentRequest { Filter = filter, DepartmentId = departmentId }, Json.Options, Ct))
            .ReadAsync<SegmentPreview>();

    private static async Task<string[]> NamesAsync(HttpClient staff, SegmentFilter filter, Guid? departmentId = null)
    {
        var preview = await PreviewAsync(staff, filter, departmentId);
        Assert.Equal(preview.Count, preview.Sample.Count);
        return preview.Sample.Select(s => s.Name.Replace("Test ", "", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public async Task Each_filter_narrows_the_count_and_the_sample_to_active_members()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var city = City();
        var a = await MemberAsync(city, "Adams", [("DSV", 2010)], industry: "IT", mentor: true, tags: ["AI"]);
        var b = await MemberAsync(city, "Baker", [("DSV", 2020)], country: "NO", language: "en", industry: "Finance", panel: true, tags: ["Climate"]);
        var c = await MemberAsync(city.ToUpperInvariant(), "Clark", [("MATH", 2015)], language: "en", industry: "It", tags: ["ai"]);
        var d = await MemberAsync(city, "Davis", [("PSY", 2005), ("DSV", 2022)]);
        await MemberAsync(city, "Erased", [("DSV", 2010)], status: "Erased");
        await MemberAsync(city, "Pending", [("DSV", 2010)], status: "Pending");
        await MemberAsync(city, "Unsubscribed", [("DSV", 2010)], status: "Unsubscribed");
        await MemberAsync(City(), "Elsewhere", [("DSV", 2010)]);
        var first = await AttendanceData.EventAsync(api, "DSV", startsAt: DateTimeOffset.UtcNow.AddDays(-10));
        var second = await AttendanceData.EventAsync(api, "DSV");
        await AttendanceData.RegisterAsync(api, first, a, checkedInAt: DateTimeOffset.UtcNow.AddDays(-10));
        await AttendanceData.RegisterAsync(api, first, b);
        await AttendanceData.RegisterAsync(api, second, a);
        await AttendanceData.RegisterAsync(api, second, c, status: "waiting");
        await AttendanceData.RegisterAsync(api, second, d, status: "cancelled");
        var all = new SegmentFilter { City = city.ToLowerInvariant() };

        Assert.Equal(["Adams", "Baker", "Clark", "Davis"], await NamesAsync(admin, all));
        Assert.Equal(["Adams", "Baker", "Davis"], await NamesAsync(admin, all with { Departments = ["dsv"] }));
        Assert.Equal(["Adams", "Baker", "Clark", "Davis"], await NamesAsync(admin, all with { Departments = ["DSV", "MATH"] }));
        Assert.Equal(["Clark"], await NamesAsync(admin, all with { Faculty = "sci" }));
        Assert.Equal(["Baker", "Clark", "Davis"], await NamesAsync(admin, all with { GraduatedFrom = 2015 }));
        Assert.Equal(["Adams", "Davis"], await NamesAsync(admin, all with { GraduatedTo = 2010 }));
        // The studies filters hold for one and the same study: Davis left PSY in 2005 and DSV in 2022.
        Assert.Empty(await NamesAsync(admin, all with { Departments = ["PSY"], GraduatedFrom = 2020 }));
        Assert.Equal(["Davis"], await NamesAsync(admin, all with { Departments = ["PSY"], GraduatedTo = 2005 }));
        Assert.Equal(["Davis"], await NamesAsync(admin, all with { Departments = ["DSV"], GraduatedFrom = 2021 }));
        Assert.Equal(["Adams", "Clark", "Davis"], await NamesAsync(admin, all with { Country = "se" }));
        Assert.Equal(["Baker", "Clark"], await NamesAsync(admin, all with { Language = "EN" }));
        Assert.Equal(["Adams", "Baker"], await NamesAsync(admin, all with { Offers = [MemberOffer.Mentor, MemberOffer.Panel] }));
        Assert.Empty(await NamesAsync(admin, all with { Offers = [MemberOffer.GuestLecture] }));
        Assert.Equal(["Adams", "Clark"], await NamesAsync(admin, all with { Industry = "it" }));
        Assert.Equal(["Adams", "Clark"], await NamesAsync(admin, all with { Tags = ["Ai"] }));
        Assert.Equal(["Adams", "Baker", "Clark"], await NamesAsync(admin, all with { Tags = ["climate", "AI"] }));
        Assert.Equal(["Adams"], await NamesAsync(admin, all with { AttendedEventIds = [first.Id, second.Id] }));
        Assert.Equal(["Adams", "Baker"], await NamesAsync(admin, all with { RegisteredEventIds = [first.Id] }));
        Assert.Equal(["Adams", "Clark"], await NamesAsync(admin, all with { RegisteredEventIds = [second.Id] }));
        Assert.Equal(["Adams"], await NamesAsync(admin, all with { Departments = ["DSV"], Tags = ["ai"], RegisteredEventIds = [second.Id] }));
        Assert.Equal(["Adams", "Baker", "Davis"], await NamesAsync(admin, all, await DepartmentIdAsync("DSV")));

        var sample = (await PreviewAsync(admin, all)).Sample;
        Assert.Equal([a, b, c, d], sample.Select(s => s.MemberId));
        Assert.Equal("Test Adams", sample[0].Name);
    }

    [Fact]
    public async Task A_saved_segment_is_read_changed_with_if_match_counted_and_audited()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var city = City();
        await MemberAsync(city, "Lind", [("DSV", 2012)], tags: ["AI"]);
        await MemberAsync(city, "Berg", [("MATH", 2012)]);

        var response = await admin.PostAsJsonAsync(Segments, new CreateSegmentRequest
        {
            Name = " Alumni in " + city + " ", Description = "Everyone there",
            Filter = new SegmentFilter { City = city, Departments = ["dsv", "DSV"], Tags = ["ai", "AI "] },
        }, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var created = await response.ReadAsync<SegmentResponse>();
        Assert.Equal(("Alumni in " + city, (Guid?)null, 1), (created.Name, created.DepartmentId, created.Version));
        Assert.Equal(["DSV"], created.Filter.Departments);
        Assert.Equal(["ai"], created.Filter.Tags);

        var read = await admin.GetAsync($"{Segments}/{created.Id}", Ct);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created.Filter.Departments, (await read.ReadAsync<SegmentResponse>()).Filter.Departments);
        var counted = await (await admin.GetAsync($"{Segments}/{created.Id}/preview", Ct)).ReadAsync<SegmentPreview>();
        Assert.Equal((1, "Test Lind"), (counted.Count, counted.Sample.Single().Name));

        var change = new UpdateSegmentRequest { Name = "Everyone in " + city, Filter = new SegmentFilter { City = city }, DepartmentId = await DepartmentIdAsync("MATH") };
        await (await Send(admin, HttpMethod.Put, $"{Segments}/{created.Id}", change, null)).ProblemAsync(428);
        await (await Send(admin, HttpMethod.Put, $"{Segments}/{created.Id}", change, "\"7\"")).ProblemAsync(412);
        var changed = await Send(admin, HttpMethod.Put, $"{Segments}/{created.Id}", change, "\"1\"");
        Assert.Equal("\"2\"", changed.Headers.ETag?.Tag);
        var updated = await changed.ReadAsync<SegmentResponse>();
        Assert.Equal(("Everyone in " + city, "MATH", 2), (updated.Name, updated.DepartmentCode, updated.Version));
        // Its department's members only: Berg studied at MATH, Lind did not.
        Assert.Equal(["Test Berg"], (await (await admin.GetAsync($"{Segments}/{created.Id}/preview", Ct)).ReadAsync<SegmentPreview>()).Sample.Select(s => s.Name));

        var listed = await (await admin.GetAsync($"{Segments}?departmentId={updated.DepartmentId}&pageSize=200", Ct)).ReadAsync<Paged<SegmentResponse>>();
        Assert.Contains(listed.Items, s => s.Id == created.Id);
        Assert.DoesNotContain((await (await admin.GetAsync($"{Segments}?central=true&pageSize=200", Ct)).ReadAsync<Paged<SegmentResponse>>()).Items, s => s.Id == created.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await Send(admin, HttpMethod.Delete, $"{Segments}/{created.Id}", null, "\"2\"")).StatusCode);
        await (await admin.GetAsync($"{Segments}/{created.Id}", Ct)).ProblemAsync(404);
        var actions = await AttendanceData.QueryAsync<string>(api, "SELECT action FROM audit_log WHERE entity_id = @Id ORDER BY at, id", new { Id = created.Id.ToString() });
        Assert.Equal(["newsletter.segment-create", "newsletter.segment-update", "newsletter.segment-delete"], actions);
    }

    [Fact]
    public async Task A_coordinator_counts_samples_saves_and_reads_only_within_their_departments()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var dsv = await DepartmentIdAsync("DSV");
        var math = await DepartmentIdAsync("MATH");
        var city = City();
        await MemberAsync(city, "Inside", [("DSV", 2010)]);
        await MemberAsync(city, "Outside", [("MATH", 2010)], tags: ["ai"]);
        var filter = new SegmentFilter { City = city };

        Assert.Equal(["Inside"], await NamesAsync(coordinator, filter, dsv));
        Assert.Empty(await NamesAsync(coordinator, filter with { Faculty = "SCI" }, dsv));
        Assert.Empty(await NamesAsync(coordinator, filter with { Tags = ["ai"] }, dsv));
        var noDepartment = await (await coordinator.PostAsJsonAsync($"{Segments}/preview", new PreviewSegmentRequest { Filter = filter }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["departmentId"], ProblemFields(noDepartment));
        await (await coordinator.PostAsJsonAsync($"{Segments}/preview", new PreviewSegmentRequest { Filter = filter, DepartmentId = math }, Json.Options, Ct)).ProblemAsync(403);
        var otherDepartments = await (await coordinator.PostAsJsonAsync($"{Segments}/preview",
            new PreviewSegmentRequest { Filter = filter with { Departments = ["DSV", "MATH"] }, DepartmentId = dsv }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["filter.departments"], ProblemFields(otherDepartments));

        var before = await SegmentCountAsync();
        await (await coordinator.PostAsJsonAsync(Segments, new CreateSegmentRequest { Name = "Maths", Filter = filter, DepartmentId = math }, Json.Options, Ct)).ProblemAsync(403);
        await (await coordinator.PostAsJsonAsync(Segments, new CreateSegmentRequest { Name = "Everyone", Filter = filter }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(before, await SegmentCountAsync());
        var own = await (await coordinator.PostAsJsonAsync(Segments, new CreateSegmentRequest { Name = "DSV " + city, Filter = filter, DepartmentId = dsv }, Json.Options, Ct))
            .ReadAsync<SegmentResponse>();
        Assert.Equal("DSV", own.DepartmentCode);

        var central = await (await admin.PostAsJsonAsync(Segments, new CreateSegmentRequest { Name = "Central " + city, Filter = filter }, Json.Options, Ct)).ReadAsync<SegmentResponse>();
        var maths = await (await admin.PostAsJsonAsync(Segments, new CreateSegmentRequest { Name = "Maths " + city, Filter = filter, DepartmentId = math }, Json.Options, Ct))
            .ReadAsync<SegmentResponse>();
        Assert.Equal(2, (await (await admin.GetAsync($"{Segments}/{central.Id}/preview", Ct)).ReadAsync<SegmentPreview>()).Count);

        var listed = (await (await coordinator.GetAsync($"{Segments}?pageSize=200", Ct)).ReadAsync<Paged<SegmentResponse>>()).Items.Select(s => s.Id).ToList();
        Assert.Contains(own.Id, listed);
        Assert.DoesNotContain(central.Id, listed);
        Assert.DoesNotContain(maths.Id, listed);
        foreach (var hidden in new[] { central, maths })
        {
            await (await coordinator.GetAsync($"{Segments}/{hidden.Id}", Ct)).ProblemAsync(404);
            await (await coordinator.GetAsync($"{Segments}/{hidden.Id}/preview", Ct)).ProblemAsync(404);
            await (await Send(coordinator, HttpMethod.Put, $"{Segments}/{hidden.Id}", new UpdateSegmentRequest { Name = "Mine now", Filter = filter, DepartmentId = dsv }, "\"1\""))
                .ProblemAsync(404);
            await (await Send(coordinator, HttpMethod.Delete, $"{Segments}/{hidden.Id}", null, "\"1\"")).ProblemAsync(404);
        }

        // Moving their own segment to another department is refused too.
        await (await Send(coordinator, HttpMethod.Put, $"{Segments}/{own.Id}", new UpdateSegmentRequest { Name = "Moved", Filter = filter, DepartmentId = math }, "\"1\""))
            .ProblemAsync(403);
        Assert.Equal("DSV", (await (await coordinator.GetAsync($"{Segments}/{own.Id}", Ct)).ReadAsync<SegmentResponse>()).DepartmentCode);
    }

    public static TheoryData<string, string> BadFilters => new()
    {
        { """{"country":"XX"}""", "filter.country" },
        { """{"language":"de"}""", "filter.language" },
        { """{"graduatedFrom":2010,"graduatedTo":2000}""", "filter.graduatedTo" },
        { """{"departments":["NOPE"]}""", "filter.departments" },
        { """{"faculty":"NOPE"}""", "filter.faculty" },
        { """{"tags":["<b>"]}""", "filter.tags[0]" },
        { """{"offers":["juggling"]}""", "filter.offers" },
        { """{"status":"Active"}""", "filter.status" },
        { """{"tags":null}""", "filter.tags" },
        { """{"attendedEventIds":["not-an-id"]}""", "filter.attendedEventIds" },
    };

    [Theory]
    [MemberData(nameof(BadFilters))]
    public async Task A_bad_filter_is_a_400_naming_the_field_and_nothing_is_written(string filter, string field)
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var before = await SegmentCountAsync();

        foreach (var (url, body) in new[] { (Segments, $$"""{"name":"Bad","filter":{{filter}}}"""), ($"{Segments}/preview", $$"""{"filter":{{filter}}}""") })
        {
            var response = await admin.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
            var problem = await response.ProblemAsync(400);
            Assert.True(problem.Errors!.Keys.Any(k => k.StartsWith(field, StringComparison.Ordinal)), $"{url} {body}: {string.Join(", ", problem.Errors.Keys)}");
        }

        Assert.Equal(before, await SegmentCountAsync());
    }

    /// <summary>As the start of a send uses it: a saved segment's condition ANDed into a statement of its own over <c>member_contacts c</c>.</summary>
    [Fact]
    public async Task A_saved_segments_condition_goes_into_another_statement_with_its_department()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var city = City();
        var inside = await MemberAsync(city, "Holm", [("DSV", 2019)], tags: ["Sailing"]);
        await MemberAsync(city, "Ek", [("MATH", 2019)], tags: ["sailing"]);
        await MemberAsync(city, "Ask", [("DSV", 2019)]);
        var segment = await (await admin.PostAsJsonAsync(Segments, new CreateSegmentRequest
        {
            Name = "Sailors", DepartmentId = await DepartmentIdAsync("DSV"), Filter = new SegmentFilter { City = city, Tags = ["SAILING"] },
        }, Json.Options, Ct)).ReadAsync<SegmentResponse>();
        var db = api.Services.GetRequiredService<Database>();
        await using var session = await db.OpenAsync(Ct);

        var condition = await Alumni.Api.Features.Newsletters.Segments.SegmentSql.ForSegmentAsync(session, segment.Id, "c.member_id", Ct);
        var args = new Dapper.DynamicParameters(new { Language = "sv" });
        args.AddDynamicParams(condition!.Parameters);
        var statement = Sql.Dialects(
            $"SELECT c.member_id FROM member_contacts c WHERE c.preferred_language = @Language AND {condition.Sqlite}",
            $"SELECT c.member_id FROM member_contacts c WHERE c.preferred_language = @Language AND {condition.SqlServer}");

        Assert.Equal([inside], await session.QueryAsync<Guid>(statement, args, Ct));
        Assert.Null(await Alumni.Api.Features.Newsletters.Segments.SegmentSql.ForSegmentAsync(session, Guid.NewGuid(), "c.member_id", Ct));
    }

    [Fact]
    public async Task A_filter_may_leave_out_every_field()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();

        var response = await admin.PostAsync($"{Segments}/preview", new StringContent("""{"filter":{"city":"Nowhere-at-all"}}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(0, (await response.ReadAsync<SegmentPreview>()).Count);
    }

    [Fact]
    public async Task A_bad_name_and_a_long_list_are_400s_naming_them()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var request = new CreateSegmentRequest { Name = " ", Filter = new SegmentFilter { Tags = Enumerable.Range(0, 51).Select(i => $"t{i}").ToList() } };

        var problem = await (await admin.PostAsJsonAsync(Segments, request, Json.Options, Ct)).ProblemAsync(400);

        Assert.Equal(["filter.tags", "name"], ProblemFields(problem));
    }

    [Fact]
    public async Task A_segment_a_campaign_still_to_be_sent_uses_is_not_deleted()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var segment = await (await admin.PostAsJsonAsync(Segments, new CreateSegmentRequest { Name = "In use", Filter = new SegmentFilter { Country = "SE" } }, Json.Options, Ct))
            .ReadAsync<SegmentResponse>();
        var topic = Guid.CreateVersion7();
        var campaign = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using (var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct))
        {
            await session.ExecuteAsync(Sql.Portable("""
                INSERT INTO newsletter_topics (id, topic_key, kind, consent_channel, name_sv, name_en, created_at, updated_at)
                VALUES (@Topic, @Key, 'custom', 'CentralNewsletter', 'Test', 'Test', @Now, @Now)
                """), new { Topic = topic, Key = "segment-test-" + topic.ToString("N"), Now = now }, Ct);
            await session.ExecuteAsync(Sql.Portable("""
                INSERT INTO newsletter_campaigns (id, name, topic_id, segment_id, status, created_at, updated_at)
                VALUES (@Campaign, 'Spring', @Topic, @Segment, 'scheduled', @Now, @Now)
                """), new { Campaign = campaign, Topic = topic, Segment = segment.Id, Now = now }, Ct);
            await session.CommitAsync(Ct);
        }

        await (await Send(admin, HttpMethod.Delete, $"{Segments}/{segment.Id}", null, "\"1\"")).ProblemAsync(409);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Segments}/{segment.Id}", Ct)).StatusCode);

        await AttendanceData.QueryAsync<int>(api, "UPDATE newsletter_campaigns SET status = 'sent' WHERE id = @Id", new { Id = campaign });
        Assert.Equal(HttpStatusCode.NoContent, (await Send(admin, HttpMethod.Delete, $"{Segments}/{segment.Id}", null, "\"1\"")).StatusCode);
        Assert.Equal([1L], await AttendanceData.QueryAsync<long>(api, "SELECT COUNT(*) FROM newsletter_campaigns WHERE id = @Id AND segment_id IS NULL", new { Id = campaign }));
    }

    private static string[] ProblemFields(Alumni.Contracts.Problems.Problem problem) => problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray();

    private async Task<long> SegmentCountAsync() =>
        (await AttendanceData.QueryAsync<long>(api, "SELECT COUNT(*) FROM newsletter_segments", null)).Single();

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
