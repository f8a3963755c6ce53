using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Events;

public sealed class EventTestsOnSqlite(SqliteApi api) : EventTests(api), IClassFixture<SqliteApi>;

public sealed class EventTestsOnSqlServer(SqlServerApi api) : EventTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Events as staff write them (create, update with If-Match, publish, cancel, complete) within the department scope,
/// as members of their audience read them, and as the public list shows them: every bad input is a 400 naming the
/// field with nothing written, the online link is only for a confirmed registration.
/// </summary>
public abstract class EventTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Start = new(2031, 5, 14, 16, 0, 0, TimeSpan.Zero);

    public static CreateEventRequest Valid(string title) => new()
    {
        Kind = EventKind.Reunion,
        OrganiserDepartmentCode = "DSV",
        TitleSv = title + " (sv)",
        TitleEn = title,
        SummaryEn = "Meet again",
        DescriptionEn = "## Programme\n\n- Coffee\n- [Map](https://maps.example.org)\n\n<script>alert(1)</script>",
        StartsAt = Start,
        EndsAt = Start.AddHours(3),
        TimeZone = "Europe/Stockholm",
        Venue = "Aula",
        City = "Stockholm",
        Country = "se",
        Audience = EventAudience.All,
        Capacity = 50,
        GuestsAllowed = 2,
        RegistrationOpensAt = Start.AddDays(-30),
        RegistrationClosesAt = Start.AddDays(-1),
        Questions =
        [
            new() { Kind = QuestionKind.Text, LabelEn = "Dietary needs", LabelSv = "Matpreferenser" },
            new() { Kind = QuestionKind.Choice, LabelEn = "Session", Required = true, Choices = [new() { En = "Morning" }, new() { Sv = "Eftermiddag" }] },
        ],
    };

    public static TheoryData<string, string> BadInputs => new()
    {
        { "end before start", "endsAt" },
        { "closing before opening", "registrationClosesAt" },
        { "unknown time zone", "timeZone" },
        { "no title", "titleEn" },
        { "on site without city", "city" },
        { "on site without country", "country" },
        { "unknown country", "country" },
        { "online over http", "onlineUrl" },
        { "neither place nor link", "city" },
        { "departments audience without departments", "audienceDepartmentCodes" },
        { "unknown organiser", "organiserDepartmentCode" },
        { "unknown co-host", "cohostDepartmentCodes[0]" },
        { "unknown audience department", "audienceDepartmentCodes[0]" },
        { "eleven guests", "guestsAllowed" },
        { "negative guests", "guestsAllowed" },
        { "question without label", "questions[0].labelSv" },
        { "choice with one choice", "questions[0].choices" },
        { "zero capacity", "capacity" },
    };

    private static CreateEventRequest Bad(string name, string title) => name switch
    {
        "end before start" => Valid(title) with { EndsAt = Start.AddMinutes(-1) },
        "closing before opening" => Valid(title) with { RegistrationOpensAt = Start.AddDays(-2), RegistrationClosesAt = Start.AddDays(-3) },
        "unknown time zone" => Valid(title) with { TimeZone = "Mars/Base" },
        "no title" => Valid(title) with { TitleSv = " ", TitleEn = null },
        "on site without city" => Valid(title) with { City = null },
        "on site without country" => Valid(title) with { Country = null },
        "unknown country" => Valid(title) with { Country = "XX" },
        "online over http" => Valid(title) with { OnlineUrl = "http://meet.example.org/x" },
        "neither place nor link" => Valid(title) with { Venue = null, City = null, Country = null },
        "departments audience without departments" => Valid(title) with { Audience = EventAudience.Departments },
        "unknown organiser" => Valid(title) with { OrganiserDepartmentCode = "NOPE" },
        "unknown co-host" => Valid(title) with { CohostDepartmentCodes = ["NOPE"] },
        "unknown audience department" => Valid(title) with { Audience = EventAudience.Departments, AudienceDepartmentCodes = ["NOPE"] },
        "eleven guests" => Valid(title) with { GuestsAllowed = 11 },
        "negative guests" => Valid(title) with { GuestsAllowed = -1 },
        "question without label" => Valid(title) with { Questions = [new() { Kind = QuestionKind.YesNo, LabelSv = " " }] },
        "choice with one choice" => Valid(title) with { Questions = [new() { Kind = QuestionKind.Choice, LabelEn = "Pick", Choices = [new() { En = "Only" }] }] },
        "zero capacity" => Valid(title) with { Capacity = 0 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Fact]
    public async Task A_coordinator_creates_a_draft_for_their_department_with_questions_co_hosts_and_an_etag()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var request = Valid("Reunion " + Guid.NewGuid().ToString("N")[..8]) with { CohostDepartmentCodes = ["econ"] };

        var response = await coordinator.PostAsJsonAsync("/api/events", request, Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<EventResponse>();

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal($"/api/events/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((EventStatus.Draft, "DSV", "SE", 0, 0, 1, true), (created.Status, created.OrganiserDepartmentCode, created.Country, created.SeatsTaken, created.Sequence, created.Version, created.CanEdit));
        Assert.Equal(["ECON"], created.CohostDepartmentCodes);
        Assert.Empty(created.AudienceDepartmentCodes);
        Assert.Equal(2, created.Questions.Count);
        Assert.Equal((1, QuestionKind.Text, "Dietary needs"), (created.Questions[0].Position, created.Questions[0].Kind, created.Questions[0].LabelEn));
        Assert.Equal(["Morning", null], created.Questions[1].Choices.Select(c => c.En));
        Assert.Equal([null, "Eftermiddag"], created.Questions[1].Choices.Select(c => c.Sv));
        var read = await (await coordinator.GetAsync($"/api/events/{created.Id}", Ct)).ReadAsync<EventResponse>();
        Assert.Equal(created.TitleEn, read.TitleEn);
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Every_bad_input_is_a_400_naming_the_field_and_nothing_is_written(string name, string field)
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var title = "Bad " + Guid.NewGuid().ToString("N")[..8];

        var problem = await (await admin.PostAsJsonAsync("/api/events", Bad(name, title), Json.Options, Ct)).ProblemAsync(400);

        Assert.Contains(field, problem.Errors!.Keys);
        var listed = await (await admin.GetAsync($"/api/events?q={Uri.EscapeDataString(title)}", Ct)).ReadAsync<Paged<EventSummary>>();
        Assert.Equal(0, listed.Total);
    }

    [Theory]
    [InlineData("Europe/Stockholm")]
    [InlineData("America/Bogota")]
    [InlineData("Atlantic/Reykjavik")]
    public async Task Iana_time_zones_are_known(string zone)
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();

        var created = await (await admin.PostAsJsonAsync("/api/events", Valid("Zone " + zone) with { TimeZone = zone }, Json.Options, Ct)).ReadAsync<EventResponse>();

        Assert.Equal(zone, created.TimeZone);
    }

    [Fact]
    public async Task A_coordinator_cannot_create_for_another_department_or_the_central_office()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");

        await (await coordinator.PostAsJsonAsync("/api/events", Valid("Other") with { OrganiserDepartmentCode = "ECON" }, Json.Options, Ct)).ProblemAsync(403);
        await (await coordinator.PostAsJsonAsync("/api/events", Valid("Central") with { OrganiserDepartmentCode = null }, Json.Options, Ct)).ProblemAsync(403);
    }

    [Fact]
    public async Task A_coordinator_of_another_department_neither_sees_nor_changes_an_event_and_a_co_host_only_reads_it()
    {
        api.SkipIfUnavailable();
        var dsv = await api.CoordinatorAsync("DSV");
        var econ = await api.CoordinatorAsync("ECON");
        var title = "Scoped " + Guid.NewGuid().ToString("N")[..8];
        var created = await CreateAsync(dsv, Valid(title));
        var url = $"/api/events/{created.Id}";

        await (await econ.GetAsync(url, Ct)).ProblemAsync(404);
        await (await Send(econ, HttpMethod.Put, url, Update(created.Id, Valid(title)), "\"1\"")).ProblemAsync(404);
        await (await Send(econ, HttpMethod.Post, $"{url}/publish", null, null)).ProblemAsync(404);
        await (await Send(econ, HttpMethod.Post, $"{url}/cancel", null, null)).ProblemAsync(404);
        Assert.Equal(0, (await (await econ.GetAsync($"/api/events?q={title}", Ct)).ReadAsync<Paged<EventSummary>>()).Total);

        var cohosted = await CreateAsync(dsv, Valid(title + " co") with { CohostDepartmentCodes = ["ECON"] });
        var seen = await (await econ.GetAsync($"/api/events/{cohosted.Id}", Ct)).ReadAsync<EventResponse>();
        Assert.False(seen.CanEdit);
        await (await Send(econ, HttpMethod.Put, $"/api/events/{cohosted.Id}", Update(cohosted.Id, Valid(title)), "\"1\"")).ProblemAsync(403);
        await (await Send(econ, HttpMethod.Post, $"/api/events/{cohosted.Id}/publish", null, null)).ProblemAsync(403);
        Assert.Equal([cohosted.Id], (await (await econ.GetAsync($"/api/events?q={title}", Ct)).ReadAsync<Paged<EventSummary>>()).Items.Select(e => e.Id));
        Assert.Equal(2, (await (await dsv.GetAsync($"/api/events?q={title}&department=dsv", Ct)).ReadAsync<Paged<EventSummary>>()).Total);
        Assert.Equal([cohosted.Id], (await (await dsv.GetAsync($"/api/events?q={title}&department=ECON", Ct)).ReadAsync<Paged<EventSummary>>()).Items.Select(e => e.Id));
    }

    [Fact]
    public async Task A_central_office_event_is_changed_only_by_admins()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var title = "Central " + Guid.NewGuid().ToString("N")[..8];
        var created = await CreateAsync(admin, Valid(title) with { OrganiserDepartmentCode = null });
        Assert.Null(created.OrganiserDepartmentCode);
        var url = $"/api/events/{created.Id}";

        await (await coordinator.GetAsync(url, Ct)).ProblemAsync(404);
        await (await Send(coordinator, HttpMethod.Put, url, Update(created.Id, Valid(title) with { OrganiserDepartmentCode = null }), "\"1\"")).ProblemAsync(404);
        var changed = await (await Send(admin, HttpMethod.Put, url, Update(created.Id, Valid(title + "!") with { OrganiserDepartmentCode = null }), "\"1\"")).ReadAsync<EventResponse>();
        Assert.Equal((title + "!", 2), (changed.TitleEn, changed.Version));

        // A coordinator may not hand their event to the central office either.
        var own = await CreateAsync(coordinator, Valid(title));
        await (await Send(coordinator, HttpMethod.Put, $"/api/events/{own.Id}", Update(own.Id, Valid(title) with { OrganiserDepartmentCode = null }), "\"1\"")).ProblemAsync(403);
    }

    [Fact]
    public async Task An_update_needs_the_current_etag_and_raises_the_sequence_only_for_time_place_or_link()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var created = await CreateAsync(coordinator, Valid("Sequence"));
        var url = $"/api/events/{created.Id}";

        await (await coordinator.PutAsJsonAsync(url, Update(created.Id, Valid("Sequence")), Json.Options, Ct)).ProblemAsync(428);
        await (await Send(coordinator, HttpMethod.Put, url, Update(created.Id, Valid("Sequence")), "\"9\"")).ProblemAsync(412);

        var retitled = await Send(coordinator, HttpMethod.Put, url, Update(created.Id, Valid("Sequence renamed") with
        {
            Questions = [new() { Id = created.Questions[1].Id, Kind = QuestionKind.YesNo, LabelEn = "Vegetarian?" }],
        }), "\"1\"");
        var first = await retitled.ReadAsync<EventResponse>();
        Assert.Equal("\"2\"", retitled.Headers.ETag?.Tag);
        Assert.Equal(("Sequence renamed", 0, 2), (first.TitleEn, first.Sequence, first.Version));
        Assert.Equal((created.Questions[1].Id, QuestionKind.YesNo, 1), (Assert.Single(first.Questions).Id, first.Questions[0].Kind, first.Questions[0].Position));

        var moved = await (await Send(coordinator, HttpMethod.Put, url, Update(created.Id, Valid("Sequence renamed") with
        {
            StartsAt = Start.AddDays(1), EndsAt = Start.AddDays(1).AddHours(2),
        }), "\"2\"")).ReadAsync<EventResponse>();
        Assert.Equal((1, 3, Start.AddDays(1)), (moved.Sequence, moved.Version, moved.StartsAt));
        await (await Send(coordinator, HttpMethod.Put, url, Update(created.Id, Valid("Stale")), "\"2\"")).ProblemAsync(412);

        var online = await (await Send(coordinator, HttpMethod.Put, url, Update(created.Id, Valid("Sequence renamed") with
        {
            StartsAt = Start.AddDays(1), EndsAt = Start.AddDays(1).AddHours(2), OnlineUrl = "https://meet.example.org/reunion",
        }), "\"3\"")).ReadAsync<EventResponse>();
        Assert.Equal(2, online.Sequence);
    }

    [Fact]
    public async Task The_capacity_cannot_go_below_the_seats_taken()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var created = await CreateAsync(coordinator, Valid("Capacity"));
        var member = await MemberClients.ActiveMemberAsync(api, $"capacity-{Guid.NewGuid():N}@alumni.test");
        await RegisterAsync(created.Id, (await MemberClients.ProfileAsync(member)).Id, "confirmed", 3);
        var url = $"/api/events/{created.Id}";

        var problem = await (await Send(coordinator, HttpMethod.Put, url, Update(created.Id, Valid("Capacity") with { Capacity = 2 }), "\"1\"")).ProblemAsync(409);
        Assert.Contains("capacity", problem.Errors!.Keys);
        var unchanged = await (await coordinator.GetAsync(url, Ct)).ReadAsync<EventResponse>();
        Assert.Equal((50, 1, 3), (unchanged.Capacity, unchanged.Version, unchanged.SeatsTaken));

        var exact = await (await Send(coordinator, HttpMethod.Put, url, Update(created.Id, Valid("Capacity") with { Capacity = 3 }), "\"1\"")).ReadAsync<EventResponse>();
        Assert.Equal(3, exact.Capacity);
    }

    [Fact]
    public async Task Publish_cancel_and_complete_follow_the_states_and_cancelling_queues_a_mail_per_registration()
    {
        api.SkipIfUnavailable();
        var coordinator = await api.CoordinatorAsync("DSV");
        var created = await CreateAsync(coordinator, Valid("States"));
        var url = $"/api/events/{created.Id}";

        await (await Send(coordinator, HttpMethod.Post, $"{url}/complete", null, null)).ProblemAsync(409);
        await (await Send(coordinator, HttpMethod.Post, $"{url}/publish", null, "\"5\"")).ProblemAsync(412);
        var published = await (await Send(coordinator, HttpMethod.Post, $"{url}/publish", null, "\"1\"")).ReadAsync<EventResponse>();
        Assert.Equal((EventStatus.Published, 1, 2), (published.Status, published.Sequence, published.Version));
        Assert.NotNull(published.PublishedAt);
        await (await Send(coordinator, HttpMethod.Post, $"{url}/publish", null, null)).ProblemAsync(409);
        await (await Send(coordinator, HttpMethod.Post, $"{url}/complete", null, null)).ProblemAsync(409);

        var confirmed = await MemberClients.ActiveMemberAsync(api, $"states-a-{Guid.NewGuid():N}@alumni.test");
        var waiting = await MemberClients.ActiveMemberAsync(api, $"states-b-{Guid.NewGuid():N}@alumni.test");
        var gone = await MemberClients.ActiveMemberAsync(api, $"states-c-{Guid.NewGuid():N}@alumni.test");
        await RegisterAsync(created.Id, (await MemberClients.ProfileAsync(confirmed)).Id, "confirmed", 1);
        await RegisterAsync(created.Id, (await MemberClients.ProfileAsync(waiting)).Id, "waiting", 2);
        await RegisterAsync(created.Id, (await MemberClients.ProfileAsync(gone)).Id, "cancelled", 1);

        var cancelled = await (await Send(coordinator, HttpMethod.Post, $"{url}/cancel", null, null)).ReadAsync<EventResponse>();
        Assert.Equal((EventStatus.Cancelled, 2), (cancelled.Status, cancelled.Sequence));
        Assert.NotNull(cancelled.CancelledAt);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM event_mail WHERE event_id = @Id AND kind = 'cancelled' AND sent_at IS NULL", created.Id));
        await (await Send(coordinator, HttpMethod.Post, $"{url}/cancel", null, null)).ProblemAsync(409);
        await (await Send(coordinator, HttpMethod.Put, url, Update(created.Id, Valid("States")), $"\"{cancelled.Version}\"")).ProblemAsync(409);

        var past = await CreateAsync(coordinator, Valid("Past") with
        {
            StartsAt = DateTimeOffset.UtcNow.AddDays(-2), EndsAt = DateTimeOffset.UtcNow.AddDays(-2).AddHours(2), RegistrationOpensAt = null, RegistrationClosesAt = null,
        });
        await Send(coordinator, HttpMethod.Post, $"/api/events/{past.Id}/publish", null, null);
        var completed = await (await Send(coordinator, HttpMethod.Post, $"/api/events/{past.Id}/complete", null, null)).ReadAsync<EventResponse>();
        Assert.Equal(EventStatus.Completed, completed.Status);
    }

    [Fact]
    public async Task The_public_list_shows_published_events_only_and_never_an_online_link()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var country = "IS";
        var title = "Public " + Guid.NewGuid().ToString("N")[..8];
        var link = "https://meet.example.org/" + Guid.NewGuid().ToString("N");
        var draft = await CreateAsync(admin, Valid(title + " draft") with { Country = country, OnlineUrl = link });
        var published = await CreateAsync(admin, Valid(title) with { Country = country, OnlineUrl = link, Kind = EventKind.InternationalGathering });
        var staffOnly = await CreateAsync(admin, Valid(title + " staff") with { Country = country, Audience = EventAudience.Coordinators });
        await Send(admin, HttpMethod.Post, $"/api/events/{published.Id}/publish", null, null);
        await Send(admin, HttpMethod.Post, $"/api/events/{staffOnly.Id}/publish", null, null);
        using var anonymous = api.NewClient();

        var listResponse = await anonymous.GetAsync($"/api/public/events?country=is&pageSize=200", Ct);
        var body = await listResponse.Content.ReadAsStringAsync(Ct);
        var list = await listResponse.ReadAsync<Paged<EventListItem>>();
        Assert.Contains(list.Items, e => e.Id == published.Id && e.Online && e.Kind == EventKind.InternationalGathering);
        Assert.DoesNotContain(list.Items, e => e.Id == draft.Id || e.Id == staffOnly.Id);
        Assert.DoesNotContain(link, body, StringComparison.Ordinal);
        Assert.DoesNotContain(published.Id.ToString(), await anonymous.GetStringAsync($"/api/public/events?country=IS&kind=lecture", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(published.Id.ToString(), await anonymous.GetStringAsync($"/api/public/events?country=IS&from={Uri.EscapeDataString(Start.AddDays(1).ToString("O"))}", Ct), StringComparison.Ordinal);
        Assert.Contains(published.Id.ToString(), await anonymous.GetStringAsync($"/api/public/events?department=DSV&country=IS&pageSize=200", Ct), StringComparison.Ordinal);

        var detailResponse = await anonymous.GetAsync($"/api/public/events/{published.Id}", Ct);
        var detailBody = await detailResponse.Content.ReadAsStringAsync(Ct);
        var detail = await detailResponse.ReadAsync<PublicEventResponse>();
        Assert.DoesNotContain(link, detailBody, StringComparison.Ordinal);
        Assert.DoesNotContain("onlineUrl", detailBody, StringComparison.Ordinal);
        Assert.Contains("<h2", detail.DescriptionEnHtml);
        Assert.DoesNotContain("<script", detail.DescriptionEnHtml);
        await (await anonymous.GetAsync($"/api/public/events/{draft.Id}", Ct)).ProblemAsync(404);
        await (await anonymous.GetAsync($"/api/public/events/{staffOnly.Id}", Ct)).ProblemAsync(404);

        var key = await api.KeyClientAsync(ApiScopes.EventsRead);
        var keyed = await (await key.GetAsync("/api/public/events?country=IS&pageSize=200", Ct)).ReadAsync<Paged<EventListItem>>();
        Assert.Contains(keyed.Items, e => e.Id == published.Id);
        var staffView = await (await key.GetAsync($"/api/events?q={title}", Ct)).ReadAsync<Paged<EventSummary>>();
        Assert.Equal(3, staffView.Total);
    }

    [Fact]
    public async Task A_member_sees_the_events_of_their_audience_and_the_link_only_with_a_confirmed_registration()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var title = "Audience " + Guid.NewGuid().ToString("N")[..8];
        var link = "https://meet.example.org/" + Guid.NewGuid().ToString("N");
        var forDsv = await CreateAsync(admin, Valid(title) with { Audience = EventAudience.Departments, AudienceDepartmentCodes = ["DSV"], OnlineUrl = link });
        var forEcon = await CreateAsync(admin, Valid(title + " econ") with { Audience = EventAudience.Departments, AudienceDepartmentCodes = ["ECON"] });
        var forStaff = await CreateAsync(admin, Valid(title + " staff") with { Audience = EventAudience.Coordinators });
        var draft = await CreateAsync(admin, Valid(title + " draft"));
        foreach (var e in new[] { forDsv, forEcon, forStaff })
        {
            await Send(admin, HttpMethod.Post, $"/api/events/{e.Id}/publish", null, null);
        }

        var member = await MemberClients.ActiveMemberAsync(api, $"audience-{Guid.NewGuid():N}@alumni.test");

        var mine = await (await member.GetAsync("/api/me/events?pageSize=200", Ct)).ReadAsync<Paged<EventListItem>>();
        Assert.Contains(mine.Items, e => e.Id == forDsv.Id && e.Online);
        Assert.DoesNotContain(mine.Items, e => e.Id == forEcon.Id || e.Id == forStaff.Id || e.Id == draft.Id);
        await (await member.GetAsync($"/api/me/events/{forEcon.Id}", Ct)).ProblemAsync(404);
        await (await member.GetAsync($"/api/me/events/{forStaff.Id}", Ct)).ProblemAsync(404);
        await (await member.GetAsync($"/api/me/events/{draft.Id}", Ct)).ProblemAsync(404);

        var unregistered = await (await member.GetAsync($"/api/me/events/{forDsv.Id}", Ct)).ReadAsync<MemberEventResponse>();
        Assert.Equal((true, (string?)null, (RegistrationStatus?)null), (unregistered.Online, unregistered.OnlineUrl, unregistered.MyRegistrationStatus));
        Assert.Contains("<h2", unregistered.DescriptionEnHtml);
        Assert.DoesNotContain("<script", unregistered.DescriptionEnHtml);
        Assert.Equal(2, unregistered.Questions.Count);

        var memberId = (await MemberClients.ProfileAsync(member)).Id;
        var registration = await RegisterAsync(forDsv.Id, memberId, "waiting", 1);
        var waiting = await (await member.GetAsync($"/api/me/events/{forDsv.Id}", Ct)).ReadAsync<MemberEventResponse>();
        Assert.Equal(((string?)null, (RegistrationStatus?)RegistrationStatus.Waiting), (waiting.OnlineUrl, waiting.MyRegistrationStatus));
        await ExecuteAsync("UPDATE event_registrations SET status = 'confirmed', queue_number = NULL WHERE id = @Id", registration);
        var confirmed = await (await member.GetAsync($"/api/me/events/{forDsv.Id}", Ct)).ReadAsync<MemberEventResponse>();
        Assert.Equal((link, (RegistrationStatus?)RegistrationStatus.Confirmed), (confirmed.OnlineUrl, confirmed.MyRegistrationStatus));
        Assert.Equal([forDsv.Id], (await (await member.GetAsync("/api/me/events?registered=true", Ct)).ReadAsync<Paged<EventListItem>>()).Items.Select(e => e.Id));

        var staffList = await (await coordinator.GetAsync("/api/me/events?pageSize=200", Ct)).ReadAsync<Paged<EventListItem>>();
        Assert.Contains(staffList.Items, e => e.Id == forStaff.Id);
        Assert.Equal(EventAudience.Coordinators, (await (await coordinator.GetAsync($"/api/me/events/{forStaff.Id}", Ct)).ReadAsync<MemberEventResponse>()).Audience);
    }

    internal static UpdateEventRequest Update(Guid id, CreateEventRequest request) => new()
    {
        Id = id,
        Kind = request.Kind,
        OrganiserDepartmentCode = request.OrganiserDepartmentCode,
        CohostDepartmentCodes = request.CohostDepartmentCodes,
        OccasionId = request.OccasionId,
        TitleSv = request.TitleSv,
        TitleEn = request.TitleEn,
        SummarySv = request.SummarySv,
        SummaryEn = request.SummaryEn,
        DescriptionSv = request.DescriptionSv,
        DescriptionEn = request.DescriptionEn,
        StartsAt = request.StartsAt,
        EndsAt = request.EndsAt,
        TimeZone = request.TimeZone,
        Venue = request.Venue,
        Address = request.Address,
        City = request.City,
        Country = request.Country,
        OnlineUrl = request.OnlineUrl,
        Audience = request.Audience,
        AudienceDepartmentCodes = request.AudienceDepartmentCodes,
        Capacity = request.Capacity,
        GuestsAllowed = request.GuestsAllowed,
        RegistrationOpensAt = request.RegistrationOpensAt,
        RegistrationClosesAt = request.RegistrationClosesAt,
        FollowUpSv = request.FollowUpSv,
        FollowUpEn = request.FollowUpEn,
        Questions = request.Questions,
    };

    private static async Task<EventResponse> CreateAsync(HttpClient staff, CreateEventRequest request) =>
        await (await staff.PostAsJsonAsync("/api/events", request, Json.Options, Ct)).ReadAsync<EventResponse>();

    /// <summary>A registration written directly (registering is another use case): its id. A confirmed one takes its seats.</summary>
    private async Task<Guid> RegisterAsync(Guid eventId, Guid memberId, string status, int seats)
    {
        var id = Guid.NewGuid();
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        await session.ExecuteAsync(Sql.Portable("""
            INSERT INTO event_registrations (id, event_id, member_id, status, seats, queue_number, check_in_code, registered_at, language)
            VALUES (@Id, @EventId, @MemberId, @Status, @Seats, @Queue, @Code, @Now, 'en')
            """), new { Id = id, EventId = eventId, MemberId = memberId, Status = status, Seats = seats, Queue = status == "waiting" ? 1L : (long?)null,
                Code = id.ToString("N")[..8].ToUpperInvariant(), Now = DateTimeOffset.UtcNow }, Ct);
        if (status == "confirmed")
        {
            await session.ExecuteAsync(Sql.Portable("UPDATE events SET seats_taken = seats_taken + @Seats WHERE id = @EventId"), new { EventId = eventId, Seats = seats }, Ct);
        }

        await session.CommitAsync(Ct);
        return id;
    }

    private async Task ExecuteAsync(string sql, Guid id)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        await session.ExecuteAsync(Sql.Portable(sql), new { Id = id }, Ct);
    }

    private async Task<long> CountAsync(string sql, Guid id)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.ExecuteScalarAsync<long>(Sql.Portable(sql), new { Id = id }, Ct);
    }

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
