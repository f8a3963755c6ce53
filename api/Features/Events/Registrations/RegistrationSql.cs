using System.Security.Claims;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;

namespace Alumni.Api.Features.Events.Registrations;

/// <summary>
/// What the registration use cases share: the event row every registration change locks, the caller's member record
/// (through Members' <c>member_contacts</c>), the audience rule for a member, and a registration as the API answers it.
/// </summary>
internal static class RegistrationSql
{
    /// <summary>
    /// The event, locked for the rest of the transaction: on SQL Server by this read (an update lock held to the end,
    /// so two registrations for one event run one after the other, and no other reader can take it before us); on
    /// SQLite the transaction's <c>BEGIN IMMEDIATE</c> already holds the database's one write lock. Every change to
    /// <c>seats_taken</c> and <c>next_queue_number</c> is made after this read, in the same transaction.
    /// </summary>
    public static readonly Sql LockEvent = Sql.Dialects(
        $"""
        SELECT {EventColumns}
        FROM events
        WHERE id = @EventId
        """,
        $"""
        SELECT {EventColumns}
        FROM dbo.events WITH (UPDLOCK, HOLDLOCK)
        WHERE id = @EventId
        """);

    /// <summary>The signed-in person's active member record and mail language.</summary>
    public static readonly Sql CallerMember = Sql.Portable("""
        SELECT member_id AS MemberId, preferred_language AS Language
        FROM member_contacts
        WHERE user_id = @UserId AND status = 'Active'
        """);

    /// <summary>1 when the event is for the member (the audience rule of the member's event pages, <see cref="EventSql.InAudience"/>), else 0.</summary>
    [Unscoped("a member's own audience check: the event's audience departments are matched with the member's own departments")]
    public static readonly Sql InAudience = Sql.Portable($"""
        SELECT COUNT(*) FROM events e WHERE e.id = @EventId AND {EventSql.InAudience}
        """);

    /// <summary>The member's confirmed or waiting registration for the event, if any.</summary>
    public static readonly Sql ActiveRegistration = Sql.Portable("""
        SELECT id AS Id, status AS Status, seats AS Seats
        FROM event_registrations
        WHERE event_id = @EventId AND member_id = @MemberId AND status IN ('confirmed', 'waiting')
        """);

    /// <summary>The member's registration for the event to show: the active one, else the latest.</summary>
    public static readonly Sql LatestRegistration = Sql.Dialects(
        """
        SELECT id FROM event_registrations
        WHERE event_id = @EventId AND member_id = @MemberId
        ORDER BY CASE WHEN status IN ('confirmed', 'waiting') THEN 0 ELSE 1 END, registered_at DESC, id DESC
        LIMIT 1
        """,
        """
        SELECT TOP (1) id FROM event_registrations
        WHERE event_id = @EventId AND member_id = @MemberId
        ORDER BY CASE WHEN status IN ('confirmed', 'waiting') THEN 0 ELSE 1 END, registered_at DESC, id DESC
        """);

    private static readonly Sql Registration = Sql.Portable("""
        SELECT r.id AS Id, r.event_id AS EventId, r.status AS Status, r.seats AS Seats, r.check_in_code AS CheckInCode,
               r.registered_at AS RegisteredAt, r.confirmed_at AS ConfirmedAt, r.cancelled_at AS CancelledAt,
               r.checked_in_at AS CheckedInAt, r.answer_status AS AnswerStatus, r.answer_position AS AnswerPosition,
               CASE WHEN r.status = 'waiting'
                    THEN (SELECT COUNT(*) FROM event_registrations w
                          WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.queue_number <= r.queue_number)
               END AS Position
        FROM event_registrations r
        WHERE r.id = @Id
        """);

    private static readonly Sql Guests = Sql.Portable("""
        SELECT name FROM event_registration_guests WHERE registration_id = @Id ORDER BY position
        """);

    private static readonly Sql Answers = Sql.Portable("""
        SELECT a.question_id AS QuestionId, a.answer AS Answer
        FROM event_answers a
        JOIN event_questions q ON q.id = a.question_id
        WHERE a.registration_id = @Id
        ORDER BY q.position
        """);

    private const string EventColumns = """
        id AS Id, status AS Status, audience AS Audience, capacity AS Capacity, seats_taken AS SeatsTaken,
               next_queue_number AS NextQueueNumber, guests_allowed AS GuestsAllowed, starts_at AS StartsAt, ends_at AS EndsAt,
               registration_opens_at AS RegistrationOpensAt, registration_closes_at AS RegistrationClosesAt
        """;

    private static readonly Sql Cancel = Sql.Portable("""
        UPDATE event_registrations SET status = 'cancelled', cancelled_at = @Now WHERE id = @Id AND status = 'confirmed'
        """);

    private static readonly Sql Leave = Sql.Portable("""
        UPDATE event_registrations SET status = 'left', cancelled_at = @Now WHERE id = @Id AND status = 'waiting'
        """);

    private static readonly Sql FreeSeats = Sql.Portable("""
        UPDATE events SET seats_taken = seats_taken - @Seats WHERE id = @EventId
        """);

    /// <summary>
    /// Ends an active registration of an event the caller has locked (<see cref="LockEventAsync"/>): a confirmed one is
    /// cancelled, its seats freed and the waiting list promoted; a waiting one leaves the list. True when someone was
    /// promoted (and so has mail waiting).
    /// </summary>
    public static async Task<bool> EndAsync(DbSession session, Guid eventId, ActiveRow active, DateTimeOffset now, CancellationToken ct)
    {
        if (active.Status != Confirmed)
        {
            await session.ExecuteAsync(Leave, new { active.Id, Now = now }, ct);
            return false;
        }

        await session.ExecuteAsync(Cancel, new { active.Id, Now = now }, ct);
        await session.ExecuteAsync(FreeSeats, new { EventId = eventId, active.Seats }, ct);
        return (await WaitingList.PromoteAsync(session, eventId, now, ct)).Count > 0;
    }

