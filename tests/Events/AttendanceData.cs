using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Events;

/// <summary>
/// Events and registrations for the attendance tests, written straight into the test API's database (the organiser's
/// and the member's own endpoints have tests of their own): an event of a department with co-hosts and questions, at a
/// time the test chooses (also in the past), and registrations in any state, with guests and answers.
/// </summary>
public static class AttendanceData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An event; its questions get ids, returned in order.</summary>
    public static async Task<TestEvent> EventAsync(ApiFixture api, string? organiser, string[]? cohosts = null, DateTimeOffset? startsAt = null,
        int? capacity = null, string status = "published", string[]? questions = null, string? followUpEn = null, string? followUpSv = null)
    {
        var db = api.Services.GetRequiredService<Database>();
        var now = DateTimeOffset.UtcNow;
        var starts = startsAt ?? now.AddDays(30);
        var id = Guid.CreateVersion7();
        await using var session = await db.BeginAsync(Ct);
        await session.ExecuteAsync(Sql.Portable("""
            INSERT INTO events (id, organiser_department_id, kind, status, title_sv, title_en, starts_at, ends_at, time_zone, city, country,
                                audience, capacity, follow_up_sv, follow_up_en, created_at, updated_at, published_at)
            VALUES (@Id, @Organiser, 'reunion', @Status, @TitleSv, @TitleEn, @StartsAt, @EndsAt, 'Europe/Stockholm', 'Stockholm', 'SE',
                    'all', @Capacity, @FollowUpSv, @FollowUpEn, @Now, @Now, @Now)
            """), new
        {
            Id = id,
            Organiser = organiser is null ? (Guid?)null : await DepartmentIdAsync(session, organiser),
            Status = status,
            TitleSv = "Återträff " + id.ToString("N")[..6],
            TitleEn = "Reunion " + id.ToString("N")[..6],
            StartsAt = starts,
            EndsAt = starts.AddHours(3),
            Capacity = capacity,
            FollowUpSv = followUpSv,
            FollowUpEn = followUpEn,
            Now = now,
        }, Ct);
        foreach (var code in cohosts ?? [])
        {
            await session.ExecuteAsync(Sql.Portable("INSERT INTO event_cohosts (event_id, department_id) VALUES (@Id, @Department)"),
                new { Id = id, Department = await DepartmentIdAsync(session, code) }, Ct);
        }

        var questionIds = new List<Guid>();
        foreach (var (label, position) in (questions ?? []).Select((q, i) => (q, i)))
        {
            var questionId = Guid.CreateVersion7();
            await session.ExecuteAsync(Sql.Portable("""
                INSERT INTO event_questions (id, event_id, position, kind, label_sv, label_en, choices, required)
                VALUES (@QuestionId, @Id, @Position, 'text', @Label, @Label, NULL, 0)
                """), new { QuestionId = questionId, Id = id, Position = position, Label = label }, Ct);
            questionIds.Add(questionId);
        }

        await session.CommitAsync(Ct);
        return new TestEvent(id, starts, starts.AddHours(3), questionIds);
    }

    /// <summary>A registration of the member in a state (confirmed seats are counted on the event; a waiting one gets the next place).</summary>
    public static async Task<TestRegistration> RegisterAsync(ApiFixture api, TestEvent ev, Guid memberId, string status = "confirmed",
        string[]? guests = null, string[]? answers = null, string language = "en", DateTimeOffset? checkedInAt = null)
    {
        var db = api.Services.GetRequiredService<Database>();
        var now = DateTimeOffset.UtcNow;
        var id = Guid.CreateVersion7();
        var code = Alumni.Api.Features.Events.CheckIn.CheckInCodes.NewCode();
        var seats = 1 + (guests?.Length ?? 0);
        await using var session = await db.BeginAsync(Ct);
        long? queue = null;
        if (status == "waiting")
        {
            queue = await session.ExecuteScalarAsync<long>(Sql.Portable("SELECT next_queue_number FROM events WHERE id = @Id"), new { ev.Id }, Ct);
            await session.ExecuteAsync(Sql.Portable("UPDATE events SET next_queue_number = next_queue_number + 1 WHERE id = @Id"), new { ev.Id }, Ct);
        }
        else if (status == "confirmed")
        {
            await session.ExecuteAsync(Sql.Portable("UPDATE events SET seats_taken = seats_taken + @Seats WHERE id = @Id"), new { ev.Id, Seats = seats }, Ct);
        }

        await session.ExecuteAsync(Sql.Portable("""
            INSERT INTO event_registrations (id, event_id, member_id, status, seats, queue_number, check_in_code, checked_in_at,
                                             registered_at, confirmed_at, cancelled_at, language)
            VALUES (@Id, @EventId, @MemberId, @Status, @Seats, @Queue, @Code, @CheckedInAt, @Now, @ConfirmedAt, @CancelledAt, @Language)
            """), new
        {
            Id = id,
            EventId = ev.Id,
            MemberId = memberId,
            Status = status,
            Seats = seats,
            Queue = queue,
            Code = code,
            CheckedInAt = checkedInAt,
            Now = now,
            ConfirmedAt = status == "confirmed" ? now : (DateTimeOffset?)null,
            CancelledAt = status is "cancelled" or "left" ? now : (DateTimeOffset?)null,
            Language = language,
        }, Ct);
        foreach (var (name, position) in (guests ?? []).Select((g, i) => (g, i)))
        {
            await session.ExecuteAsync(Sql.Portable("INSERT INTO event_registration_guests (registration_id, position, name) VALUES (@Id, @Position, @Name)"),
                new { Id = id, Position = position, Name = name }, Ct);
        }

        foreach (var (answer, i) in (answers ?? []).Select((a, i) => (a, i)))
        {
            await session.ExecuteAsync(Sql.Portable("INSERT INTO event_answers (registration_id, question_id, answer) VALUES (@Id, @QuestionId, @Answer)"),
                new { Id = id, QuestionId = ev.Questions[i], Answer = answer }, Ct);
        }

        await session.CommitAsync(Ct);
        return new TestRegistration(id, code, memberId);
    }

    /// <summary>An active member (signed in) and their member id.</summary>
    public static async Task<(HttpClient Client, Guid MemberId)> MemberAsync(ApiFixture api, string email, string department = "DSV")
    {
        var client = await MemberClients.ActiveMemberAsync(api, email, department);
        return (client, await MemberIdAsync(api, email));
    }

    /// <summary>The member id of an address.</summary>
    public static async Task<Guid> MemberIdAsync(ApiFixture api, string email)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.ExecuteScalarAsync<Guid>(Sql.Portable("SELECT id FROM members WHERE email = @Email"), new { Email = email }, Ct);
    }

    /// <summary>Moves the event in time (to the past, for what happens after it).</summary>
    public static async Task<TestEvent> MoveAsync(ApiFixture api, TestEvent ev, DateTimeOffset startsAt)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        await session.ExecuteAsync(Sql.Portable("UPDATE events SET starts_at = @StartsAt, ends_at = @EndsAt WHERE id = @Id"),
            new { ev.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(3) }, Ct);
        return ev with { StartsAt = startsAt, EndsAt = startsAt.AddHours(3) };
    }

    /// <summary>Rows of a query over the test API's database.</summary>
    public static async Task<IReadOnlyList<T>> QueryAsync<T>(ApiFixture api, string sql, object? args)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.QueryAsync<T>(Sql.Portable(sql), args, Ct);
    }

    private static async Task<Guid> DepartmentIdAsync(DbSession session, string code) =>
        await session.ExecuteScalarAsync<Guid?>(Sql.Portable("SELECT id FROM department_directory WHERE code = @Code"), new { Code = code }, Ct)
        ?? throw new InvalidOperationException($"No department {code}.");
}

public sealed record TestEvent(Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<Guid> Questions);

public sealed record TestRegistration(Guid Id, string Code, Guid MemberId);
