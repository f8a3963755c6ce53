using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Newsletters;
using Alumni.Contracts;
using Alumni.Contracts.Network;

namespace Alumni.Api.Tests.Network;

public sealed class MeetingTestsOnSqlite(SqliteApi api) : MeetingTests(api), IClassFixture<SqliteApi>;

public sealed class MeetingTestsOnSqlServer(SqlServerApi api) : MeetingTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The network's meetings are Events' events for the coordinators (drafts left out): coordinators read them with their
/// notes and decisions, the office writes those (If-Match on changes, audited); an event that is no meeting takes none.
/// </summary>
public abstract class MeetingTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Put(string path, object body, string? etag) => new HttpRequestMessage(HttpMethod.Put, path)
    {
        Content = JsonContent.Create(body, options: Json.Options),
    }.WithIfMatch(etag);

    private static CreateMeetingNoteRequest Note(MeetingNoteKind kind, string body) => new() { Kind = kind, Body = body };

    [Fact]
    public async Task A_coordinator_reads_a_meetings_notes_and_decisions_and_the_office_writes_them()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var title = "Nätverksmöte " + Guid.NewGuid().ToString("N")[..6];
        var meeting = await EventTestData.EventAsync(api, audience: "coordinators", title: title, startsAt: DateTimeOffset.UtcNow.AddDays(3));

        var created = await admin.PostAsJsonAsync($"/api/network/meetings/{meeting}/notes",
            Note(MeetingNoteKind.Note, "Vi gick igenom **terminens** planer.\n\n<script>alert(1)</script>\n- alumnidagen\n- mentorskap"), Json.Options, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var note = await created.ReadAsync<MeetingNoteResponse>();
        Assert.Equal(MeetingNoteKind.Note, note.Kind);
        Assert.Contains("<strong>terminens</strong>", note.BodyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", note.BodyHtml, StringComparison.OrdinalIgnoreCase);
        var decision = await (await admin.PostAsJsonAsync($"/api/network/meetings/{meeting}/notes",
            Note(MeetingNoteKind.Decision, "Alumnidagen hålls den 14 mars."), Json.Options, Ct)).ReadAsync<MeetingNoteResponse>();

        var read = await (await coordinator.GetAsync($"/api/network/meetings/{meeting}", Ct)).ReadAsync<MeetingResponse>();
        Assert.Equal(title, read.Meeting.TitleEn);
        Assert.Equal((1, 1), (read.Meeting.NoteCount, read.Meeting.DecisionCount));
        Assert.Equal([note.Id, decision.Id], read.Notes.Select(n => n.Id));
        Assert.Equal(MeetingNoteKind.Decision, read.Notes[1].Kind);
        Assert.False(string.IsNullOrEmpty(read.Notes[0].AuthorName));

        var upcoming = await (await coordinator.GetAsync("/api/network/meetings?pageSize=100", Ct)).ReadAsync<Paged<MeetingSummary>>();
        var listed = Assert.Single(upcoming.Items, m => m.EventId == meeting);
        Assert.Equal((1, 1), (listed.NoteCount, listed.DecisionCount));
        var past = await (await coordinator.GetAsync("/api/network/meetings?when=past&pageSize=100", Ct)).ReadAsync<Paged<MeetingSummary>>();
        Assert.DoesNotContain(past.Items, m => m.EventId == meeting);

        var change = new UpdateMeetingNoteRequest { EventId = meeting, Id = note.Id, Kind = MeetingNoteKind.Decision, Body = "Beslut: vi bjuder in." };
        var path = $"/api/network/meetings/{meeting}/notes/{note.Id}";
        await (await admin.SendAsync(Put(path, change, null), Ct)).ProblemAsync(428);
        var updated = await (await admin.SendAsync(Put(path, change, "\"1\""), Ct)).ReadAsync<MeetingNoteResponse>();
        Assert.Equal((MeetingNoteKind.Decision, 2), (updated.Kind, updated.Version));
        await (await admin.SendAsync(Put(path, change, "\"1\""), Ct)).ProblemAsync(412);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/network/meetings/{meeting}/notes/{decision.Id}", Ct)).StatusCode);
        await (await admin.DeleteAsync($"/api/network/meetings/{meeting}/notes/{decision.Id}", Ct)).ProblemAsync(404);
        read = await (await coordinator.GetAsync($"/api/network/meetings/{meeting}", Ct)).ReadAsync<MeetingResponse>();
        Assert.Equal(note.Id, Assert.Single(read.Notes).Id);

        var actions = await NewsletterData.QueryAsync<string>(api, "SELECT action FROM audit_log WHERE entity_type = 'meeting-note' AND entity_id IN @Ids ORDER BY action",
            new { Ids = new[] { note.Id.ToString(), decision.Id.ToString() } });
        Assert.Equal(["network.meeting-note-create", "network.meeting-note-create", "network.meeting-note-delete", "network.meeting-note-update"], actions);
    }

    [Fact]
    public async Task A_coordinator_cannot_write_notes()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var coordinator = await api.CoordinatorAsync("DSV");
        var meeting = await EventTestData.EventAsync(api, audience: "coordinators", title: "Nätverksträff");
        var note = await (await admin.PostAsJsonAsync($"/api/network/meetings/{meeting}/notes", Note(MeetingNoteKind.Note, "Hej"), Json.Options, Ct))
            .ReadAsync<MeetingNoteResponse>();

        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync($"/api/network/meetings/{meeting}/notes",
            Note(MeetingNoteKind.Note, "Min egen"), Json.Options, Ct)).StatusCode);
        var change = new UpdateMeetingNoteRequest { EventId = meeting, Id = note.Id, Kind = MeetingNoteKind.Note, Body = "Ändrad" };
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.SendAsync(Put($"/api/network/meetings/{meeting}/notes/{note.Id}", change, "\"1\""), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.DeleteAsync($"/api/network/meetings/{meeting}/notes/{note.Id}", Ct)).StatusCode);

        var read = await (await coordinator.GetAsync($"/api/network/meetings/{meeting}", Ct)).ReadAsync<MeetingResponse>();
        Assert.Equal(("Hej", 1), (Assert.Single(read.Notes).Body, read.Notes[0].Version));
    }

    [Fact]
    public async Task An_event_that_is_not_a_network_meeting_is_refused_and_nothing_is_written()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var forMembers = await EventTestData.EventAsync(api, audience: "all", title: "Återträff");
        var draft = await EventTestData.EventAsync(api, audience: "coordinators", status: "draft", title: "Utkast till möte");

        foreach (var id in new[] { forMembers, draft, Guid.NewGuid() })
        {
            await (await admin.PostAsJsonAsync($"/api/network/meetings/{id}/notes", Note(MeetingNoteKind.Decision, "Beslut"), Json.Options, Ct)).ProblemAsync(404);
            await (await admin.GetAsync($"/api/network/meetings/{id}", Ct)).ProblemAsync(404);
        }

        var written = await NewsletterData.QueryAsync<int>(api, "SELECT COUNT(*) FROM network_meeting_notes WHERE event_id IN @Ids",
            new { Ids = new[] { forMembers, draft } });
        Assert.Equal(0, Assert.Single(written));
        var upcoming = await (await admin.GetAsync("/api/network/meetings?pageSize=100", Ct)).ReadAsync<Paged<MeetingSummary>>();
        Assert.DoesNotContain(upcoming.Items, m => m.EventId == forMembers || m.EventId == draft);
    }

    [Fact]
    public async Task A_note_is_checked_and_past_meetings_come_latest_first()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var older = await EventTestData.EventAsync(api, audience: "coordinators", title: "Höstmöte", startsAt: DateTimeOffset.UtcNow.AddDays(-60));
        var newer = await EventTestData.EventAsync(api, audience: "coordinators", title: "Vintermöte", startsAt: DateTimeOffset.UtcNow.AddDays(-10));

        var problem = await (await admin.PostAsJsonAsync($"/api/network/meetings/{older}/notes", Note(MeetingNoteKind.Note, "  \n "), Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["body"], problem.Errors!.Keys);
        await (await admin.PostAsJsonAsync($"/api/network/meetings/{older}/notes", Note(MeetingNoteKind.Note, new string('a', 10_001)), Json.Options, Ct)).ProblemAsync(400);

        var past = await (await admin.GetAsync("/api/network/meetings?when=past&pageSize=100", Ct)).ReadAsync<Paged<MeetingSummary>>();
        var ids = past.Items.Select(m => m.EventId).ToList();
        Assert.True(ids.IndexOf(newer) >= 0 && ids.IndexOf(newer) < ids.IndexOf(older));
        await (await admin.GetAsync("/api/network/meetings?when=later", Ct)).ProblemAsync(400);
    }
}
