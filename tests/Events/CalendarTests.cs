using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts.Events;
using Ical.Net.CalendarComponents;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using IcalCalendar = Ical.Net.Calendar;

namespace Alumni.Api.Tests.Events;

public sealed class CalendarTestsOnSqlite(SqliteApi api) : CalendarTests(api), IClassFixture<SqliteApi>;

public sealed class CalendarTestsOnSqlServer(SqlServerApi api) : CalendarTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The calendars through real HTTP: an event's <c>.ics</c> (public and a member's), the member's private feed by its
/// token, and the public feed. Each parses back with Ical.Net; the online link is only ever in a confirmed member's.
/// </summary>
public abstract class CalendarTests(ApiFixture api)
{
    private const string Link = "https://meet.example.org/alumni-room-7f3k";

    private static readonly Sql InsertRegistration = Sql.Portable("""
        INSERT INTO event_registrations (id, event_id, member_id, status, seats, queue_number, check_in_code, registered_at, confirmed_at, language)
        VALUES (@Id, @EventId, @MemberId, @Status, 1, @Queue, @Code, @Now, @ConfirmedAt, 'en')
        """);

    private static readonly Sql MemberByEmail = Sql.Portable("SELECT id FROM members WHERE email = @Email");

    private static readonly Sql FeedRows = Sql.Portable("SELECT COUNT(*) FROM event_calendar_feeds WHERE member_id = @MemberId");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_public_ics_parses_back_with_a_stable_uid_and_never_the_online_link()
    {
        var admin = await api.AdminAsync();
        var created = await CreateAsync(admin);
        await PublishAsync(admin, created.Id);

        using var anyone = api.NewClient();
        var response = await anyone.GetAsync($"/api/public/events/{created.Id}/calendar.ics", Ct);
        var text = await CalendarTextAsync(response);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        Assert.DoesNotContain(Link, Unfold(text), StringComparison.Ordinal);
        var calendar = Parse(text);
        Assert.Equal("PUBLISH", calendar.Method);
        var item = Assert.Single(calendar.Events);
        Assert.Equal(Uid(created), item.Uid);
        Assert.Equal("CONFIRMED", item.Status);
        Assert.Equal("Alumni reunion", item.Summary);
        Assert.Equal("Europe/Stockholm", item.DtStart!.TzId);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Stockholm");
        Assert.Equal(new Uri($"{anyone.BaseAddress!.GetLeftPart(UriPartial.Authority)}/events/{created.Id:D}"), item.Url);

        using var keyed = await api.KeyClientAsync("events:read");
        var byKey = Parse(await CalendarTextAsync(await keyed.GetAsync($"/api/public/events/{created.Id}/calendar.ics", Ct)));
        Assert.Equal(item.Uid, Assert.Single(byKey.Events).Uid);

        using var swedish = new HttpRequestMessage(HttpMethod.Get, $"/api/public/events/{created.Id}/calendar.ics?language=sv");
        Assert.Equal("Alumniträff", Assert.Single(Parse(await CalendarTextAsync(await anyone.SendAsync(swedish, Ct))).Events).Summary);
    }

