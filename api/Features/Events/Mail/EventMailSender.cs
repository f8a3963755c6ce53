using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Text;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Events.Mail;

/// <summary>Configuration section <c>EventMail</c>.</summary>
public sealed class EventMailOptions
{
    public const string Section = "EventMail";

    /// <summary>Send mail from this instance (turn off for instances that only serve requests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the sender looks for mail another instance wrote (mail this instance writes goes at once).</summary>
    public int PollSeconds { get; set; } = 10;

    /// <summary>Rows claimed at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claim lasts; a crashed sender's rows are taken over after it.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Failed sends are tried again after 30 s, 1 min, 2 min, ... (doubling, at most 6 hours) up to this many attempts.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first wait after a failed send; each further one doubles.</summary>
    public int RetrySeconds { get; set; } = 30;
}

/// <summary>
/// Sends the slice's outbox, <c>event_mail</c>: the unsent rows of every kind with an <see cref="IEventMailComposer"/>,
/// oldest first, a batch at a time. A row is claimed with a lease by a conditional update (only one instance's update
/// matches a row whose lease is free, also under read committed), composed, sent, and only then marked
/// <c>sent_at</c>; a failure counts the attempt, keeps the error (without the address) and tries again later with
/// back-off, until it gives up after <see cref="EventMailOptions.MaxAttempts"/>. A crash between the send and the mark
/// sends that mail again once the lease has run out: at least once, never lost.
/// </summary>
public sealed class EventMailSender(
    Database db,
    IEmailSender email,
    IEnumerable<IEventMailComposer> composers,
    EventMailSignal signal,
    TimeProvider time,
    IOptions<EventMailOptions> options,
    ILogger<EventMailSender> logger) : BackgroundService
{
    private static readonly Sql Due = Sql.Dialects(
        """
        SELECT id FROM event_mail
        WHERE sent_at IS NULL AND attempts < @MaxAttempts AND kind IN @Kinds
          AND (next_attempt_at IS NULL OR next_attempt_at <= @Now)
          AND (lease_until IS NULL OR lease_until < @Now)
        ORDER BY created_at, id
        LIMIT @Batch
        """,
        """
        SELECT TOP (@Batch) id FROM dbo.event_mail
        WHERE sent_at IS NULL AND attempts < @MaxAttempts AND kind IN @Kinds
          AND (next_attempt_at IS NULL OR next_attempt_at <= @Now)
          AND (lease_until IS NULL OR lease_until < @Now)
        ORDER BY created_at, id
        """);

    private static readonly Sql Claim = Sql.Portable("""
        UPDATE event_mail SET lease_owner = @Owner, lease_until = @Until
        WHERE id = @Id AND sent_at IS NULL AND (lease_until IS NULL OR lease_until < @Now)
        """);

    private static readonly Sql MarkSent = Sql.Portable("""
        UPDATE event_mail
        SET sent_at = @Now, attempts = attempts + 1, last_error = NULL, lease_owner = NULL, lease_until = NULL, next_attempt_at = NULL
        WHERE id = @Id AND lease_owner = @Owner
        """);

    private static readonly Sql MarkFailed = Sql.Portable("""
        UPDATE event_mail
        SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @Next, lease_owner = NULL, lease_until = NULL
        WHERE id = @Id AND lease_owner = @Owner
        """);

    private static readonly Sql GiveUp = Sql.Portable("""
        UPDATE event_mail
        SET attempts = @MaxAttempts, last_error = @Error, lease_owner = NULL, lease_until = NULL
        WHERE id = @Id AND lease_owner = @Owner
        """);

    private static readonly Sql Row = Sql.Portable("""
        SELECT id AS MailId, kind AS Kind, event_id AS EventId, registration_id AS RegistrationId, member_id AS MemberId
        FROM event_mail WHERE id = @Id
        """);

    private static readonly Sql Event = Sql.Portable("""
        SELECT id AS Id, status AS Status, title_sv AS TitleSv, title_en AS TitleEn, summary_sv AS SummarySv, summary_en AS SummaryEn,
               starts_at AS StartsAt, ends_at AS EndsAt, time_zone AS TimeZone, venue AS Venue, address AS Address, city AS City,
               country AS Country, online_url AS OnlineUrl, sequence AS Sequence, updated_at AS UpdatedAt
        FROM events WHERE id = @Id
        """);

    private static readonly Sql Registration = Sql.Portable("""
        SELECT r.id AS Id, r.status AS Status, r.seats AS Seats, r.check_in_code AS CheckInCode, r.language AS Language,
               CASE WHEN r.status = 'waiting'
                    THEN (SELECT COUNT(*) FROM event_registrations w
                          WHERE w.event_id = r.event_id AND w.status = 'waiting' AND w.queue_number <= r.queue_number)
               END AS Position
        FROM event_registrations r WHERE r.id = @Id
        """);

    private static readonly Sql Recipient = Sql.Portable("""
        SELECT member_id AS MemberId, email AS Email, first_name AS FirstName, preferred_language AS PreferredLanguage, is_erased AS IsErased
        FROM member_contacts WHERE member_id = @Id
        """);

    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<string, IEventMailComposer> byKind = composers.ToDictionary(c => c.Kind, StringComparer.Ordinal);

    /// <summary>Claims and sends one batch of due mail; how many rows it handled (sent, failed or given up).</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        IReadOnlyList<Guid> due;
        await using (var session = await db.OpenAsync(ct))
        {
            due = await session.QueryAsync<Guid>(Due, new
            {
                settings.MaxAttempts,
                Kinds = byKind.Keys.ToList(),
                Now = now,
                Batch = settings.BatchSize,
            }, ct);
        }

        var handled = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, ct))
            {
                await SendAsync(id, ct);
                handled++;
            }
        }

        return handled;
    }

    /// <summary>Sends until nothing is due.</summary>
    public async Task SendAllDueAsync(CancellationToken ct)
    {
        while (await SendDueAsync(ct) > 0)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendAllDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The event mail sender could not read its outbox; trying again");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> ClaimAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.OpenAsync(ct);
        return await session.ExecuteAsync(Claim, new { Id = id, Owner = owner, Until = now.AddSeconds(options.Value.LeaseSeconds), Now = now }, ct) == 1;
    }

    private async Task SendAsync(Guid id, CancellationToken ct)
    {
        var settings = options.Value;
        EventMailContext? mail = null;
        try
        {
            mail = await LoadAsync(id, ct);
            if (mail is null)
            {
                await FinishAsync(GiveUp, new { Id = id, Owner = owner, settings.MaxAttempts, Error = "No one to send it to (the member is erased or has no address)." });
                logger.LogInformation("Event mail {MailId} has no recipient; not sent", id);
                return;
            }

            EmailMessage message;
            using (Texts.In(mail.Language))
            {
                message = await byKind[mail.Kind].ComposeAsync(mail, ct);
            }

            await email.SendAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the lease runs out and the row is sent later (by this instance or another).
            throw;
        }
        catch (Exception e)
        {
            var attempts = await AttemptsAsync(id) + 1;
            var error = Describe(e, mail?.Recipient.Email);
            if (attempts >= settings.MaxAttempts)
            {
                logger.LogError("Gave up event mail {MailId} ({Kind}) after {Attempts} attempts: {Error}", id, mail?.Kind, attempts, error);
                await FinishAsync(GiveUp, new { Id = id, Owner = owner, settings.MaxAttempts, Error = error });
            }
            else
            {
                var wait = TimeSpan.FromSeconds(Math.Min(settings.RetrySeconds * Math.Pow(2, attempts - 1), TimeSpan.FromHours(6).TotalSeconds));
                logger.LogWarning("Event mail {MailId} ({Kind}) failed (attempt {Attempts}), trying again in {Wait}: {Error}", id, mail?.Kind, attempts, wait, error);
                await FinishAsync(MarkFailed, new { Id = id, Owner = owner, Error = error, Next = time.GetUtcNow() + wait });
            }

            return;
        }

        await FinishAsync(MarkSent, new { Id = id, Owner = owner, Now = time.GetUtcNow() });
    }

    private static readonly Sql Attempts = Sql.Portable("""
        SELECT attempts FROM event_mail WHERE id = @Id
        """);

    private async Task<int> AttemptsAsync(Guid id)
    {
        await using var session = await db.OpenAsync(CancellationToken.None);
        return await session.ExecuteScalarAsync<int>(Attempts, new { Id = id }, CancellationToken.None);
    }

    /// <summary>Records the outcome, even when stopping: the mail was sent (or failed), and must not be sent again for nothing.</summary>
    private async Task FinishAsync(Sql sql, object args)
    {
        await using var session = await db.OpenAsync(CancellationToken.None);
        await session.ExecuteAsync(sql, args, CancellationToken.None);
    }

    private async Task<EventMailContext?> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var row = (await session.QuerySingleOrDefaultAsync<MailRow>(Row, new { Id = id }, ct))!;
        var recipient = await session.QuerySingleOrDefaultAsync<RecipientRow>(Recipient, new { Id = row.MemberId }, ct);
        if (recipient is null || recipient.IsErased || string.IsNullOrWhiteSpace(recipient.Email))
        {
            return null;
        }

        var ev = (await session.QuerySingleOrDefaultAsync<EventMailEvent>(Event, new { Id = row.EventId }, ct))!;
        var registration = row.RegistrationId is { } registrationId
            ? await session.QuerySingleOrDefaultAsync<EventMailRegistration>(Registration, new { Id = registrationId }, ct)
            : null;
        return new EventMailContext
        {
            MailId = row.MailId,
            Kind = row.Kind,
            Language = registration?.Language ?? (recipient.PreferredLanguage == "en" ? "en" : "sv"),
            Recipient = new EventMailRecipient { MemberId = recipient.MemberId, Email = recipient.Email, FirstName = recipient.FirstName },
            Event = ev,
            Registration = registration,
            Now = time.GetUtcNow(),
        };
    }

    /// <summary>The error to keep: its type and message, without the recipient's address.</summary>
    private static string Describe(Exception e, string? address)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        if (!string.IsNullOrEmpty(address))
        {
            text = text.Replace(address, "<recipient>", StringComparison.OrdinalIgnoreCase);
        }

        return text.Length > 1000 ? text[..1000] : text;
    }

    private sealed record MailRow
    {
        public Guid MailId { get; init; }
        public string Kind { get; init; } = "";
        public Guid EventId { get; init; }
        public Guid? RegistrationId { get; init; }
        public Guid MemberId { get; init; }
    }

    private sealed record RecipientRow
    {
        public Guid MemberId { get; init; }
        public string? Email { get; init; }
        public string? FirstName { get; init; }
        public string? PreferredLanguage { get; init; }
        public bool IsErased { get; init; }
    }
}
