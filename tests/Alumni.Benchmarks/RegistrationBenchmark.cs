using Alumni.Api.Infrastructure.Security;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Benchmarks.Api;
using Alumni.Benchmarks.Data;

namespace Alumni.Benchmarks;

/// <summary>
/// The registration burst of the Events issue: N generated members (single seats and groups of 2–4, in turn) register
/// at once for one event with C seats, through the real API (its own process, a fresh SQLite database), every request
/// sent at the same moment on its own connection. Each answer is timed from sending to its last byte; the burst's time
/// is from the first send to the last answer. Then the database is checked: exactly C seats confirmed (or every seat
/// the requests could fill), <c>seats_taken</c> the same, no member twice, the waiting list numbered 1, 2, 3, … in the
/// order the registrations were stored, and no answer but 201.
/// </summary>
public static class RegistrationBenchmark
{
    public static async Task<int> RunAsync(Options options)
    {
        var requests = options.Int("requests", 1000);
        var capacity = options.Int("seats", 100);
        var output = options.String("out");
        var command = "dotnet run --project tests/Alumni.Benchmarks -c Release -- bench-registration " + string.Join(' ', Environment.GetCommandLineArgs().Skip(2));
        var startedAt = DateTimeOffset.UtcNow;
        var work = Directory.CreateTempSubdirectory("alumni-bench-registration-").FullName;
        Console.WriteLine($"Working in {work}");
        try
        {
            if (options.String("no-build") is null)
            {
                ApiProcess.BuildRelease();
            }

            var path = Path.Combine(work, "alumni.db");
            var seeded = await Seeder.SeedAsync($"Data Source={path}", requests, options.Int("seed", 42));
            var database = new Database(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = seeded.ConnectionString });
            var sessions = await SignInAllAsync(database);
            var eventId = await EventAsync(database, capacity);
            Console.WriteLine($"{sessions.Count:N0} members signed in; an event with {capacity} seats, up to 3 guests a registration");

            await using var api = await ApiProcess.StartAsync(seeded.ConnectionString, work);
            using var client = new HttpClient(new SocketsHttpHandler
            {
                UseCookies = false,
                MaxConnectionsPerServer = requests,
                PooledConnectionLifetime = TimeSpan.FromMinutes(30),
            })
            {
                BaseAddress = api.BaseAddress,
                Timeout = TimeSpan.FromMinutes(5),
            };

            var latencies = new double[sessions.Count];
            var statuses = new int[sessions.Count];
            var answers = new JsonElement[sessions.Count];
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var burst = Stopwatch.StartNew();
            var tasks = sessions.Select((s, i) => Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/me/events/{eventId}/registration")
                {
                    Content = JsonContent.Create(new { guests = Enumerable.Range(1, i % 4).Select(g => new { name = $"Guest {g}" }) }),
                };
                request.Headers.Add("Cookie", $"{SessionCookies.Session}={s.Token}");
                request.Headers.Add("X-CSRF-Token", s.Csrf);
                await gate.Task;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    statuses[i] = (int)response.StatusCode;
                    answers[i] = JsonSerializer.Deserialize<JsonElement>(body.Length == 0 ? "{}" : body);
                }
                catch (HttpRequestException)
                {
                    statuses[i] = 0;
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            })).ToList();
            burst.Restart();
            gate.SetResult();
            await Task.WhenAll(tasks);
            var allAnswered = burst.Elapsed.TotalSeconds;

            var sorted = latencies.Order().ToArray();
            var byStatus = statuses.GroupBy(s => s).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Count());
            var check = await CheckAsync(database, eventId, capacity, sessions.Count);
            var answeredSeats = answers.Where((a, i) => statuses[i] == 201 && a.GetProperty("status").GetString() == "confirmed").Sum(a => a.GetProperty("seats").GetInt32());
            var result = new RegistrationResults(command, startedAt, MachineInfo.Current(), sessions.Count, capacity,
                SearchBenchmark.Percentile(sorted, 50), SearchBenchmark.Percentile(sorted, 95), SearchBenchmark.Percentile(sorted, 99), sorted[^1],
                allAnswered, byStatus, statuses.Count(s => s is 0 or >= 500), answeredSeats, check);
            Console.WriteLine($"{sessions.Count} registrations for {capacity} seats: all answered in {allAnswered:N2} s; p50 {result.P50Ms:N0} ms, "
                + $"p95 {result.P95Ms:N0} ms, p99 {result.P99Ms:N0} ms, max {result.MaxMs:N0} ms; statuses {string.Join(", ", byStatus.Select(s => $"{s.Value}× {s.Key}"))}");
            Console.WriteLine($"Stored: {check.ConfirmedSeats} seats confirmed in {check.Confirmed} registrations (seats_taken {check.SeatsTaken}), "
                + $"{check.Waiting} waiting numbered 1..{check.Waiting} without gaps: {check.QueueWithoutGaps}, in the order stored: {check.QueueInOrder}, "
                + $"members twice: {check.DuplicateMembers}");
            if (output is not null)
            {
                ResultFiles.Save(output, result);
            }

            return result.Correct ? 0 : 1;
        }
        finally
        {
            BenchDatabase.Delete(Path.Combine(work, "alumni.db"));
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed record Session(Guid MemberId, string Token, string Csrf);

    private sealed record SeededMember
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
    }

    private sealed record StoredRow
    {
        public Guid MemberId { get; init; }
        public string Status { get; init; } = "";
        public int Seats { get; init; }
        public long? QueueNumber { get; init; }
        public DateTimeOffset RegisteredAt { get; init; }
    }

    /// <summary>Signs every seeded member in as the code flow would once the code is right: their user, the member linked, a session.</summary>
    private static async Task<IReadOnlyList<Session>> SignInAllAsync(Database database)
    {
        var now = DateTimeOffset.UtcNow;
        var sessions = new List<Session>();
        await using var session = await database.BeginAsync(CancellationToken.None);
        var members = await session.QueryAsync<SeededMember>(
            Sql.Portable("SELECT id AS Id, email AS Email FROM members WHERE status = 'Active' AND email IS NOT NULL ORDER BY id"), null, CancellationToken.None);
        var insertSession = Sql.Portable("""
            INSERT INTO sessions (id, user_id, token_hash, csrf_token, created_at, last_seen_at, idle_expires_at, absolute_expires_at)
            VALUES (@Id, @UserId, @TokenHash, @CsrfToken, @Now, @Now, @Expires, @Expires)
            """);
        var observer = new MemberSignInObserver();
        foreach (var (id, email) in members.Select(m => (m.Id, m.Email)))
        {
            var userId = await IdentitySql.EnsureUserAsync(session, email, null, now, CancellationToken.None);
            await observer.OnSignedInAsync(session, userId, email, now, CancellationToken.None);
            var token = SecretTokens.NewToken();
            var csrf = SecretTokens.NewToken(24);
            await session.ExecuteAsync(insertSession, new
            {
                Id = Guid.CreateVersion7(now),
                UserId = userId,
                TokenHash = SecretTokens.Sha256(token),
                CsrfToken = csrf,
                Now = now,
                Expires = now.AddHours(4),
            }, CancellationToken.None);
            sessions.Add(new Session(id, token, csrf));
        }

        await session.CommitAsync(CancellationToken.None);
        return sessions;
    }

    private static async Task<Guid> EventAsync(Database database, int capacity)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7(now);
        await using var session = await database.BeginAsync(CancellationToken.None);
        await session.ExecuteAsync(Sql.Portable("""
            INSERT INTO events (id, kind, status, title_sv, title_en, starts_at, ends_at, time_zone, venue, city, country, audience, capacity,
                                guests_allowed, sequence, version, created_at, updated_at, published_at)
            VALUES (@Id, 'reunion', 'published', 'Alumnidagen', 'Alumni Day', @StartsAt, @EndsAt, 'Europe/Stockholm', 'Aula Magna', 'Stockholm',
                    'SE', 'all', @Capacity, 3, 0, 1, @Now, @Now, @Now)
            """), new { Id = id, StartsAt = now.AddDays(30), EndsAt = now.AddDays(30).AddHours(4), Capacity = capacity, Now = now }, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
        return id;
    }

    /// <summary>What the database holds after the burst.</summary>
    private static async Task<RegistrationCheck> CheckAsync(Database database, Guid eventId, int capacity, int requests)
    {
        await using var session = await database.OpenAsync(CancellationToken.None);
        var rows = (await session.QueryAsync<StoredRow>(Sql.Portable("""
            SELECT member_id AS MemberId, status AS Status, seats AS Seats, queue_number AS QueueNumber, registered_at AS RegisteredAt
            FROM event_registrations WHERE event_id = @EventId
            """), new { EventId = eventId }, CancellationToken.None)).ToList();
        var seatsTaken = await session.ExecuteScalarAsync<int>(Sql.Portable("SELECT seats_taken FROM events WHERE id = @EventId"), new { EventId = eventId }, CancellationToken.None);
        var confirmed = rows.Where(r => r.Status == "confirmed").ToList();
        var waiting = rows.Where(r => r.Status == "waiting").OrderBy(r => r.QueueNumber).ToList();
        return new RegistrationCheck(
            rows.Count,
            confirmed.Count,
            confirmed.Sum(r => r.Seats),
            seatsTaken,
            waiting.Count,
            waiting.Select(r => r.QueueNumber).SequenceEqual(Enumerable.Range(1, waiting.Count).Select(i => (long?)i)),
            waiting.Select(r => r.RegisteredAt).SequenceEqual(waiting.Select(r => r.RegisteredAt).Order()),
            rows.Count - rows.Select(r => r.MemberId).Distinct().Count(),
            capacity);
    }
}

/// <summary>The database after the burst.</summary>
public sealed record RegistrationCheck(int Registrations, int Confirmed, int ConfirmedSeats, int SeatsTaken, int Waiting, bool QueueWithoutGaps,
    bool QueueInOrder, int DuplicateMembers, int Capacity)
{
    /// <summary>Exactly the capacity taken, as the rows say, every request stored once, the queue in order.</summary>
    public bool Correct(int requests) =>
        ConfirmedSeats == Capacity && SeatsTaken == Capacity && Registrations == requests && DuplicateMembers == 0 && QueueWithoutGaps && QueueInOrder;
}

public sealed record RegistrationResults(string Command, DateTimeOffset StartedAt, MachineInfo Machine, int Requests, int Seats,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, double AllAnsweredSeconds, IReadOnlyDictionary<string, int> Statuses, int FailedRequests,
    int AnsweredConfirmedSeats, RegistrationCheck Stored)
{
    /// <summary>Every request a 201, the seats answered and stored exactly the capacity, the queue right.</summary>
    public bool Correct => FailedRequests == 0 && Statuses.Keys.All(k => k == "201") && AnsweredConfirmedSeats == Seats && Stored.Correct(Requests);
}