    [Fact]
    public async Task An_update_keeps_the_uid_and_raises_the_sequence_and_the_etag()
    {
        var admin = await api.AdminAsync();
        var created = await CreateAsync(admin);
        var published = await PublishAsync(admin, created.Id);
        using var anyone = api.NewClient();
        var first = await anyone.GetAsync($"/api/public/events/{created.Id}/calendar.ics", Ct);
        var before = Assert.Single(Parse(await CalendarTextAsync(first)).Events);
        var etag = first.Headers.ETag!;

        using (var unchanged = new HttpRequestMessage(HttpMethod.Get, $"/api/public/events/{created.Id}/calendar.ics"))
        {
            unchanged.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await anyone.SendAsync(unchanged, Ct)).StatusCode);
        }

        await UpdateAsync(admin, published, r => r with { StartsAt = r.StartsAt.AddHours(1), EndsAt = r.EndsAt.AddHours(1) });

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/public/events/{created.Id}/calendar.ics");
        again.Headers.IfNoneMatch.Add(etag);
        var second = await anyone.SendAsync(again, Ct);
        var after = Assert.Single(Parse(await CalendarTextAsync(second)).Events);
        Assert.Equal(before.Uid, after.Uid);
        Assert.True(after.Sequence > before.Sequence, $"SEQUENCE {before.Sequence} then {after.Sequence}");
        Assert.Equal(before.DtStart!.AsUtc.AddHours(1), after.DtStart!.AsUtc);
        Assert.NotEqual(etag, second.Headers.ETag);
    }

    [Fact]
    public async Task A_cancelled_event_stays_with_status_cancelled_and_a_draft_is_nowhere()
    {
        var admin = await api.AdminAsync();
        var (member, memberId) = await MemberAsync("cancel");
        var cancelled = await CreateAsync(admin);
        await PublishAsync(admin, cancelled.Id);
        await RegisterAsync(cancelled.Id, memberId, "confirmed");
        var cancel = await admin.PostAsync($"/api/events/{cancelled.Id}/cancel", null, Ct);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var draft = await CreateAsync(admin);
        await RegisterAsync(draft.Id, memberId, "confirmed");

        using var anyone = api.NewClient();
        var publicItem = Assert.Single(Parse(await CalendarTextAsync(await anyone.GetAsync($"/api/public/events/{cancelled.Id}/calendar.ics", Ct))).Events);
        Assert.Equal("CANCELLED", publicItem.Status);
        var mine = Assert.Single(Parse(await CalendarTextAsync(await member.GetAsync($"/api/me/events/{cancelled.Id}/calendar.ics", Ct))).Events);
        Assert.Equal("CANCELLED", mine.Status);
        Assert.True(mine.Sequence > 0);

        await (await anyone.GetAsync($"/api/public/events/{draft.Id}/calendar.ics", Ct)).ProblemAsync(404);
        await (await member.GetAsync($"/api/me/events/{draft.Id}/calendar.ics", Ct)).ProblemAsync(404);
        await (await admin.GetAsync($"/api/me/events/{draft.Id}/calendar.ics", Ct)).ProblemAsync(404);

        var feed = await CreateFeedAsync(member);
        var events = Parse(await CalendarTextAsync(await anyone.GetAsync(feed.FeedUrl, Ct))).Events;
        var inFeed = Assert.Single(events);
        Assert.Equal(Uid(cancelled), inFeed.Uid);
        Assert.Equal("CANCELLED", inFeed.Status);
        var everyone = Parse(await CalendarTextAsync(await anyone.GetAsync("/api/public/events.ics", Ct))).Events;
        Assert.DoesNotContain(everyone, e => e.Uid == Uid(draft));
    }

    [Fact]
    public async Task A_members_ics_holds_the_online_link_only_when_confirmed()
    {
        var admin = await api.AdminAsync();
        var created = await CreateAsync(admin, r => r with { Venue = null, Address = null, City = null, Country = null });
        await PublishAsync(admin, created.Id);
        var (unregistered, _) = await MemberAsync("none");
        var (waiting, waitingId) = await MemberAsync("waiting");
        var (confirmed, confirmedId) = await MemberAsync("confirmed");
        await RegisterAsync(created.Id, waitingId, "waiting");
        await RegisterAsync(created.Id, confirmedId, "confirmed");
        var path = $"/api/me/events/{created.Id}/calendar.ics";

        foreach (var client in new[] { unregistered, waiting })
        {
            var text = await CalendarTextAsync(await client.GetAsync(path, Ct));
            Assert.DoesNotContain(Link, Unfold(text), StringComparison.Ordinal);
            Assert.Equal("Online", Assert.Single(Parse(text).Events).Location);
        }

        var response = await confirmed.GetAsync(path, Ct);
        Assert.Contains("private", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var item = Assert.Single(Parse(await CalendarTextAsync(response)).Events);
        Assert.Equal(new Uri(Link), item.Url);
        Assert.Equal(Link, item.Location);
        Assert.Contains(Link, item.Description, StringComparison.Ordinal);

        using var anyone = api.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_private_feed_works_with_its_token_only_until_it_is_replaced_or_revoked()
    {
        var admin = await api.AdminAsync();
        var (member, memberId) = await MemberAsync("feed");
        var (other, otherId) = await MemberAsync("feed-other");
        var confirmedEvent = await CreateAsync(admin);
        var waitingEvent = await CreateAsync(admin, r => r with { TitleEn = "Waiting lecture", TitleSv = "Väntande föreläsning", Kind = EventKind.Lecture });
        var othersEvent = await CreateAsync(admin, r => r with { TitleEn = "Someone else's", TitleSv = "Någon annans" });
        foreach (var e in new[] { confirmedEvent, waitingEvent, othersEvent })
        {
            await PublishAsync(admin, e.Id);
        }

        await RegisterAsync(confirmedEvent.Id, memberId, "confirmed");
        await RegisterAsync(waitingEvent.Id, memberId, "waiting");
        await RegisterAsync(othersEvent.Id, otherId, "confirmed");

        Assert.False((await (await member.GetAsync("/api/me/calendar-feed", Ct)).ReadAsync<CalendarFeedResponse>()).Exists);
        var feed = await CreateFeedAsync(member);
        Assert.StartsWith(api.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/api/calendar/", feed.FeedUrl, StringComparison.Ordinal);
        Assert.Equal("webcal" + feed.FeedUrl[feed.FeedUrl.IndexOf(':', StringComparison.Ordinal)..], feed.WebcalUrl);
        var token = feed.FeedUrl[(feed.FeedUrl.LastIndexOf('/') + 1)..^".ics".Length];
        var status = await member.GetAsync("/api/me/calendar-feed", Ct);
        var statusText = await status.Content.ReadAsStringAsync(Ct);
        Assert.True((await status.ReadAsync<CalendarFeedResponse>()).Exists);
        Assert.DoesNotContain(token, statusText, StringComparison.Ordinal);

        using var calendarApp = api.NewClient();
        var response = await calendarApp.GetAsync(feed.FeedUrl, Ct);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        var calendar = Parse(await CalendarTextAsync(response));
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(new[] { Uid(confirmedEvent), Uid(waitingEvent) }.Order(), calendar.Events.Select(e => e.Uid).Order());
        Assert.Equal(new Uri(Link), calendar.Events.Single(e => e.Uid == Uid(confirmedEvent)).Url);
        var waitingItem = calendar.Events.Single(e => e.Uid == Uid(waitingEvent));
        Assert.DoesNotContain(Link, waitingItem.Description ?? "", StringComparison.Ordinal);
        Assert.NotEqual(new Uri(Link), waitingItem.Url);

        var replaced = await CreateFeedAsync(member);
        Assert.NotEqual(feed.FeedUrl, replaced.FeedUrl);
        await (await calendarApp.GetAsync(feed.FeedUrl, Ct)).ProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(replaced.FeedUrl, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync("/api/me/calendar-feed", Ct)).StatusCode);
        await (await calendarApp.GetAsync(replaced.FeedUrl, Ct)).ProblemAsync(404);
        Assert.False((await (await member.GetAsync("/api/me/calendar-feed", Ct)).ReadAsync<CalendarFeedResponse>()).Exists);
        await (await calendarApp.GetAsync("/api/calendar/not-a-token.ics", Ct)).ProblemAsync(404);
        await (await calendarApp.GetAsync($"/api/calendar/{new string('A', 43)}.ics", Ct)).ProblemAsync(404);
    }

    [Fact]
    public async Task The_feed_token_is_never_logged()
    {
        api.SkipIfUnavailable();
        var logs = new CapturedLogs();
        await using var factory = api.CreateFactory(await api.CreateAnotherDatabaseAsync(),
            builder => builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var email = $"cal-logged-{Guid.NewGuid():N}@alumni.test";
        using (var visitor = factory.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsJsonAsync("/api/members/sign-up", MemberClients.SignUpFor(email), Json.Options, Ct)).StatusCode);
        }

        using var member = await Infrastructure.Identity.SignInAsync(factory.CreateClient(), api.Mail, email);
        await MemberClients.ConfirmAsync(member);
        var feed = await CreateFeedAsync(member);
        var token = feed.FeedUrl[(feed.FeedUrl.LastIndexOf('/') + 1)..^".ics".Length];

        using var calendarApp = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(feed.FeedUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await member.DeleteAsync("/api/me/calendar-feed", Ct)).StatusCode);
        await (await calendarApp.GetAsync(feed.FeedUrl, Ct)).ProblemAsync(404);

        Assert.NotEmpty(logs.Entries);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(token, StringComparison.Ordinal)
            || (e.Exception?.ToString().Contains(token, StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task Erasing_a_member_removes_their_feed()
    {
        var admin = await api.AdminAsync();
        var (member, memberId) = await MemberAsync("erased");
        var feed = await CreateFeedAsync(member);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/members/{memberId}/erase", null, Ct)).StatusCode);

        using var calendarApp = api.NewClient();
        await (await calendarApp.GetAsync(feed.FeedUrl, Ct)).ProblemAsync(404);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        Assert.Equal(0, await session.ExecuteScalarAsync<long>(FeedRows, new { MemberId = memberId }, Ct));
    }

    [Fact]
    public async Task The_public_feed_holds_published_upcoming_events_with_the_public_filters_and_no_link()
    {
        var admin = await api.AdminAsync();
        const string department = "DSV";
        var theirs = await CreateAsync(admin, r => r with { OrganiserDepartmentCode = department, Kind = EventKind.Networking, Country = "NO", City = "Oslo" });
        var central = await CreateAsync(admin);
        var coordinatorsOnly = await CreateAsync(admin, r => r with { Audience = EventAudience.Coordinators, Kind = EventKind.CoordinatorMeeting });
        var past = await CreateAsync(admin, r => r with { StartsAt = DateTimeOffset.UtcNow.AddDays(-3), EndsAt = DateTimeOffset.UtcNow.AddDays(-3).AddHours(2), RegistrationOpensAt = null, RegistrationClosesAt = null });
        var draft = await CreateAsync(admin);
        foreach (var e in new[] { theirs, central, coordinatorsOnly, past })
        {
            await PublishAsync(admin, e.Id);
        }

        using var site = api.NewClient();
        var response = await site.GetAsync("/api/public/events.ics", Ct);
        var text = await CalendarTextAsync(response);
        Assert.DoesNotContain(Link, Unfold(text), StringComparison.Ordinal);
        var uids = Parse(text).Events.Select(e => e.Uid).ToList();
        Assert.Contains(Uid(theirs), uids);
        Assert.Contains(Uid(central), uids);
        Assert.DoesNotContain(Uid(coordinatorsOnly), uids);
        Assert.DoesNotContain(Uid(past), uids);
        Assert.DoesNotContain(Uid(draft), uids);

        using var keyed = await api.KeyClientAsync("events:read");
        var filtered = Parse(await CalendarTextAsync(await keyed.GetAsync($"/api/public/events.ics?department={department.ToLowerInvariant()}&kind=networking&country=no", Ct)));
        Assert.Equal([Uid(theirs)], filtered.Events.Select(e => e.Uid).ToList());
        Assert.Empty(Parse(await CalendarTextAsync(await site.GetAsync($"/api/public/events.ics?department={department}&kind=lecture", Ct))).Events);
        await (await site.GetAsync("/api/public/events.ics?language=de", Ct)).ProblemAsync(400);
    }

    [Fact]
    public async Task An_occasion_lists_its_events_that_the_caller_may_see()
    {
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var occasion = await (await admin.PostAsJsonAsync("/api/occasions", new CreateOccasionRequest
        {
            Title = "Rektors besök i Oslo", City = "Oslo", Country = "NO", StartsOn = new DateOnly(2027, 5, 3), EndsOn = new DateOnly(2027, 5, 5),
        }, Json.Options, Ct)).ReadAsync<OccasionResponse>();
        var start = Reunion().StartsAt;
        var dsv = await CreateAsync(admin, r => r with { OccasionId = occasion.Id, OrganiserDepartmentCode = "DSV", StartsAt = start.AddDays(2), EndsAt = start.AddDays(2).AddHours(2) });
        var english = await CreateAsync(admin, r => r with { OccasionId = occasion.Id, OrganiserDepartmentCode = "ENG", TitleSv = null, TitleEn = "English evening" });
        var cohosted = await CreateAsync(admin, r => r with { OccasionId = occasion.Id, CohostDepartmentCodes = ["DSV"], StartsAt = start.AddDays(1), EndsAt = start.AddDays(1).AddHours(2) });
        await PublishAsync(admin, english.Id);
        await CreateAsync(admin);

        var all = await (await admin.GetAsync($"/api/occasions/{occasion.Id}", Ct)).ReadAsync<OccasionDetailResponse>();
        Assert.Equal([english.Id, cohosted.Id, dsv.Id], all.Events.Select(e => e.Id).ToList());
        var first = all.Events[0];
        Assert.Equal((null, "English evening", english.StartsAt, EventStatus.Published), (first.TitleSv, first.TitleEn, first.StartsAt, first.Status));
        Assert.Equal(EventStatus.Draft, all.Events[1].Status);

        var theirs = await (await coordinator.GetAsync($"/api/occasions/{occasion.Id}", Ct)).ReadAsync<OccasionDetailResponse>();
        Assert.Equal([cohosted.Id, dsv.Id], theirs.Events.Select(e => e.Id).ToList());
    }

    private static string Uid(EventResponse e) => $"{e.Id:D}@alumni.su.se";

    private static IcalCalendar Parse(string text) => IcalCalendar.Load(text) ?? throw new InvalidOperationException("Not a calendar: " + text);

    /// <summary>The text with iCalendar's folded lines joined again.</summary>
    private static string Unfold(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);

    private static async Task<string> CalendarTextAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}{ServerErrors.Describe()}");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        return text;
    }

    private async Task<(HttpClient Client, Guid MemberId)> MemberAsync(string name)
    {
        var email = $"cal-{name}-{Guid.NewGuid():N}@alumni.test";
        var client = await MemberClients.ActiveMemberAsync(api, email);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return (client, await session.ExecuteScalarAsync<Guid>(MemberByEmail, new { Email = email }, Ct));
    }

    /// <summary>A registration as the registration use case leaves it (written directly: that use case has its own tests).</summary>
    private async Task RegisterAsync(Guid eventId, Guid memberId, string status)
    {
        var now = DateTimeOffset.UtcNow;
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        await session.ExecuteAsync(InsertRegistration, new
        {
            Id = Guid.CreateVersion7(),
            EventId = eventId,
            MemberId = memberId,
            Status = status,
            Queue = status == "waiting" ? 1L : (long?)null,
            Code = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            Now = now,
            ConfirmedAt = status == "confirmed" ? now : (DateTimeOffset?)null,
        }, Ct);
    }

    private static async Task<CreatedCalendarFeedResponse> CreateFeedAsync(HttpClient member)
    {
        var response = await member.PostAsync("/api/me/calendar-feed", null, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<CreatedCalendarFeedResponse>();
    }

    private static CreateEventRequest Reunion()
    {
        var start = DateTimeOffset.UtcNow.AddDays(30);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, 15, 0, 0, TimeSpan.Zero);
        return new CreateEventRequest
        {
            Kind = EventKind.Reunion,
            TitleSv = "Alumniträff",
            TitleEn = "Alumni reunion",
            SummarySv = "Vi ses igen.",
            SummaryEn = "See you again.",
            DescriptionEn = "**Welcome** back to campus.",
            StartsAt = start,
            EndsAt = start.AddHours(3),
            TimeZone = "Europe/Stockholm",
            Venue = "Aula Magna",
            Address = "Frescativägen 6",
            City = "Stockholm",
            Country = "SE",
            OnlineUrl = Link,
            Audience = EventAudience.All,
        };
    }

    private static async Task<EventResponse> CreateAsync(HttpClient staff, Func<CreateEventRequest, CreateEventRequest>? change = null)
    {
        var request = change is null ? Reunion() : change(Reunion());
        var response = await staff.PostAsJsonAsync("/api/events", request, Json.Options, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating the event failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.ReadAsync<EventResponse>();
    }

    private static async Task<EventResponse> PublishAsync(HttpClient staff, Guid id)
    {
        var response = await staff.PostAsync($"/api/events/{id}/publish", null, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Publishing failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.ReadAsync<EventResponse>();
    }

    private static async Task UpdateAsync(HttpClient staff, EventResponse current, Func<UpdateEventRequest, UpdateEventRequest> change)
    {
        var request = change(new UpdateEventRequest
        {
            Id = current.Id,
            Kind = current.Kind,
            OrganiserDepartmentCode = current.OrganiserDepartmentCode,
            CohostDepartmentCodes = current.CohostDepartmentCodes,
            TitleSv = current.TitleSv,
            TitleEn = current.TitleEn,
            SummarySv = current.SummarySv,
            SummaryEn = current.SummaryEn,
            DescriptionSv = current.DescriptionSv,
            DescriptionEn = current.DescriptionEn,
            StartsAt = current.StartsAt,
            EndsAt = current.EndsAt,
            TimeZone = current.TimeZone,
            Venue = current.Venue,
            Address = current.Address,
            City = current.City,
            Country = current.Country,
            OnlineUrl = current.OnlineUrl,
            Audience = current.Audience,
            AudienceDepartmentCodes = current.AudienceDepartmentCodes,
            Capacity = current.Capacity,
            GuestsAllowed = current.GuestsAllowed,
            RegistrationOpensAt = current.RegistrationOpensAt,
            RegistrationClosesAt = current.RegistrationClosesAt,
        });
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{current.Id}") { Content = JsonContent.Create(request, options: Json.Options) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{current.Version}\""));
        var response = await staff.SendAsync(put, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Updating failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
