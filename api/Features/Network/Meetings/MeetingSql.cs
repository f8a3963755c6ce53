using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Meetings;

/// <summary>
/// The SQL the meetings' use cases share. A meeting is an event of Events with the coordinator audience, read through
/// Events' view <c>network_meetings</c> (drafts are never meetings); its notes and decisions are the network's own rows.
/// </summary>
internal static class MeetingSql
{
    /// <summary>The columns of <see cref="MeetingSummary"/>, from <c>network_meetings m</c>.</summary>
    public const string Columns = """
        SELECT m.event_id AS EventId, m.organiser_department_id AS OrganiserDepartmentId, m.status AS Status,
               m.title_sv AS TitleSv, m.title_en AS TitleEn, m.starts_at AS StartsAt, m.ends_at AS EndsAt, m.time_zone AS TimeZone,
               m.venue AS Venue, m.city AS City, m.country AS Country, m.online AS Online,
               (SELECT COUNT(*) FROM network_meeting_notes n WHERE n.event_id = m.event_id AND n.kind = 'note') AS NoteCount,
               (SELECT COUNT(*) FROM network_meeting_notes n WHERE n.event_id = m.event_id AND n.kind = 'decision') AS DecisionCount
        """;

    public static readonly Sql ById = Sql.Portable(Columns + """

        FROM network_meetings m
        WHERE m.event_id = @EventId
        """);

    private const string NoteColumns = """
        SELECT n.id AS Id, n.event_id AS EventId, n.kind AS Kind, n.body AS Body, c.name AS AuthorName,
               n.created_at AS CreatedAt, n.updated_at AS UpdatedAt, n.version AS Version
        FROM network_meeting_notes n
        LEFT JOIN caller_names c ON c.id = n.created_by
        """;

    public static readonly Sql NotesOf = Sql.Portable(NoteColumns + """

        WHERE n.event_id = @EventId
        ORDER BY n.created_at, n.id
        """);

    public static readonly Sql NoteById = Sql.Portable(NoteColumns + """

        WHERE n.id = @Id AND n.event_id = @EventId
        """);

    /// <summary>The meeting; 404 when the event is not one of the network's meetings (or does not exist).</summary>
    public static async Task<MeetingSummary> MeetingAsync(DbSession session, Guid eventId, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<MeetingSummary>(ById, new { EventId = eventId }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("network.meetings.noMeetingWithThatId"));

    /// <summary>The note of that meeting, its body as safe HTML; 404 when there is none.</summary>
    public static async Task<MeetingNoteResponse> NoteAsync(DbSession session, Guid eventId, Guid id, CancellationToken ct)
    {
        var note = await session.QuerySingleOrDefaultAsync<MeetingNoteResponse>(NoteById, new { EventId = eventId, Id = id }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("network.meetings.noNoteWithThatId"));
        return WithHtml(note);
    }

    /// <summary>The note with its body rendered as safe HTML.</summary>
    public static MeetingNoteResponse WithHtml(MeetingNoteResponse note) => note with { BodyHtml = Markdown.ToSafeHtml(note.Body) };

    /// <summary>How a kind is stored.</summary>
    public static string Stored(MeetingNoteKind kind) => kind == MeetingNoteKind.Decision ? "decision" : "note";
}

/// <summary>The rules of a note's fields.</summary>
internal static class MeetingNoteRules
{
    public const int BodyMaxLength = 10_000;

    public static void AddNoteRules<T>(this Validator<T> validator) where T : MeetingNoteInput
    {
        validator.RuleFor(r => r.Kind).IsInEnum().WithMessage(_ => Texts.Get("common.thisValueIsNotOne"));
        validator.RuleFor(r => r.Body)
            .Cascade(CascadeMode.Stop)
            .Must(b => !string.IsNullOrWhiteSpace(b)).WithMessage(_ => Texts.Get("common.writeSomething"))
            .Must(b => b.Trim().Length <= BodyMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", BodyMaxLength));
    }

    /// <summary>Markdown keeps its inner line breaks and indentation; only blank ends go.</summary>
    public static string CleanBody(string body) => body.Trim('\r', '\n').TrimEnd();
}
