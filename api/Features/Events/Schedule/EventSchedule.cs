using Alumni.Api.Features.Events.Mail;
using Alumni.Api.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Events.Schedule;

/// <summary>Configuration of the Events slice's schedule (section <c>Events</c>).</summary>
public sealed class EventScheduleOptions
{
    public const string Section = "Events";

    /// <summary>Reminders are written for events that start within this many hours.</summary>
    public int ReminderLeadHours { get; set; } = 24;

    /// <summary>Registrations' personal data is anonymised this many months after the event ended.</summary>
    public int RetentionMonths { get; set; } = 12;

    /// <summary>How often the schedule looks for work.</summary>
    public int SchedulePollSeconds { get; set; } = 300;

    /// <summary>Feedback requests and follow-ups are written only for events that ended within this many days (not for old ones after a long stop).</summary>
    public int AfterEventMailDays { get; set; } = 7;

    /// <summary>False: the schedule does not run by itself (tests run it by hand).</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>The web app's public address, for links in mail (the feedback page).</summary>
    public string WebUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The web page where a member gives feedback on an event.</summary>
    public string FeedbackPage(Guid eventId) => $"{WebUrl.TrimEnd('/')}/events/{eventId}/feedback";

    /// <summary>The day an event's registrations lose their personal data.</summary>
    public DateTimeOffset PersonalDataDeletedOn(DateTimeOffset endsAt) => endsAt.AddMonths(RetentionMonths);
}

/// <summary>What one run of the schedule did.</summary>
public sealed record ScheduleRun(int Reminders, int FeedbackRequests, int FollowUps, int EventsAnonymised);

