using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Meetings;

/// <summary>The office deletes a note or decision of a network meeting.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkWrite)]
public sealed class DeleteMeetingNote(Database db, IAuditLog audit) : Endpoint<MeetingNoteByIdRequest>
{
    private static readonly Sql Remove = Sql.Portable("DELETE FROM network_meeting_notes WHERE id = @Id AND event_id = @EventId");

    public override void Configure()
    {
        Delete("/network/meetings/{eventId}/notes/{id}");
        Description(b => b
            .WithName("network_deleteMeetingNote")
            .WithSummary("Delete a note or decision of a network meeting")
            .WithDescription("The office (admins) only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(MeetingNoteByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (await session.ExecuteAsync(Remove, new { req.Id, req.EventId }, ct) == 0)
        {
            throw ProblemException.NotFound(Texts.Get("network.meetings.noNoteWithThatId"));
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("network.meeting-note-delete", "meeting-note", req.Id.ToString()), ct);
        await session.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
