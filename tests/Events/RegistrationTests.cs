using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Features.Events.Mail;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using Alumni.Contracts.Problems;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Alumni.Api.Tests.Events;

public sealed class RegistrationTestsOnSqlite(SqliteApi api) : RegistrationTests(api), IClassFixture<SqliteApi>;

public sealed class RegistrationTestsOnSqlServer(SqlServerApi api) : RegistrationTests(api), IClassFixture<SqlServerApi>;

public sealed class RegistrationBurstTestsOnSqlite(SqliteApi api) : RegistrationBurstTests(api), IClassFixture<SqliteApi>;

public sealed class RegistrationBurstTestsOnSqlServer(SqlServerApi api) : RegistrationBurstTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Registering for events, through the API: every refusal writes nothing; the seat count is never exceeded, also by a
/// burst of concurrent registrations; the waiting list keeps its order and promotes whole groups; retries with an
/// Idempotency-Key answer the first answer; and the mails reach the SMTP server.
/// </summary>
public abstract class RegistrationTests(ApiFixture api) : RegistrationTestBase(api)
{
    [Fact]
    public async Task A_member_registers_with_guests_and_answers_and_finds_the_registration()
    {
        var diet = new TestQuestion(Guid.NewGuid(), "text", Required: false);
        var menu = new TestQuestion(Guid.NewGuid(), "choice", Required: true, """[{"sv":"Fisk","en":"Fish"},{"sv":"Vegetariskt","en":"Vegetarian"}]""");
        var photo = new TestQuestion(Guid.NewGuid(), "yesNo", Required: true);
        var ev = await EventTestData.EventAsync(Api, capacity: 10, guestsAllowed: 2, questions: [diet, menu, photo]);
        var member = (await EventTestData.MembersAsync(Api, 1)).Single();

        var response = await RegisterAsync(member, ev, new RegisterForEventRequest
        {
            Guests = [new() { Name = "Grace Hopper" }],
            Answers = [new() { QuestionId = menu.Id, Answer = "vegetarian" }, new() { QuestionId = photo.Id, Answer = "Yes" }, new() { QuestionId = diet.Id, Answer = " No nuts " }],
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registration = await response.ReadAsync<RegistrationResponse>();
        Assert.Equal((RegistrationStatus.Confirmed, 2, (int?)null), (registration.Status, registration.Seats, registration.Position));
        Assert.Equal(["Grace Hopper"], registration.Guests);
        Assert.Equal(8, registration.CheckInCode.Length);
        Assert.Equal([(menu.Id, "Vegetarian"), (photo.Id, "yes"), (diet.Id, "No nuts")],
            registration.Answers.Select(a => (a.QuestionId, a.Answer)).OrderBy(a => Array.IndexOf([menu.Id, photo.Id, diet.Id], a.QuestionId)));
        var mine = await (await member.Client.GetAsync($"/api/me/events/{ev}/registration", Ct)).ReadAsync<RegistrationResponse>();
        Assert.Equal((registration.Id, registration.CheckInCode, RegistrationStatus.Confirmed), (mine.Id, mine.CheckInCode, mine.Status));
        Assert.Equal(2, await SeatsTakenAsync(ev));
        var listed = await (await member.Client.GetAsync("/api/me/registrations", Ct)).ReadAsync<Paged<MyRegistrationSummary>>();
        var item = Assert.Single(listed.Items);
        Assert.Equal((ev, "Reunion", RegistrationStatus.Confirmed, 2), (item.EventId, item.Title, item.Status, item.Seats));
        var past = await (await member.Client.GetAsync("/api/me/registrations?when=past", Ct)).ReadAsync<Paged<MyRegistrationSummary>>();
        Assert.Empty(past.Items);
    }

    [Fact]
    public async Task Bad_registrations_are_400s_naming_the_field_and_write_nothing()
    {
        var menu = new TestQuestion(Guid.NewGuid(), "choice", Required: true, """[{"sv":"Fisk","en":"Fish"},{"sv":"Kött","en":"Meat"}]""");
        var photo = new TestQuestion(Guid.NewGuid(), "yesNo", Required: false);
        var ev = await EventTestData.EventAsync(Api, capacity: 10, guestsAllowed: 1, questions: [menu, photo]);
        var member = (await EventTestData.MembersAsync(Api, 1)).Single();
        var fish = new RegistrationAnswerInput { QuestionId = menu.Id, Answer = "Fisk" };
        var unknown = Guid.NewGuid();

        var cases = new (RegisterForEventRequest Request, string Field)[]
        {
            (new() { Guests = [new() { Name = "One" }, new() { Name = "Two" }], Answers = [fish] }, "guests"),
            (new() { Answers = [] }, $"answers.{menu.Id}"),
            (new() { Answers = [new() { QuestionId = menu.Id, Answer = "   " }] }, $"answers.{menu.Id}"),
            (new() { Answers = [new() { QuestionId = menu.Id, Answer = "Chicken" }] }, $"answers.{menu.Id}"),
            (new() { Answers = [fish, new() { QuestionId = photo.Id, Answer = "maybe" }] }, $"answers.{photo.Id}"),
            (new() { Answers = [fish, new() { QuestionId = unknown, Answer = "x" }] }, $"answers.{unknown}"),
            (new() { Answers = [fish, fish] }, $"answers.{menu.Id}"),
            (new() { Guests = [new() { Name = " " }], Answers = [fish] }, "guests[0].name"),
        };

        foreach (var (request, field) in cases)
        {
            var problem = await (await RegisterAsync(member, ev, request)).ProblemAsync(400);
            Assert.True(problem.Errors?.ContainsKey(field) == true, $"{field}: {string.Join(", ", problem.Errors?.Keys ?? [])}");
        }

        Assert.Equal(0, await WrittenAsync(ev));
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(member, ev, new() { Guests = [new() { Name = "One" }], Answers = [fish] })).StatusCode);
    }

