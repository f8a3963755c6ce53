using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using Microsoft.Extensions.DependencyInjection;
using IcalCalendar = Ical.Net.Calendar;

namespace Alumni.Api.Tests.Events;

public sealed class EventCalendarFileTestsOnSqlite(SqliteApi api) : EventCalendarFileTests(api), IClassFixture<SqliteApi>;

public sealed class EventCalendarFileTestsOnSqlServer(SqlServerApi api) : EventCalendarFileTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// A member's calendar file of an event (<c>GET /api/me/events/{id}/calendar</c>): it parses back with Ical.Net, keeps
/// its UID and raises its SEQUENCE across a change, says CANCELLED once cancelled, is titled in the request's language,
/// holds the online link only for a confirmed registration, and is a 404 outside the member's audience and for a draft.
/// </summary>
public abstract class EventCalendarFileTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset Start = new(2031, 9, 3, 16, 0, 0, TimeSpan.Zero);

    private static CreateEventRequest Event(string title, string link) => new()
    {
        Kind = EventKind.Reunion,
        TitleSv = title + " (sv)",
        TitleEn = title,
        SummaryEn = "Meet again",
        StartsAt = Start,
        EndsAt = Start.AddHours(3),
        TimeZone = "Europe/Stockholm",
        Venue = "Aula",
        City = "Stockholm",
        Country = "SE",
        OnlineUrl = link,
        Audience = EventAudience.Departments,
        AudienceDepartmentCodes = ["DSV"],
    };

    [Fact]
    public async Task A_member_downloads_an_event_of_their_audience_as_a_calendar_file_that_keeps_its_uid_across_changes()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var title = "Calendar " + Guid.NewGuid().ToString("N")[..8];
        var link = "https://meet.example.org/" + Guid.NewGuid().ToString("N");
        var created = await CreateAsync(admin, Event(title, link));
        var member = await MemberClients.ActiveMemberAsync(api, $"calendar-{Guid.NewGuid():N}@alumni.test");
        await (await Calendar(member, created.Id, "en")).ProblemAsync(404);

        var published = await (await Send(admin, HttpMethod.Post, $"/api/events/{created.Id}/publish", null, null)).ReadAsync<EventResponse>();
        var response = await Calendar(member, created.Id, "en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("event.ics", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var first = IcalCalendar.Load(await response.Content.ReadAsStringAsync(Ct))!;
        var item = Assert.Single(first.Events);
        Assert.Equal($"{created.Id:D}@alumni.su.se", item.Uid);
        Assert.Equal((title, "CONFIRMED", "Europe/Stockholm"), (item.Summary, item.Status, item.DtStart?.TzId));
        Assert.Equal("Aula, Stockholm, SE", item.Location);
        Assert.Null(item.Url);
        Assert.Single(first.TimeZones);
        var swedish = IcalCalendar.Load(await (await Calendar(member, created.Id, "sv")).Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(title + " (sv)", Assert.Single(swedish.Events).Summary);

        var moved = Update(created.Id, Event(title, link) with { StartsAt = Start.AddHours(1), EndsAt = Start.AddHours(4) });
        var updated = await Send(admin, HttpMethod.Put, $"/api/events/{created.Id}", moved, $"\"{published.Version}\"");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var second = Assert.Single(IcalCalendar.Load(await (await Calendar(member, created.Id, "en")).Content.ReadAsStringAsync(Ct))!.Events);
        Assert.Equal(item.Uid, second.Uid);
        Assert.True(second.Sequence > item.Sequence);

        var memberId = (await MemberClients.ProfileAsync(member)).Id;
        await ConfirmAsync(created.Id, memberId);
        var confirmed = Assert.Single(IcalCalendar.Load(await (await Calendar(member, created.Id, "en")).Content.ReadAsStringAsync(Ct))!.Events);
        Assert.Equal(link, confirmed.Url?.OriginalString);

        Assert.Equal(HttpStatusCode.OK, (await Send(admin, HttpMethod.Post, $"/api/events/{created.Id}/cancel", null, null)).StatusCode);
        var cancelled = Assert.Single(IcalCalendar.Load(await (await Calendar(member, created.Id, "en")).Content.ReadAsStringAsync(Ct))!.Events);
        Assert.Equal("CANCELLED", cancelled.Status);
    }

    [Fact]
    public async Task A_member_outside_the_audience_gets_no_calendar_file()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var created = await CreateAsync(admin, Event("Elsewhere " + Guid.NewGuid().ToString("N")[..8], "https://meet.example.org/x") with
        {
            AudienceDepartmentCodes = ["ECON"],
        });
        Assert.Equal(HttpStatusCode.OK, (await Send(admin, HttpMethod.Post, $"/api/events/{created.Id}/publish", null, null)).StatusCode);
        var member = await MemberClients.ActiveMemberAsync(api, $"calendar-out-{Guid.NewGuid():N}@alumni.test");
        await (await Calendar(member, created.Id, "en")).ProblemAsync(404);
        await (await Calendar(member, Guid.NewGuid(), "en")).ProblemAsync(404);
    }

    private static Task<HttpResponseMessage> Calendar(HttpClient client, Guid id, string language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/me/events/{id}/calendar");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return client.SendAsync(request, Ct);
    }

    private static async Task<EventResponse> CreateAsync(HttpClient staff, CreateEventRequest request) =>
        await (await staff.PostAsJsonAsync("/api/events", request, Json.Options, Ct)).ReadAsync<EventResponse>();

    /// <summary>A confirmed registration written directly (registering is another use case), with its seat.</summary>
    private async Task ConfirmAsync(Guid eventId, Guid memberId)
    {
        var id = Guid.NewGuid();
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        await session.ExecuteAsync(Sql.Portable("""
            INSERT INTO event_registrations (id, event_id, member_id, status, seats, check_in_code, registered_at, language)
            VALUES (@Id, @EventId, @MemberId, 'confirmed', 1, @Code, @Now, 'en')
            """), new { Id = id, EventId = eventId, MemberId = memberId, Code = id.ToString("N")[..8].ToUpperInvariant(), Now = DateTimeOffset.UtcNow }, Ct);
        await session.ExecuteAsync(Sql.Portable("UPDATE events SET seats_taken = seats_taken + 1 WHERE id = @EventId"), new { EventId = eventId }, Ct);
        await session.CommitAsync(Ct);
    }

    private static UpdateEventRequest Update(Guid id, CreateEventRequest request) => new()
    {
        Id = id,
        Kind = request.Kind,
        TitleSv = request.TitleSv,
        TitleEn = request.TitleEn,
        SummaryEn = request.SummaryEn,
        StartsAt = request.StartsAt,
        EndsAt = request.EndsAt,
        TimeZone = request.TimeZone,
        Venue = request.Venue,
        City = request.City,
        Country = request.Country,
        OnlineUrl = request.OnlineUrl,
        Audience = request.Audience,
        AudienceDepartmentCodes = request.AudienceDepartmentCodes,
    };

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
