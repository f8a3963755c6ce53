using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Meetings;

/// <summary>A network meeting with its notes and decisions.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetMeeting(Database db) : Endpoint<MeetingByIdRequest, MeetingResponse>
{
    public override void Configure()
    {
        Get("/network/meetings/{eventId}");
        Description(b => b
            .WithName("network_getMeeting")
            .WithSummary("Get a network meeting with its notes and decisions")
            .WithDescription("The meeting's event facts and its notes and decisions, oldest first, each with its body as Markdown and as safe HTML "
                + "and its author's name. An event that is not a network meeting (not for the coordinators, or a draft) is a 404. Coordinators and the office.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(MeetingByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var meeting = await MeetingSql.MeetingAsync(session, req.EventId, ct);
        var notes = await session.QueryAsync<MeetingNoteResponse>(MeetingSql.NotesOf, new { req.EventId }, ct);
        await Send.OkAsync(new MeetingResponse { Meeting = meeting, Notes = notes.Select(MeetingSql.WithHtml).ToList() }, ct);
    }
}