    [Fact]
    public async Task Only_a_published_event_inside_its_window_takes_registrations()
    {
        var member = (await EventTestData.MembersAsync(Api, 1)).Single();
        var now = DateTimeOffset.UtcNow;
        var cases = new (Guid Event, string Field)[]
        {
            (await EventTestData.EventAsync(Api, status: "draft"), "status"),
            (await EventTestData.EventAsync(Api, status: "cancelled"), "status"),
            (await EventTestData.EventAsync(Api, status: "completed"), "status"),
            (await EventTestData.EventAsync(Api, opensAt: now.AddDays(1)), "registrationWindow"),
            (await EventTestData.EventAsync(Api, closesAt: now.AddMinutes(-1)), "registrationWindow"),
            (await EventTestData.EventAsync(Api, startsAt: now.AddMinutes(-5)), "registrationWindow"),
        };

        foreach (var (ev, field) in cases)
        {
            var problem = await (await RegisterAsync(member, ev, new())).ProblemAsync(409);
            Assert.Equal(ProblemTypes.Conflict, problem.Type);
            Assert.True(problem.Errors?.ContainsKey(field) == true, field);
            Assert.Equal(0, await WrittenAsync(ev));
        }
    }

    [Fact]
    public async Task Outside_the_audience_the_event_is_not_found()
    {
        var dsv = (await EventTestData.MembersAsync(Api, 1, "DSV")).Single();
        var forEconomics = await EventTestData.EventAsync(Api, audience: "departments", audienceDepartments: ["ECON"]);
        var forDsv = await EventTestData.EventAsync(Api, audience: "departments", audienceDepartments: ["ECON", "DSV"]);
        var forCoordinators = await EventTestData.EventAsync(Api, audience: "coordinators");

        await (await RegisterAsync(dsv, forEconomics, new())).ProblemAsync(404);
        await (await RegisterAsync(dsv, forCoordinators, new())).ProblemAsync(404);
        await (await RegisterAsync(dsv, Guid.NewGuid(), new())).ProblemAsync(404);
        Assert.Equal(0, await WrittenAsync(forEconomics) + await WrittenAsync(forCoordinators));
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(dsv, forDsv, new())).StatusCode);
    }

    [Fact]
    public async Task A_second_registration_is_a_409_until_the_first_is_cancelled()
    {
        var ev = await EventTestData.EventAsync(Api, capacity: 1);
        var members = await EventTestData.MembersAsync(Api, 2);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(members[0], ev, new())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(members[1], ev, new())).StatusCode);

        var confirmedAgain = await (await RegisterAsync(members[0], ev, new())).ProblemAsync(409);
        var waitingAgain = await (await RegisterAsync(members[1], ev, new())).ProblemAsync(409);

        Assert.True(confirmedAgain.Errors?.ContainsKey("registration") == true);
        Assert.True(waitingAgain.Errors?.ContainsKey("registration") == true);
        Assert.Equal(2, (await RegistrationsAsync(ev)).Count);
        var left = await (await members[1].Client.DeleteAsync($"/api/me/events/{ev}/registration", Ct)).ReadAsync<RegistrationResponse>();
        Assert.Equal(RegistrationStatus.Left, left.Status);
        var again = await (await RegisterAsync(members[1], ev, new())).ReadAsync<RegistrationResponse>();
        Assert.Equal((RegistrationStatus.Waiting, 1), (again.Status, again.Position));
        await (await members[1].Client.DeleteAsync($"/api/me/events/{Guid.NewGuid()}/registration", Ct)).ProblemAsync(404);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_answers_the_first_answer_and_another_body_is_a_422()
    {
        var ev = await EventTestData.EventAsync(Api, capacity: 2, guestsAllowed: 2);
        var members = await EventTestData.MembersAsync(Api, 2);
        await RegisterSeatsAsync(members[0], ev, 2);
        var request = new RegisterForEventRequest { Guests = [new() { Name = "Grace Hopper" }] };
        var key = Guid.NewGuid().ToString();

        var first = await RegisterAsync(members[1], ev, request, key);
        var retries = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => RegisterAsync(members[1], ev, request, key)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var answer = await first.ReadAsync<RegistrationResponse>();
        Assert.Equal((RegistrationStatus.Waiting, 1), (answer.Status, answer.Position));
        foreach (var retry in retries)
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equivalent(answer, await retry.ReadAsync<RegistrationResponse>());
        }

        Assert.Equal(2, (await RegistrationsAsync(ev)).Count);
        Assert.Single(await MailAsync(ev), m => m.RegistrationId == answer.Id);

        // Promoted since: a retry still answers the first answer (waiting, first in line).
        await members[0].Client.DeleteAsync($"/api/me/events/{ev}/registration", Ct);
        var later = await (await RegisterAsync(members[1], ev, request, key)).ReadAsync<RegistrationResponse>();
        Assert.Equal((answer.Id, RegistrationStatus.Waiting, 1), (later.Id, later.Status, later.Position));
        Assert.Equal(RegistrationStatus.Confirmed, (await (await members[1].Client.GetAsync($"/api/me/events/{ev}/registration", Ct)).ReadAsync<RegistrationResponse>()).Status);

        var reused = await (await RegisterAsync(members[1], ev, new() { Guests = [new() { Name = "Someone Else" }] }, key)).ProblemAsync(422);
        Assert.Equal(ProblemTypes.IdempotencyKeyReused, reused.Type);
        var otherEvent = await EventTestData.EventAsync(Api, guestsAllowed: 2);
        await (await RegisterAsync(members[1], otherEvent, request, key)).ProblemAsync(422);
        Assert.Equal(0, await WrittenAsync(otherEvent));
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(members[0], otherEvent, request, key)).StatusCode);
    }

    [Fact]
    public async Task Cancelling_promotes_in_queue_order_whole_groups_only_and_leaving_the_waiting_list_closes_the_gap()
    {
        var ev = await EventTestData.EventAsync(Api, capacity: 4, guestsAllowed: 3);
        var m = await EventTestData.MembersAsync(Api, 6);
        var a = await RegisterSeatsAsync(m[0], ev, 2);
        var b = await RegisterSeatsAsync(m[1], ev, 2);
        var c = await RegisterSeatsAsync(m[2], ev, 3);
        var d = await RegisterSeatsAsync(m[3], ev, 1);
        var e = await RegisterSeatsAsync(m[4], ev, 2);
        var f = await RegisterSeatsAsync(m[5], ev, 1);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed], new[] { a.Status, b.Status });
        Assert.Equal([1, 2, 3, 4], new[] { c.Position, d.Position, e.Position, f.Position });

        // A frees 2 seats: the group of 3 does not fit and keeps its place; the single behind it fits, then the pair does not
        // (1 seat left) and the next single takes the last seat.
        var cancelled = await (await m[0].Client.DeleteAsync($"/api/me/events/{ev}/registration", Ct)).ReadAsync<RegistrationResponse>();
        Assert.Equal(RegistrationStatus.Cancelled, cancelled.Status);
        Assert.Equal((RegistrationStatus.Waiting, 1), await StateAsync(m[2], ev));
        Assert.Equal((RegistrationStatus.Confirmed, null), await StateAsync(m[3], ev));
        Assert.Equal((RegistrationStatus.Waiting, 2), await StateAsync(m[4], ev));
        Assert.Equal((RegistrationStatus.Confirmed, null), await StateAsync(m[5], ev));
        Assert.Equal(4, await SeatsTakenAsync(ev));

        // The group of 3 leaves the waiting list: the pair moves up to first.
        var left = await (await m[2].Client.DeleteAsync($"/api/me/events/{ev}/registration", Ct)).ReadAsync<RegistrationResponse>();
        Assert.Equal(RegistrationStatus.Left, left.Status);
        Assert.Equal((RegistrationStatus.Waiting, 1), await StateAsync(m[4], ev));
        Assert.Equal(4, await SeatsTakenAsync(ev));

        // B frees 2: the pair fits now.
        await m[1].Client.DeleteAsync($"/api/me/events/{ev}/registration", Ct);
        Assert.Equal((RegistrationStatus.Confirmed, null), await StateAsync(m[4], ev));
        Assert.Equal(4, await SeatsTakenAsync(ev));
        var promoted = (await MailAsync(ev)).Where(x => x.Kind == EventMailKinds.Promoted).Select(x => x.RegistrationId).ToHashSet();
        Assert.Equal(new HashSet<Guid?> { d.Id, f.Id, e.Id }, promoted);
    }

    [Fact]
    public async Task Erasing_a_member_ends_their_registration_promotes_the_waiting_list_and_removes_their_guests_names()
    {
        var ev = await EventTestData.EventAsync(Api, capacity: 2, guestsAllowed: 1);
        var m = await EventTestData.MembersAsync(Api, 2);
        var erased = await (await RegisterAsync(m[0], ev, new RegisterForEventRequest { Guests = [new RegistrationGuestInput { Name = "Gustav Gäst" }] }))
            .ReadAsync<RegistrationResponse>();
        var waiting = await RegisterSeatsAsync(m[1], ev, 2);
        Assert.Equal((RegistrationStatus.Confirmed, RegistrationStatus.Waiting), (erased.Status, waiting.Status));

        var admin = await Api.AdminAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/members/{m[0].MemberId}/erase", null, Ct)).StatusCode);

        var stored = await RegistrationsAsync(ev);
        Assert.Equal("cancelled", stored.Single(r => r.Id == erased.Id).Status);
        Assert.Equal((RegistrationStatus.Confirmed, null), await StateAsync(m[1], ev));
        Assert.Equal(2, await SeatsTakenAsync(ev));
        await using var session = await Api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        Assert.Equal(1, await session.ExecuteScalarAsync<int>(GuestsWithoutNames, new { RegistrationId = erased.Id }, Ct));
        Assert.Equal(0, await session.ExecuteScalarAsync<int>(UnsentMailTo, new { m[0].MemberId }, Ct));
    }

    private static readonly Sql GuestsWithoutNames = Sql.Portable("""
        SELECT COUNT(*) FROM event_registration_guests WHERE registration_id = @RegistrationId AND name IS NULL
        """);

    private static readonly Sql UnsentMailTo = Sql.Portable("""
        SELECT COUNT(*) FROM event_mail WHERE member_id = @MemberId AND sent_at IS NULL
        """);

    [Fact]
    public async Task The_mails_reach_the_smtp_server_the_confirmation_with_the_calendar_file_and_the_qr_code()
    {
        var ev = await EventTestData.EventAsync(Api, capacity: 1, title: "Alumni Day", onlineUrl: "https://meet.example.org/alumni");
        var first = await EventTestData.SignedUpMemberAsync(Api);
        var second = await EventTestData.SignedUpMemberAsync(Api);

        var registration = await (await RegisterAsync(first, ev, new())).ReadAsync<RegistrationResponse>();
        var confirmation = await MailAsync(first.Email, "You are registered: Alumni Day");
        await RegisterAsync(second, ev, new());
        var waiting = await MailAsync(second.Email, "You are on the waiting list: Alumni Day");
        await first.Client.DeleteAsync($"/api/me/events/{ev}/registration", Ct);
        var promoted = await MailAsync(second.Email, "You have a seat: Alumni Day");

        Assert.Contains(registration.CheckInCode, confirmation.TextBody);
        Assert.Contains("https://meet.example.org/alumni", confirmation.TextBody);
        Assert.Contains("Europe/Stockholm", confirmation.TextBody);
        var calendar = confirmation.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using (var ics = new MemoryStream())
        {
            await calendar.Content!.DecodeToAsync(ics, Ct);
            var parsed = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.ToArray()))!;
            Assert.Equal($"{ev:D}@alumni.su.se", Assert.Single(parsed.Events).Uid);
        }

        var qr = confirmation.BodyParts.OfType<MimePart>().Single(p => p.ContentType.MimeType == "image/png");
        Assert.Contains($"cid:{qr.ContentId}", confirmation.HtmlBody);
        Assert.Contains("Your place on the waiting list: 1", waiting.TextBody);
        Assert.DoesNotContain("meet.example.org", waiting.TextBody);
        Assert.Contains(promoted.BodyParts.OfType<MimePart>(), p => p.ContentType.MimeType == "image/png");
        Assert.Equal(0, await UnsentAsync(ev));
    }

    [Fact]
    public async Task Staff_raising_the_capacity_promotes_from_the_waiting_list_and_a_new_time_is_mailed_to_everyone_registered()
    {
        var admin = await Api.AdminAsync();
        var create = EventTests.Valid("Staff changes") with { RegistrationOpensAt = null, RegistrationClosesAt = null, Questions = [], Capacity = 1 };
        var created = await (await admin.PostAsJsonAsync("/api/events", create, Json.Options, Ct)).ReadAsync<EventResponse>();
        var published = await (await admin.PostAsync($"/api/events/{created.Id}/publish", null, Ct)).ReadAsync<EventResponse>();
        var first = await EventTestData.SignedUpMemberAsync(Api);
        var second = await EventTestData.SignedUpMemberAsync(Api);
        await RegisterAsync(first, created.Id, new());
        var waiting = await (await RegisterAsync(second, created.Id, new() { Guests = [new() { Name = "Grace Hopper" }] })).ReadAsync<RegistrationResponse>();

        var raised = await UpdateAsync(admin, created.Id, create with { Capacity = 2 }, published.Version);
        var stillWaiting = await StateAsync(second, created.Id);
        var roomy = await UpdateAsync(admin, created.Id, create with { Capacity = 3 }, raised.Version);
        var promoted = await StateAsync(second, created.Id);
        await UpdateAsync(admin, created.Id, create with { Capacity = 3, StartsAt = create.StartsAt.AddDays(1), EndsAt = create.EndsAt.AddDays(1) }, roomy.Version);

        Assert.Equal((RegistrationStatus.Waiting, 1), (waiting.Status, waiting.Position));
        Assert.Equal((RegistrationStatus.Waiting, 1), stillWaiting);
        Assert.Equal((RegistrationStatus.Confirmed, null), promoted);
        Assert.Equal(3, await SeatsTakenAsync(created.Id));
        await MailAsync(second.Email, "You have a seat: Staff changes");
        var changed = await MailAsync(first.Email, "Changed: Staff changes");
        await MailAsync(second.Email, "Changed: Staff changes");
        Assert.Contains("15 May 2031", changed.TextBody);
        Assert.Contains(changed.Attachments.OfType<MimePart>(), p => p.ContentType.MimeType == "text/calendar");
    }

    private static async Task<EventResponse> UpdateAsync(HttpClient staff, Guid id, CreateEventRequest body, int version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{id}")
        {
            Content = JsonContent.Create(EventTests.Update(id, body), options: Json.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await (await staff.SendAsync(request, Ct)).ReadAsync<EventResponse>();
    }

}

/// <summary>
/// The burst, on an API of its own: its 200 mails would hold up the other tests' mail behind them.
/// </summary>
public abstract class RegistrationBurstTests(ApiFixture api) : RegistrationTestBase(api)
{
    /// <summary>
    /// The target of the issue, as a test: 200 members (single seats and groups of 2–4) register at once for 20 seats.
    /// Exactly 20 seats are confirmed, none twice, no request fails, the waiting list is numbered 1, 2, 3, … in the
    /// order the registrations were made; then cancellations promote as the rule says, groups whole.
    /// </summary>
    [Fact]
    public async Task A_burst_of_200_registrations_for_20_seats_confirms_exactly_20_and_queues_the_rest_in_order()
    {
        const int seats = 20;
        var ev = await EventTestData.EventAsync(Api, capacity: seats, guestsAllowed: 3);
        var members = await EventTestData.MembersAsync(Api, 200);
        var requests = members.Select((member, i) => (member, Request: new RegisterForEventRequest
        {
            Guests = Enumerable.Range(1, i % 4).Select(g => new RegistrationGuestInput { Name = $"Guest {g}" }).ToList(),
        })).ToList();

        var responses = await Task.WhenAll(requests.Select(r => RegisterAsync(r.member, ev, r.Request)));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.True(statuses.All(s => s == 201), $"Not all 201: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{g.Count()}× {g.Key}"))}{ServerErrors.Describe()}");
        var answers = await Task.WhenAll(responses.Select(r => r.ReadAsync<RegistrationResponse>()));
        Assert.Equal(seats, answers.Where(a => a.Status == RegistrationStatus.Confirmed).Sum(a => a.Seats));
        Assert.Equal(seats, await SeatsTakenAsync(ev));
        var stored = await RegistrationsAsync(ev);
        Assert.Equal(200, stored.Count);
        Assert.Equal(200, stored.Select(r => r.MemberId).Distinct().Count());
        Assert.Equal(seats, stored.Where(r => r.Status == "confirmed").Sum(r => r.Seats));
        var waiting = stored.Where(r => r.Status == "waiting").OrderBy(r => r.QueueNumber).ToList();
        Assert.Equal(Enumerable.Range(1, waiting.Count).Select(i => (long?)i), waiting.Select(r => r.QueueNumber));
        Assert.Equal(waiting.Select(r => r.RegisteredAt).Order(), waiting.Select(r => r.RegisteredAt));
        var positions = answers.Where(a => a.Status == RegistrationStatus.Waiting).ToDictionary(a => a.Id, a => a.Position);
        Assert.All(waiting, r => Assert.Equal((int?)r.QueueNumber, positions[r.Id]));
        Assert.Equal(200, (await MailAsync(ev)).Count);

        // Cancellations, one after another: after each, exactly the waiting registrations the rule picks are promoted.
        var byMember = members.ToDictionary(m => m.MemberId);
        foreach (var leaving in stored.Where(r => r.Status == "confirmed").OrderBy(r => r.RegisteredAt).Take(4).ToList())
        {
            var before = await RegistrationsAsync(ev);
            var free = seats - before.Where(r => r.Status == "confirmed").Sum(r => r.Seats) + leaving.Seats;
            var expected = new List<Guid>();
            foreach (var next in before.Where(r => r.Status == "waiting").OrderBy(r => r.QueueNumber))
            {
                if (next.Seats <= free)
                {
                    expected.Add(next.Id);
                    free -= next.Seats;
                }
            }

            var response = await byMember[leaving.MemberId].Client.DeleteAsync($"/api/me/events/{ev}/registration", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var after = await RegistrationsAsync(ev);
            var promoted = after.Where(r => r.Status == "confirmed").Select(r => r.Id)
                .Except(before.Where(r => r.Status == "confirmed").Select(r => r.Id)).Order().ToList();
            Assert.Equal(expected.Order().ToList(), promoted);
            Assert.Equal(after.Where(r => r.Status == "confirmed").Sum(r => r.Seats), await SeatsTakenAsync(ev));
            Assert.True(await SeatsTakenAsync(ev) <= seats);
        }
    }
}