/// <summary>
/// The Events slice's clock work, one background service on the <see cref="TimeProvider"/>: reminders before an event
/// starts, feedback requests (to the checked-in) and the organiser's follow-up (to the no-shows) after it ends, and,
/// a configured time after the end, the anonymisation of the registrations' personal data. Each step marks the event
/// in the same transaction as the mail it writes, conditionally on the mark not being there, so two instances never
/// both do it and a crash leaves it undone rather than half done. The mail rows go to the slice's outbox (<see cref="EventMailOutbox"/>), sent by its sender, woken when the run wrote some.
/// </summary>
public sealed class EventSchedule(Database db, EventMailSignal signal, TimeProvider time, IOptions<EventScheduleOptions> options, ILogger<EventSchedule> logger)
    : BackgroundService
{
    private static readonly Sql DueReminders = Sql.Portable("""
        SELECT id FROM events
        WHERE status = 'published' AND reminder_sent_at IS NULL AND starts_at > @Now AND starts_at <= @Until
        ORDER BY starts_at
        """);

    private static readonly Sql MarkReminded = Sql.Portable("""
        UPDATE events SET reminder_sent_at = @Now
        WHERE id = @Id AND status = 'published' AND reminder_sent_at IS NULL
        """);

    private static readonly Sql Confirmed = Sql.Portable("""
        SELECT id AS RegistrationId, member_id AS MemberId FROM event_registrations
        WHERE event_id = @Id AND status = 'confirmed'
        ORDER BY registered_at, id
        """);

    private static readonly Sql DueAfterEvent = Sql.Portable("""
        SELECT id FROM events
        WHERE status IN ('published', 'completed') AND feedback_sent_at IS NULL AND ends_at <= @Now AND ends_at > @Since
        ORDER BY ends_at
        """);

    private static readonly Sql MarkAfterEvent = Sql.Portable("""
        UPDATE events SET feedback_sent_at = @Now
        WHERE id = @Id AND status IN ('published', 'completed') AND feedback_sent_at IS NULL
        """);

    private static readonly Sql HasFollowUp = Sql.Portable("""
        SELECT COUNT(*) FROM events WHERE id = @Id AND (follow_up_sv IS NOT NULL OR follow_up_en IS NOT NULL)
        """);

    private static readonly Sql Attended = Sql.Portable("""
        SELECT id AS RegistrationId, member_id AS MemberId, CASE WHEN checked_in_at IS NULL THEN 0 ELSE 1 END AS CheckedIn
        FROM event_registrations
        WHERE event_id = @Id AND status = 'confirmed'
        ORDER BY registered_at, id
        """);

    private static readonly Sql DueAnonymisation = Sql.Portable("""
        SELECT id FROM events WHERE anonymised_at IS NULL AND ends_at <= @Cutoff ORDER BY ends_at
        """);

    private static readonly Sql MarkAnonymised = Sql.Portable("""
        UPDATE events SET anonymised_at = @Now WHERE id = @Id AND anonymised_at IS NULL AND ends_at <= @Cutoff
        """);

    /// <summary>The personal data of an event's registrations, in the order it is removed; the counts stay.</summary>
    private static readonly Sql[] Anonymise =
    [
        Sql.Portable("""
            UPDATE event_answers SET answer = NULL
            WHERE answer IS NOT NULL AND registration_id IN (SELECT id FROM event_registrations WHERE event_id = @Id)
            """),
        Sql.Portable("""
            UPDATE event_registration_guests SET name = NULL
            WHERE name IS NOT NULL AND registration_id IN (SELECT id FROM event_registrations WHERE event_id = @Id)
            """),
        Sql.Portable("""
            UPDATE event_feedback SET comment = NULL
            WHERE comment IS NOT NULL AND registration_id IN (SELECT id FROM event_registrations WHERE event_id = @Id)
            """),
        Sql.Portable("""
            UPDATE event_registrations SET anonymised_at = @Now WHERE event_id = @Id AND anonymised_at IS NULL
            """),
    ];

    /// <summary>Does what is due now, once; what it did.</summary>
    public async Task<ScheduleRun> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var reminders = 0;
        var feedback = 0;
        var followUps = 0;
        var anonymised = 0;

        IReadOnlyList<Guid> due;
        await using (var session = await db.OpenAsync(ct))
        {
            due = await session.QueryAsync<Guid>(DueReminders, new { Now = now, Until = now.AddHours(settings.ReminderLeadHours) }, ct);
        }

        foreach (var id in due)
        {
            await using var session = await db.BeginAsync(ct);
            // The mark first: it locks the event row (which every registration change locks too) and only one instance gets it.
            if (await session.ExecuteAsync(MarkReminded, new { Id = id, Now = now }, ct) == 0)
            {
                continue;
            }

            var registrations = await session.QueryAsync<RegistrationRow>(Confirmed, new { Id = id }, ct);
            await WriteMailAsync(session, id, registrations, EventMailKinds.Reminder, now, ct);
            await session.CommitAsync(ct);
            reminders += registrations.Count;
        }

        await using (var session = await db.OpenAsync(ct))
        {
            due = await session.QueryAsync<Guid>(DueAfterEvent, new { Now = now, Since = now.AddDays(-settings.AfterEventMailDays) }, ct);
        }

        foreach (var id in due)
        {
            await using var session = await db.BeginAsync(ct);
            if (await session.ExecuteAsync(MarkAfterEvent, new { Id = id, Now = now }, ct) == 0)
            {
                continue;
            }

            var registrations = await session.QueryAsync<AttendedRow>(Attended, new { Id = id }, ct);
            var checkedIn = registrations.Where(r => r.CheckedIn == 1).Select(r => new RegistrationRow { RegistrationId = r.RegistrationId, MemberId = r.MemberId }).ToList();
            await WriteMailAsync(session, id, checkedIn, EventMailKinds.Feedback, now, ct);
            feedback += checkedIn.Count;
            if (await session.ExecuteScalarAsync<long>(HasFollowUp, new { Id = id }, ct) > 0)
            {
                var noShows = registrations.Where(r => r.CheckedIn == 0).Select(r => new RegistrationRow { RegistrationId = r.RegistrationId, MemberId = r.MemberId }).ToList();
                await WriteMailAsync(session, id, noShows, EventMailKinds.FollowUp, now, ct);
                followUps += noShows.Count;
            }

            await session.CommitAsync(ct);
        }

        var cutoff = now.AddMonths(-settings.RetentionMonths);
        await using (var session = await db.OpenAsync(ct))
        {
            due = await session.QueryAsync<Guid>(DueAnonymisation, new { Cutoff = cutoff }, ct);
        }

        foreach (var id in due)
        {
            await using var session = await db.BeginAsync(ct);
            if (await session.ExecuteAsync(MarkAnonymised, new { Id = id, Now = now, Cutoff = cutoff }, ct) == 0)
            {
                continue;
            }

            foreach (var statement in Anonymise)
            {
                await session.ExecuteAsync(statement, new { Id = id, Now = now }, ct);
            }

            await session.CommitAsync(ct);
            anonymised++;
        }

        if (reminders + feedback + followUps > 0)
        {
            signal.Pulse();
        }

        return new ScheduleRun(reminders, feedback, followUps, anonymised);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ScheduleEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.SchedulePollSeconds)), time);
        do
        {
            try
            {
                var run = await RunOnceAsync(stoppingToken);
                if (run != new ScheduleRun(0, 0, 0, 0))
                {
                    logger.LogInformation(
                        "Event schedule: {Reminders} reminders, {Feedback} feedback requests, {FollowUps} follow-ups written; {Anonymised} events anonymised",
                        run.Reminders, run.FeedbackRequests, run.FollowUps, run.EventsAnonymised);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The event schedule failed; trying again at the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static async Task WriteMailAsync(DbSession session, Guid eventId, IEnumerable<RegistrationRow> registrations, string kind, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var r in registrations)
        {
            await EventMailOutbox.WriteAsync(session, eventId, r.MemberId, r.RegistrationId, kind, now, ct);
        }
    }

    private sealed record RegistrationRow
    {
        public Guid RegistrationId { get; init; }
        public Guid MemberId { get; init; }
    }

    private sealed record AttendedRow
    {
        public Guid RegistrationId { get; init; }
        public Guid MemberId { get; init; }
        public int CheckedIn { get; init; }
    }
}
