using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Events.Attendees;

/// <summary>
/// An event's registrations for its organiser's and co-hosts' staff (and admins): confirmed first by name, then the
/// waiting list in queue order with each one's place, then the rest; filtered by state and searched by name or e-mail
/// (through Members' published <c>member_contacts</c>), with the guests and the answers. Another department's coordinator
/// finds no such event (404).
/// </summary>
[Access(Caller.Staff)]
public sealed class ListRegistrations(Database db, TimeProvider time) : Endpoint<ListRegistrationsRequest, Paged<AttendeeResponse>>
{
    /// <summary>The most words a search takes.</summary>
    public const int MaxWords = 5;

    private const string Columns = """
        SELECT r.id AS Id, r.member_id AS MemberId, c.first_name AS FirstName, c.last_name AS LastName, c.email AS Email,
               r.status AS State, r.seats AS Seats, r.check_in_code AS CheckInCode, r.checked_in_at AS CheckedInAt,
               r.registered_at AS RegisteredAt, r.confirmed_at AS ConfirmedAt, r.cancelled_at AS CancelledAt,
               r.language AS Language, r.anonymised_at AS AnonymisedAt,
               CASE WHEN r.status = 'waiting' THEN (
                   SELECT COUNT(*) FROM event_registrations w
                   WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.queue_number <= r.queue_number) END AS Position
        """;

    private const string From = """
        event_registrations r
        LEFT JOIN member_contacts c ON c.member_id = r.member_id
        """;

    private const string Order = """
        CASE r.status WHEN 'confirmed' THEN 0 WHEN 'waiting' THEN 1 WHEN 'cancelled' THEN 2 ELSE 3 END,
        CASE WHEN r.status = 'waiting' THEN r.queue_number END, c.last_name, c.first_name, r.id
        """;

    /// <summary>The condition of each filter state.</summary>
    private static string Condition(AttendeeStatus status) => status switch
    {
        AttendeeStatus.Confirmed => "r.status = 'confirmed'",
        AttendeeStatus.Waiting => "r.status = 'waiting'",
        AttendeeStatus.Cancelled => "r.status = 'cancelled'",
        AttendeeStatus.Left => "r.status = 'left'",
        AttendeeStatus.CheckedIn => "r.status = 'confirmed' AND r.checked_in_at IS NOT NULL",
        _ => "r.status = 'confirmed' AND r.checked_in_at IS NULL AND @Ended = 1",
    };

    private static string Word(int i) =>
        $"(LOWER(c.first_name) LIKE @Word{i} ESCAPE '\\' OR LOWER(c.last_name) LIKE @Word{i} ESCAPE '\\' OR LOWER(c.email) LIKE @Word{i} ESCAPE '\\')";

    [Unscoped("the guests of registrations on a page of an event the caller's scope already allowed")]
    private static readonly Sql PageGuests = Sql.Portable("""
        SELECT registration_id AS RegistrationId, name AS Name FROM event_registration_guests
        WHERE registration_id IN @Ids
        ORDER BY registration_id, position
        """);

    [Unscoped("the answers of registrations on a page of an event the caller's scope already allowed")]
    private static readonly Sql PageAnswers = Sql.Portable("""
        SELECT a.registration_id AS RegistrationId, a.question_id AS QuestionId, a.answer AS Answer
        FROM event_answers a
        JOIN event_questions q ON q.id = a.question_id
        WHERE a.registration_id IN @Ids
        ORDER BY a.registration_id, q.position
        """);

