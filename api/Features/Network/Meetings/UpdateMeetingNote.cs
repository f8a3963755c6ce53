using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Meetings;

/// <summary>The office changes a note or decision of a network meeting, guarded by its version (If-Match).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class UpdateMeetingNote(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateMeetingNoteRequest, MeetingNoteResponse>
{
    private static readonly Sql Update = Sql.Portable("""
        UPDATE network_meeting_notes
        SET kind = @Kind, body = @Body, updated_at = @Now, version = version + 1
        WHERE id = @Id AND event_id = @EventId AND version = @Version
        """);

    public override void Configure()
    {
        Put("/network/meetings/{eventId}/notes/{id}");
        Description(b => b
            .WithName("network_updateMeetingNote")
            .WithSummary("Update a note or decision of a network meeting")
            .WithDescription("Replaces its kind and body. Send the ETag in If-Match: a stale one gets 412, none 428. The office (admins) only.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateMeetingNoteRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        await MeetingSql.MeetingAsync(session, req.EventId, ct);
        var current = await MeetingSql.NoteAsync(session, req.EventId, req.Id, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        Preconditions.Changed(await session.ExecuteAsync(Update, new
        {
            req.Id,
            req.EventId,
            Version = version,
            Kind = MeetingSql.Stored(req.Kind),
            Body = MeetingNoteRules.CleanBody(req.Body),
            Now = time.GetUtcNow(),
        }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.meeting-note-update", "meeting-note", req.Id.ToString()), ct);
        var note = await MeetingSql.NoteAsync(session, req.EventId, req.Id, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, note.Version);
        await Send.OkAsync(note, ct);
    }

    public sealed class Validator : Validator<UpdateMeetingNoteRequest>
    {
        public Validator() => this.AddNoteRules();
    }
}
