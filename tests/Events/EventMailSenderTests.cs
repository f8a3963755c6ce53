using System.Collections.Concurrent;
using Alumni.Api.Features.Events.Mail;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Tests.Email;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alumni.Api.Tests.Events;

public sealed class EventMailSenderTestsOnSqlite(SqliteApi api) : EventMailSenderTests(api), IClassFixture<SqliteApi>;

public sealed class EventMailSenderTestsOnSqlServer(SqlServerApi api) : EventMailSenderTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// The Events outbox sender, run here as extra instances over the test API's database with a mail kind of the test's
/// own (which the API's own sender has no composer for, so leaves alone): two instances never send a row twice; a
/// failed send is tried again later and given up after the last attempt, its error kept without the address; a row
/// claimed by a sender that crashed is sent once its lease has run out.
/// </summary>
public abstract class EventMailSenderTests(ApiFixture api)
{
    private const string TestKind = "senderTest";

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO event_mail (id, event_id, member_id, kind, created_at, attempts) VALUES (@Id, @EventId, @MemberId, @Kind, @Now, 0)
        """);

    private static readonly Sql Rows = Sql.Portable("""
        SELECT id AS Id, sent_at AS SentAt, attempts AS Attempts, last_error AS LastError, next_attempt_at AS NextAttemptAt
        FROM event_mail WHERE event_id = @EventId
        """);

    private static readonly Sql Lease = Sql.Portable("""
        UPDATE event_mail SET lease_owner = 'crashed', lease_until = @Until WHERE event_id = @EventId
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_senders_at_once_send_every_mail_exactly_once()
    {
        var (ev, ids) = await MailRowsAsync(30);
        var outbox = new Outbox();
        var clock = new ManualClock(DateTimeOffset.UtcNow);

        await Task.WhenAll(Sender(outbox, clock).SendAllDueAsync(Ct), Sender(outbox, clock).SendAllDueAsync(Ct));

        Assert.Equal(ids.Order(), outbox.Sent.Select(m => Guid.Parse(m.Subject)).Where(ids.Contains).Order());
        Assert.All(await RowsAsync(ev), r => Assert.Equal((true, 1), (r.SentAt is not null, r.Attempts)));
    }

    [Fact]
    public async Task A_failed_send_is_tried_again_after_a_growing_wait_and_given_up_after_the_last_attempt()
    {
        var (ev, _) = await MailRowsAsync(1);
        var start = DateTimeOffset.UtcNow;
        var clock = new ManualClock(start);
        var failing = new Outbox { Fail = true };
        var sender = Sender(failing, clock, maxAttempts: 3);

        await sender.SendAllDueAsync(Ct);
        var first = Assert.Single(await RowsAsync(ev));
        await sender.SendAllDueAsync(Ct);
        var unchanged = Assert.Single(await RowsAsync(ev));
        var retried = first.NextAttemptAt!.Value.AddSeconds(1);
        clock.Now = retried;
        await sender.SendAllDueAsync(Ct);
        var second = Assert.Single(await RowsAsync(ev));
        clock.Now = second.NextAttemptAt!.Value.AddSeconds(1);
        await sender.SendAllDueAsync(Ct);
        var last = Assert.Single(await RowsAsync(ev));
        clock.Now = clock.Now.AddDays(1);
        var working = new Outbox();
        await Sender(working, clock, maxAttempts: 3).SendAllDueAsync(Ct);

        Assert.Equal((1, (DateTimeOffset?)null, (DateTimeOffset?)start.AddSeconds(30)), (first.Attempts, first.SentAt, first.NextAttemptAt));
        Assert.Equal(first, unchanged);
        Assert.Equal((2, (DateTimeOffset?)retried.AddSeconds(60)), (second.Attempts, second.NextAttemptAt));
        Assert.Equal((3, (DateTimeOffset?)null), (last.Attempts, last.SentAt));
        Assert.Contains("refused", last.LastError);
        Assert.DoesNotContain("@alumni.test", last.LastError);
        Assert.Equal(3, failing.Tries);
        Assert.Equal(0, working.Tries);
    }

    [Fact]
    public async Task A_mail_claimed_by_a_sender_that_crashed_is_sent_when_its_lease_runs_out()
    {
        var (ev, ids) = await MailRowsAsync(2);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using (var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct))
        {
            await session.ExecuteAsync(Lease, new { EventId = ev, Until = clock.Now.AddMinutes(2) }, Ct);
        }

        var outbox = new Outbox();
        await Sender(outbox, clock).SendAllDueAsync(Ct);
        // Other tests of this class leave rows of their own in the shared database: count only this test's.
        var leased = outbox.Sent.Count(m => ids.Contains(Guid.Parse(m.Subject)));
        clock.Now = clock.Now.AddMinutes(3);
        await Sender(outbox, clock).SendAllDueAsync(Ct);

        Assert.Equal(0, leased);
        Assert.Equal(ids.Order(), outbox.Sent.Select(m => Guid.Parse(m.Subject)).Where(ids.Contains).Order());
    }

    private EventMailSender Sender(Outbox outbox, TimeProvider clock, int maxAttempts = 8) => new(
        api.Services.GetRequiredService<Database>(),
        outbox,
        [new TestComposer()],
        new EventMailSignal(),
        clock,
        Microsoft.Extensions.Options.Options.Create(new EventMailOptions { BatchSize = 7, MaxAttempts = maxAttempts, RetrySeconds = 30 }),
        NullLogger<EventMailSender>.Instance);

    private async Task<(Guid Event, IReadOnlyList<Guid> Ids)> MailRowsAsync(int count)
    {
        var ev = await EventTestData.EventAsync(api);
        var member = (await EventTestData.MembersAsync(api, 1)).Single();
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await session.ExecuteAsync(Insert, new { Id = id, EventId = ev, member.MemberId, Kind = TestKind, Now = DateTimeOffset.UtcNow.AddSeconds(i) }, Ct);
        }

        await session.CommitAsync(Ct);
        return (ev, ids);
    }

    private async Task<IReadOnlyList<Row>> RowsAsync(Guid ev)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.QueryAsync<Row>(Rows, new { EventId = ev }, Ct);
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset? SentAt { get; init; }
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public DateTimeOffset? NextAttemptAt { get; init; }
    }

    /// <summary>A mail kind of the test's own: the subject is the row's id.</summary>
    private sealed class TestComposer : IEventMailComposer
    {
        public string Kind => TestKind;

        public Task<EmailMessage> ComposeAsync(EventMailContext mail, CancellationToken ct) =>
            Task.FromResult(new EmailMessage(mail.Recipient.Email, null, mail.MailId.ToString(), "text", "<p>html</p>"));
    }

    /// <summary>Records what it is given to send; or refuses it, naming the address as a relay might.</summary>
    private sealed class Outbox : IEmailSender
    {
        private int tries;

        public ConcurrentQueue<EmailMessage> Sent { get; } = new();

        public bool Fail { get; init; }

        public int Tries => tries;

        public Task<string> SendAsync(EmailMessage message, CancellationToken ct)
        {
            Interlocked.Increment(ref tries);
            if (Fail)
            {
                throw new InvalidOperationException($"550 mailbox {message.To} refused");
            }

            Sent.Enqueue(message);
            return Task.FromResult(Guid.NewGuid().ToString("N"));
        }
    }
}