/// <summary>What the registration tests share: the API, and reading what it stored and sent.</summary>
public abstract class RegistrationTestBase(ApiFixture api)
{
    protected ApiFixture Api => api;

    protected static readonly Sql Registrations = Sql.Portable("""
        SELECT id AS Id, member_id AS MemberId, status AS Status, seats AS Seats, queue_number AS QueueNumber, registered_at AS RegisteredAt
        FROM event_registrations WHERE event_id = @EventId
        """);

    protected static readonly Sql Seats = Sql.Portable("""
        SELECT seats_taken FROM events WHERE id = @EventId
        """);

    protected static readonly Sql Mail = Sql.Portable("""
        SELECT registration_id AS RegistrationId, kind AS Kind, sent_at AS SentAt FROM event_mail WHERE event_id = @EventId
        """);

    protected static readonly Sql Written = Sql.Portable("""
        SELECT (SELECT COUNT(*) FROM event_registrations WHERE event_id = @EventId)
             + (SELECT COUNT(*) FROM event_mail WHERE event_id = @EventId)
             + (SELECT COUNT(*) FROM event_answers a JOIN event_registrations r ON r.id = a.registration_id WHERE r.event_id = @EventId)
             + (SELECT COUNT(*) FROM event_registration_guests g JOIN event_registrations r ON r.id = g.registration_id WHERE r.event_id = @EventId)
             + (SELECT seats_taken FROM events WHERE id = @EventId)
        """);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;


