using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Meetings;

/// <summary>The office adds a note or a decision to a network meeting.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class CreateMeetingNote(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateMeetingNoteRequest, MeetingNoteResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO network_meeting_notes (id, event_id, kind, body, created_by, created_at, updated_at, version)
        VALUES (@Id, @EventId, @Kind, @Body, @By, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/network/meetings/{eventId}/notes");
        Description(b => b
            .WithName("network_createMeetingNote")
            .WithSummary("Add a note or decision to a network meeting")
            .WithDescription("A note or a decision (Markdown, at most 10,000 characters) on an event for the coordinators; an event that is not a "
                + "network meeting is a 404. The office (admins) only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<MeetingNoteResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CreateMeetingNoteRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var session = await db.BeginAsync(ct);
        await MeetingSql.MeetingAsync(session, req.EventId, ct);
        await session.ExecuteAsync(Insert, new
        {
            Id = id,
            req.EventId,
            Kind = MeetingSql.Stored(req.Kind),
            Body = MeetingNoteRules.CleanBody(req.Body),
            By = User.PersonId(),
            Now = now,
        }, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.meeting-note-create", "meeting-note", id.ToString()), ct);
        var note = await MeetingSql.NoteAsync(session, req.EventId, id, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, note.Version);
        await Send.ResponseAsync(note, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateMeetingNoteRequest>
    {
        public Validator() => this.AddNoteRules();
    }
}
