using System.Globalization;
using System.Text;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Attendees;

/// <summary>
/// Every registration of an event as a CSV file for a spreadsheet (UTF-8 with BOM): the person, the state, the seats and
/// guests, the check-in, and one column per question (its label in the request's language). Cells a spreadsheet would
/// run as formulas are neutralised. For the staff who may see the attendees; audited.
/// </summary>
[Access(Caller.Staff)]
public sealed class ExportRegistrations(Database db, IAuditLog audit, TimeProvider time) : Endpoint<ExportRegistrationsRequest>
{
    private static readonly string[] Header =
        ["registration_id", "first_name", "last_name", "email", "status", "seats", "guests", "waiting_position", "registered_at",
         "checked_in_at", "language"];

    [Unscoped("the questions of an event the caller's scope already allowed")]
    private static readonly Sql Questions = Sql.Portable("""
        SELECT id AS Id, label_sv AS LabelSv, label_en AS LabelEn FROM event_questions WHERE event_id = @Id ORDER BY position
        """);

    [Unscoped("the registrations of an event the caller's scope already allowed")]
    private static readonly Sql Rows = Sql.Portable("""
        SELECT r.id AS Id, r.member_id AS MemberId, c.first_name AS FirstName, c.last_name AS LastName, c.email AS Email,
               r.status AS State, r.seats AS Seats, r.check_in_code AS CheckInCode, r.checked_in_at AS CheckedInAt,
               r.registered_at AS RegisteredAt, r.confirmed_at AS ConfirmedAt, r.cancelled_at AS CancelledAt,
               r.language AS Language, r.anonymised_at AS AnonymisedAt,
               CASE WHEN r.status = 'waiting' THEN (
                   SELECT COUNT(*) FROM event_registrations w
                   WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.queue_number <= r.queue_number) END AS Position
        FROM event_registrations r
        LEFT JOIN member_contacts c ON c.member_id = r.member_id
        WHERE r.event_id = @Id
        ORDER BY CASE r.status WHEN 'confirmed' THEN 0 WHEN 'waiting' THEN 1 WHEN 'cancelled' THEN 2 ELSE 3 END,
                 CASE WHEN r.status = 'waiting' THEN r.queue_number END, c.last_name, c.first_name, r.id
        """);

    [Unscoped("the guests of an event the caller's scope already allowed")]
    private static readonly Sql Guests = Sql.Portable("""
        SELECT g.registration_id AS RegistrationId, g.name AS Name
        FROM event_registration_guests g
        JOIN event_registrations r ON r.id = g.registration_id
        WHERE r.event_id = @Id
        ORDER BY g.registration_id, g.position
        """);

    [Unscoped("the answers of an event the caller's scope already allowed")]
    private static readonly Sql Answers = Sql.Portable("""
        SELECT a.registration_id AS RegistrationId, a.question_id AS QuestionId, a.answer AS Answer
        FROM event_answers a
        JOIN event_registrations r ON r.id = a.registration_id
        WHERE r.event_id = @Id
        """);

    public override void Configure()
    {
        Get("/events/{id}/registrations/export");
        Description(b => b
            .WithName("events_exportRegistrations")
            .WithSummary("Export an event's registrations as CSV")
            .WithDescription("Every registration in the order of events_listRegistrations (UTF-8 with BOM, comma-separated): registration_id, first_name, "
                + "last_name, email, status (as in events_listRegistrations), seats, guests (names separated by semicolons), waiting_position, "
                + "registered_at, checked_in_at, language, then one column per question, headed by its label. Audited.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ExportRegistrationsRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        AttendedEventRow ev;
        await using (var log = await db.BeginAsync(ct))
        {
            ev = await AttendanceSql.AttendedAsync(log, req.Id, scope, ct);
            await audit.WriteAsync(log, HttpContext, new AuditEvent("event.export", "event", req.Id.ToString()), ct);
            await log.CommitAsync(ct);
        }

        await using var session = await db.OpenAsync(ct);
        var questions = await session.QueryAsync<QuestionRow>(Questions, new { req.Id }, ct);
        var guests = (await session.QueryAsync<GuestRow>(Guests, new { req.Id }, ct)).ToLookup(g => g.RegistrationId);
        var answers = (await session.QueryAsync<AnswerRow>(Answers, new { req.Id }, ct)).ToDictionary(a => (a.RegistrationId, a.QuestionId), a => a.Answer);
        var ended = ev.EndedBy(now);

        HttpContext.Response.ContentType = "text/csv; charset=utf-8";
        HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"event-{req.Id:N}-registrations-{now:yyyyMMdd}.csv\"";
        await using var writer = new StreamWriter(HttpContext.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await Csv.WriteRecordAsync(writer, Header.Concat(questions.Select(q => Label(q))));
        await foreach (var row in session.StreamAsync<ListRegistrations.Row>(Rows, new { req.Id }).WithCancellation(ct))
        {
            var status = AttendanceSql.StatusOf(row.State, row.CheckedInAt, ended);
            await Csv.WriteRecordAsync(writer, new[]
            {
                row.Id.ToString(), row.FirstName, row.LastName, row.Email, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(status.ToString()),
                row.Seats.ToString(CultureInfo.InvariantCulture), string.Join("; ", guests[row.Id].Select(g => g.Name ?? "")),
                row.Position?.ToString(CultureInfo.InvariantCulture), Instant(row.RegisteredAt), Instant(row.CheckedInAt), row.Language,
            }.Concat(questions.Select(q => answers.GetValueOrDefault((row.Id, q.Id)))));
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>A question's label in the request's language, else the other.</summary>
    private static string Label(QuestionRow q) => EventRules.Pick(q.LabelEn, q.LabelSv) ?? q.Id.ToString();

    private static string? Instant(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private sealed record QuestionRow
    {
        public Guid Id { get; init; }
        public string? LabelSv { get; init; }
        public string? LabelEn { get; init; }
    }

    private sealed record GuestRow
    {
        public Guid RegistrationId { get; init; }
        public string? Name { get; init; }
    }

    private sealed record AnswerRow
    {
        public Guid RegistrationId { get; init; }
        public Guid QuestionId { get; init; }
        public string? Answer { get; init; }
    }
}