    /// <summary>Locks the event and reads it; 404 when there is none.</summary>
    public static async Task<LockedEvent> LockEventAsync(DbSession session, Guid eventId, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<LockedEvent>(LockEvent, new { EventId = eventId }, ct)
        ?? throw NoSuchEvent();

    /// <summary>The caller's active member record; 404 when the caller is not an active member.</summary>
    public static async Task<CallerMemberRow> CallerMemberAsync(DbSession session, ClaimsPrincipal user, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<CallerMemberRow>(CallerMember, new { UserId = user.PersonId() }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("events.youHaveNoMemberRecord"));

    /// <summary>
    /// 404, as if the event did not exist, when the member is not in its audience (as the member's event page says):
    /// all members; members of its audience departments; coordinators only (signed-in staff).
    /// </summary>
    public static async Task CheckAudienceAsync(DbSession session, LockedEvent ev, Guid memberId, ClaimsPrincipal user, CancellationToken ct)
    {
        var args = new { EventId = ev.Id, MemberId = memberId, IsStaff = user.IsAdmin() || user.IsCoordinator() };
        if (await session.ExecuteScalarAsync<long>(InAudience, args, ct) == 0)
        {
            throw NoSuchEvent();
        }
    }

    /// <summary>404: no event the caller may see has that id.</summary>
    public static ProblemException NoSuchEvent() => ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));

    /// <summary>A 409 that names the field (or the rule) it is about.</summary>
    public static ProblemException Conflict(string field, string message) =>
        new(StatusCodes.Status409Conflict, message, Contracts.Problems.ProblemTypes.Conflict,
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>A registration as the API answers it, or null.</summary>
    public static async Task<RegistrationResponse?> LoadAsync(DbSession session, Guid id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<RegistrationRow>(Registration, new { Id = id }, ct);
        if (row is null)
        {
            return null;
        }

        return new RegistrationResponse
        {
            Id = row.Id,
            EventId = row.EventId,
            Status = StatusOf(row.Status),
            Seats = row.Seats,
            Position = row.Position is { } p ? (int)p : null,
            CheckInCode = row.CheckInCode,
            Guests = await session.QueryAsync<string?>(Guests, new { Id = id }, ct),
            Answers = await session.QueryAsync<RegistrationAnswer>(Answers, new { Id = id }, ct),
            RegisteredAt = row.RegisteredAt,
            ConfirmedAt = row.ConfirmedAt,
            CancelledAt = row.CancelledAt,
            CheckedInAt = row.CheckedInAt,
        };
    }

    /// <summary>
    /// The first answer to the request that made the registration (its status and waiting-list position then), for a
    /// retry with the same Idempotency-Key; the rest as stored.
    /// </summary>
    public static async Task<RegistrationResponse> LoadFirstAnswerAsync(DbSession session, Guid id, CancellationToken ct)
    {
        var row = await session.QuerySingleOrDefaultAsync<RegistrationRow>(Registration, new { Id = id }, ct);
        var now = (await LoadAsync(session, id, ct))!;
        return row?.AnswerStatus is { } status
            ? now with
            {
                Status = StatusOf(status),
                Position = row.AnswerPosition is { } p ? (int)p : null,
                ConfirmedAt = status == Confirmed ? now.ConfirmedAt : null,
                CancelledAt = null,
                CheckedInAt = null,
            }
            : now;
    }

    public const string Confirmed = "confirmed";
    public const string Waiting = "waiting";
    public const string Cancelled = "cancelled";
    public const string Left = "left";

    /// <summary>The stored status as the contract's.</summary>
    public static RegistrationStatus StatusOf(string status) => status switch
    {
        Confirmed => RegistrationStatus.Confirmed,
        Waiting => RegistrationStatus.Waiting,
        Cancelled => RegistrationStatus.Cancelled,
        Left => RegistrationStatus.Left,
        _ => throw new InvalidOperationException($"Unknown registration status '{status}'."),
    };

    /// <summary>The event row a registration change reads under its lock.</summary>
    internal sealed record LockedEvent
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public string Audience { get; init; } = "";
        public int? Capacity { get; init; }
        public int SeatsTaken { get; init; }
        public long NextQueueNumber { get; init; }
        public int GuestsAllowed { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset EndsAt { get; init; }
        public DateTimeOffset? RegistrationOpensAt { get; init; }
        public DateTimeOffset? RegistrationClosesAt { get; init; }

        /// <summary>Registration closes at its closing time, else when the event starts.</summary>
        public DateTimeOffset ClosesAt => RegistrationClosesAt ?? StartsAt;
    }

    internal sealed record CallerMemberRow
    {
        public Guid MemberId { get; init; }
        public string? Language { get; init; }

        /// <summary>The member's mail language: sv or en (Swedish when unknown).</summary>
        public string MailLanguage => Language == "en" ? "en" : "sv";
    }

    internal sealed record ActiveRow
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public int Seats { get; init; }
    }

    private sealed record RegistrationRow
    {
        public Guid Id { get; init; }
        public Guid EventId { get; init; }
        public string Status { get; init; } = "";
        public int Seats { get; init; }
        public string CheckInCode { get; init; } = "";
        public DateTimeOffset RegisteredAt { get; init; }
        public DateTimeOffset? ConfirmedAt { get; init; }
        public DateTimeOffset? CancelledAt { get; init; }
        public DateTimeOffset? CheckedInAt { get; init; }
        public string? AnswerStatus { get; init; }
        public long? AnswerPosition { get; init; }
        public long? Position { get; init; }
    }
}