    public override void Configure()
    {
        Get("/events/{id}/registrations");
        Description(b => b
            .WithName("events_listRegistrations")
            .WithSummary("List an event's registrations")
            .WithDescription("For the staff of the organiser and the co-hosts, and admins. Confirmed registrations first (by name), then the waiting list "
                + "in queue order with each one's position, then cancelled and left. status=confirmed lists every confirmed registration, "
                + "checkedIn and noShow (confirmed, not checked in, the event over) the parts of them. q: every word must occur in the first or last name or the e-mail address. "
                + "The guests and the answers come with each. The total is exact up to 1,000.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(ListRegistrationsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var ev = await AttendanceSql.AttendedAsync(session, req.Id, DepartmentScope.Of(User), ct);
        var ended = ev.EndedBy(time.GetUtcNow());
        var page = await Query(req, ended).ReadAsync<Row>(session, req, ct);
        var ids = db.Ids(page.Items.Select(r => r.Id));
        var guests = (page.Items.Count == 0 ? [] : await session.QueryAsync<GuestRow>(PageGuests, new { Ids = ids }, ct)).ToLookup(g => g.RegistrationId);
        var answers = (page.Items.Count == 0 ? [] : await session.QueryAsync<AnswerRow>(PageAnswers, new { Ids = ids }, ct)).ToLookup(a => a.RegistrationId);
        await Send.OkAsync(new Paged<AttendeeResponse>
        {
            Items = page.Items.Select(r => new AttendeeResponse
            {
                Id = r.Id,
                MemberId = r.MemberId,
                FirstName = r.FirstName,
                LastName = r.LastName,
                Email = r.Email,
                Status = AttendanceSql.StatusOf(r.State, r.CheckedInAt, ended),
                Seats = r.Seats,
                Guests = guests[r.Id].Select(g => g.Name).ToList(),
                Position = r.Position,
                CheckInCode = r.CheckInCode,
                CheckedInAt = r.CheckedInAt,
                RegisteredAt = r.RegisteredAt,
                ConfirmedAt = r.ConfirmedAt,
                CancelledAt = r.CancelledAt,
                Language = r.Language,
                Answers = answers[r.Id].Select(a => new AttendeeAnswer { QuestionId = a.QuestionId, Answer = a.Answer }).ToList(),
                AnonymisedAt = r.AnonymisedAt,
            }).ToList(),
            Page = page.Page,
            PageSize = page.PageSize,
            Total = page.Total,
            TotalExact = page.TotalExact,
        }, ct);
    }

    /// <summary>The page a request asks for, of an event that has (or has not yet) ended.</summary>
    internal static PagedQuery Query(ListRegistrationsRequest req, bool ended)
    {
        var conditions = new SqlConditions().Add("r.event_id = @EventId", "EventId", req.Id);
        if (req.Status is { } status)
        {
            conditions.Add(Condition(status));
            if (status == AttendeeStatus.NoShow)
            {
                conditions.Arguments.Add("Ended", ended);
            }
        }

        var words = Words(req.Q);
        for (var i = 0; i < words.Count; i++)
        {
            conditions.Add(Word(i), $"Word{i}", Like.Containing(words[i]));
        }

        return new PagedQuery(Columns, From, conditions, Order);
    }

    private static List<string> Words(string? q) =>
        (q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    internal sealed record Row
    {
        public Guid Id { get; init; }
        public Guid MemberId { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Email { get; init; }
        public string State { get; init; } = "";
        public int Seats { get; init; }
        public string CheckInCode { get; init; } = "";
        public DateTimeOffset? CheckedInAt { get; init; }
        public DateTimeOffset RegisteredAt { get; init; }
        public DateTimeOffset? ConfirmedAt { get; init; }
        public DateTimeOffset? CancelledAt { get; init; }
        public string Language { get; init; } = "sv";
        public DateTimeOffset? AnonymisedAt { get; init; }
        public int? Position { get; init; }
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

    public sealed class Validator : Validator<ListRegistrationsRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Q).MaximumLength(200).WithMessage(_ => Texts.Get("common.useAtMostCharacters", 200));
            RuleFor(r => r.Q).Must(q => Words(q).Count <= MaxWords).WithMessage(_ => Texts.Get("events.attendance.searchWithAtMostWords", MaxWords));
        }
    }
}