    /// <summary>The message to this address with this subject, once the SMTP server has it (at most 10 seconds).</summary>
    protected async Task<MimeMessage> MailAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = api.Mail.Received.FirstOrDefault(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase) && m.Message.Subject == subject);
            if (found is not null)
            {
                return found.Message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No mail \"{subject}\" to {to} reached the SMTP server; it has: "
                + string.Join("; ", api.Mail.Received.Where(m => m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase)).Select(m => m.Message.Subject)));
            await Task.Delay(20, Ct);
        }
    }

    /// <summary>The event's mails not yet marked sent, once the sender has marked what it sent (at most 10 seconds).</summary>
    protected async Task<int> UnsentAsync(Guid ev)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var unsent = (await MailAsync(ev)).Count(m => m.SentAt is null);
            if (unsent == 0 || DateTime.UtcNow > deadline)
            {
                return unsent;
            }

            await Task.Delay(20, Ct);
        }
    }

    protected async Task<RegistrationResponse> RegisterSeatsAsync(TestMember member, Guid ev, int seats) =>
        await (await RegisterAsync(member, ev, new()
        {
            Guests = Enumerable.Range(1, seats - 1).Select(g => new RegistrationGuestInput { Name = $"Guest {g}" }).ToList(),
        })).ReadAsync<RegistrationResponse>();

    protected static async Task<(RegistrationStatus, int?)> StateAsync(TestMember member, Guid ev)
    {
        var registration = await (await member.Client.GetAsync($"/api/me/events/{ev}/registration", Ct)).ReadAsync<RegistrationResponse>();
        return (registration.Status, registration.Position);
    }

    protected static Task<HttpResponseMessage> RegisterAsync(TestMember member, Guid ev, RegisterForEventRequest body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/me/events/{ev}/registration")
        {
            Content = JsonContent.Create(body, options: Json.Options),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return member.Client.SendAsync(request, Ct);
    }

    protected async Task<IReadOnlyList<StoredRegistration>> RegistrationsAsync(Guid ev)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.QueryAsync<StoredRegistration>(Registrations, new { EventId = ev }, Ct);
    }

    protected async Task<int> SeatsTakenAsync(Guid ev)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.ExecuteScalarAsync<int>(Seats, new { EventId = ev }, Ct);
    }

    protected async Task<long> WrittenAsync(Guid ev)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.ExecuteScalarAsync<long>(Written, new { EventId = ev }, Ct);
    }

    protected async Task<IReadOnlyList<StoredMail>> MailAsync(Guid ev)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.QueryAsync<StoredMail>(Mail, new { EventId = ev }, Ct);
    }

    protected sealed record StoredRegistration
    {
        public Guid Id { get; init; }
        public Guid MemberId { get; init; }
        public string Status { get; init; } = "";
        public int Seats { get; init; }
        public long? QueueNumber { get; init; }
        public DateTimeOffset RegisteredAt { get; init; }
    }

    protected sealed record StoredMail
    {
        public Guid? RegistrationId { get; init; }
        public string Kind { get; init; } = "";
        public DateTimeOffset? SentAt { get; init; }
    }
}
