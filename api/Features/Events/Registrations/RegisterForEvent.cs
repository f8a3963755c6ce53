using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alumni.Api.Features.Events.CheckIn;
using Alumni.Api.Features.Events.Mail;
using Alumni.Api.Features.Members;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using Alumni.Contracts.Problems;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Events.Registrations;

/// <summary>
/// Registers the signed-in member for an event, with guests and answers, in one transaction that holds the event's
/// seat count locked (SQLite <c>BEGIN IMMEDIATE</c>; SQL Server an update lock on the event row, taken first): when the
/// event has no capacity or the seats fit, the registration is confirmed and <c>seats_taken</c> grows by its seats;
/// otherwise it waits with the event's next queue number. Never a check outside the lock. A <c>confirmation</c> or
/// <c>waiting</c> mail is written in the same transaction. With an <c>Idempotency-Key</c> (the caller's own), a retry
/// answers the first answer again; the same key with another request is a 422.
/// </summary>
[Access(Caller.SignedIn, Claim = MemberClaims.ActiveMember, ClaimHolders = MemberClaims.ActiveMembers)]
public sealed class RegisterForEvent(Database db, TimeProvider time, EventMailSignal mail) : Endpoint<RegisterForEventRequest, RegistrationResponse>
{
    /// <summary>The longest Idempotency-Key accepted.</summary>
    public const int MaxKeyLength = 200;

    private const int MaxAnswerLength = 1000;

    private static readonly Sql ByKey = Sql.Portable("""
        SELECT id AS Id, request_hash AS RequestHash
        FROM event_registrations
        WHERE member_id = @MemberId AND idempotency_key = @Key
        """);

    private static readonly Sql Questions = Sql.Portable("""
        SELECT id AS Id, kind AS Kind, required AS Required, choices AS Choices, label_sv AS LabelSv, label_en AS LabelEn
        FROM event_questions
        WHERE event_id = @EventId
        ORDER BY position
        """);

    private static readonly Sql CodeTaken = Sql.Portable("""
        SELECT COUNT(*) FROM event_registrations WHERE event_id = @EventId AND check_in_code = @Code
        """);

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO event_registrations (id, event_id, member_id, status, seats, queue_number, check_in_code, registered_at,
                                         confirmed_at, idempotency_key, request_hash, language, answer_status, answer_position)
        VALUES (@Id, @EventId, @MemberId, @Status, @Seats, @QueueNumber, @CheckInCode, @Now,
                @ConfirmedAt, @Key, @RequestHash, @Language, @Status, @Position)
        """);

    private static readonly Sql InsertGuest = Sql.Portable("""
        INSERT INTO event_registration_guests (registration_id, position, name) VALUES (@RegistrationId, @Position, @Name)
        """);

    private static readonly Sql InsertAnswer = Sql.Portable("""
        INSERT INTO event_answers (registration_id, question_id, answer) VALUES (@RegistrationId, @QuestionId, @Answer)
        """);

    private static readonly Sql TakeSeats = Sql.Portable("""
        UPDATE events SET seats_taken = seats_taken + @Seats WHERE id = @EventId
        """);

    private static readonly Sql TakeQueueNumber = Sql.Portable("""
        UPDATE events SET next_queue_number = next_queue_number + 1 WHERE id = @EventId
        """);

    private static readonly Sql WaitingAhead = Sql.Portable("""
        SELECT COUNT(*) FROM event_registrations WHERE event_id = @EventId AND status = 'waiting' AND queue_number < @QueueNumber
        """);

    public override void Configure()
    {
        Post("/me/events/{id}/registration");
        Description(b => b
            .WithName("events_register")
            .WithSummary("Register for an event (or join its waiting list)")
            .WithDescription("Registers me, with my guests (each takes a seat) and my answers to the event's questions. When the seats fit "
                + "(or the event has no capacity) the registration is confirmed; otherwise it joins the waiting list and the answer says its "
                + "position. Seats are counted in one transaction that locks the event, so the capacity is never exceeded. A confirmation "
                + "(with the calendar file and the check-in QR code) or a waiting-list mail follows. "
                + "404 for an event outside my audience; 409 for an event that is not published, outside its registration window, "
                + "or when I am already registered or waiting; 400 for too many guests, a required answer missing, an unknown question "
                + "or an answer that is not one of its choices (errors name answers.{questionId}). Send an Idempotency-Key header to make "
                + "a retry safe: the same key with the same request answers the first answer again; with another request it is a 422.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<RegistrationResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity));
    }

    public override async Task HandleAsync(RegisterForEventRequest req, CancellationToken ct)
    {
        var key = HttpContext.Request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length > MaxKeyLength)
        {
            ThrowError(Texts.Get("events.idempotencyKeyIsAtMost", MaxKeyLength));
        }

        var hash = RequestHash(req);
        Guid? memberId = null;
        try
        {
            await using var session = await db.BeginAsync(ct);
            var ev = await RegistrationSql.LockEventAsync(session, req.Id, ct);
            var now = time.GetUtcNow();
            var member = await RegistrationSql.CallerMemberAsync(session, User, ct);
            memberId = member.MemberId;
            if (key.Length > 0 && await session.QuerySingleOrDefaultAsync<Earlier>(ByKey, new { member.MemberId, Key = key }, ct) is { } earlier)
            {
                await AnswerRetryAsync(session, earlier, hash, ct);
                return;
            }

            await RegistrationSql.CheckAudienceAsync(session, ev, member.MemberId, User, ct);
            CheckOpen(ev, now);
            if (req.Guests.Count > ev.GuestsAllowed)
            {
                ThrowError(r => r.Guests, Texts.Get("events.youMayBringAtMost", ev.GuestsAllowed));
            }

            var answers = CheckAnswers(req.Answers, await session.QueryAsync<Question>(Questions, new { EventId = ev.Id }, ct));
            if (await session.QuerySingleOrDefaultAsync<RegistrationSql.ActiveRow>(RegistrationSql.ActiveRegistration,
                    new { EventId = ev.Id, member.MemberId }, ct) is not null)
            {
                throw RegistrationSql.Conflict("registration", Texts.Get("events.youAreAlreadyRegistered"));
            }

            var seats = 1 + req.Guests.Count;
            var confirmed = ev.Capacity is null || ev.SeatsTaken + seats <= ev.Capacity;
            long? queueNumber = null;
            long? position = null;
            if (confirmed)
            {
                await session.ExecuteAsync(TakeSeats, new { EventId = ev.Id, Seats = seats }, ct);
            }
            else
            {
                queueNumber = ev.NextQueueNumber;
                await session.ExecuteAsync(TakeQueueNumber, new { EventId = ev.Id }, ct);
                position = await session.ExecuteScalarAsync<long>(WaitingAhead, new { EventId = ev.Id, QueueNumber = queueNumber }, ct) + 1;
            }

            var id = Guid.CreateVersion7(now);
            await session.ExecuteAsync(Insert, new
            {
                Id = id,
                EventId = ev.Id,
                member.MemberId,
                Status = confirmed ? RegistrationSql.Confirmed : RegistrationSql.Waiting,
                Seats = seats,
                QueueNumber = queueNumber,
                CheckInCode = await NewCodeAsync(session, ev.Id, ct),
                Now = now,
                ConfirmedAt = confirmed ? now : (DateTimeOffset?)null,
                Key = key.Length > 0 ? key : null,
                RequestHash = key.Length > 0 ? hash : null,
                Language = member.MailLanguage,
                Position = position,
            }, ct);
            await session.ExecuteAsync(InsertGuest, req.Guests.Select((g, i) => new { RegistrationId = id, Position = i + 1, Name = g.Name.Trim() }).ToList(), ct);
            await session.ExecuteAsync(InsertAnswer, answers.Select(a => new { RegistrationId = id, a.QuestionId, a.Answer }).ToList(), ct);
            await EventMailOutbox.WriteAsync(session, ev.Id, member.MemberId, id,
                confirmed ? EventMailKinds.Confirmation : EventMailKinds.Waiting, now, ct);
            var registration = (await RegistrationSql.LoadAsync(session, id, ct))!;
            await session.CommitAsync(ct);
            mail.Pulse();
            await Send.ResponseAsync(registration, StatusCodes.Status201Created, ct);
        }
        catch (DbException e) when (db.IsUniqueViolation(e) && memberId is { } raced)
        {
            // A request with the same key raced in (for another event, so another lock): answer as its retry. Two
            // registrations of one member for one event never race past the check: both lock the event.
            await using var session = await db.OpenAsync(ct);
            if (key.Length > 0 && await session.QuerySingleOrDefaultAsync<Earlier>(ByKey, new { MemberId = raced, Key = key }, ct) is { } earlier)
            {
                await AnswerRetryAsync(session, earlier, hash, ct);
                return;
            }

            throw RegistrationSql.Conflict("registration", Texts.Get("events.youAreAlreadyRegistered"));
        }
    }

    /// <summary>The first answer again for the same request; a 422 for another request with the same key.</summary>
    private async Task AnswerRetryAsync(DbSession session, Earlier earlier, string hash, CancellationToken ct)
    {
        if (earlier.RequestHash != hash)
        {
            throw new ProblemException(StatusCodes.Status422UnprocessableEntity, Texts.Get("events.thisIdempotencyKeyWasAlready"), ProblemTypes.IdempotencyKeyReused);
        }

        await Send.ResponseAsync(await RegistrationSql.LoadFirstAnswerAsync(session, earlier.Id, ct), StatusCodes.Status201Created, ct);
    }

    /// <summary>409 unless the event is published and registration is open now.</summary>
    private static void CheckOpen(RegistrationSql.LockedEvent ev, DateTimeOffset now)
    {
        if (ev.Status != "published")
        {
            throw RegistrationSql.Conflict("status", Texts.Get("events.onlyAPublishedEventTakes"));
        }

        if (ev.RegistrationOpensAt is { } opens && now < opens)
        {
            throw RegistrationSql.Conflict("registrationWindow", Texts.Get("events.registrationHasNotOpenedYet"));
        }

        if (now >= ev.ClosesAt)
        {
            throw RegistrationSql.Conflict("registrationWindow", Texts.Get("events.registrationHasClosed"));
        }
    }

    /// <summary>
    /// The answers to store (blank answers to optional questions left out; a choice stored as the choice's text), or one
    /// 400 naming every bad answer as <c>answers.{questionId}</c>.
    /// </summary>
    private List<(Guid QuestionId, string Answer)> CheckAnswers(IReadOnlyList<RegistrationAnswerInput> given, IReadOnlyList<Question> questions)
    {
        var byId = questions.ToDictionary(q => q.Id);
        var answers = new List<(Guid, string)>();
        var seen = new HashSet<Guid>();
        foreach (var answer in given)
        {
            var field = $"answers.{answer.QuestionId}";
            var text = answer.Answer.Trim();
            if (!byId.TryGetValue(answer.QuestionId, out var question))
            {
                AddError(field, Texts.Get("events.noSuchQuestion"));
                continue;
            }

            if (!seen.Add(answer.QuestionId))
            {
                AddError(field, Texts.Get("events.answerEachQuestionOnce"));
                continue;
            }

            if (text.Length == 0)
            {
                continue;
            }

            switch (question.Kind)
            {
                case "choice":
                    var choice = question.ChoiceTexts().FirstOrDefault(c => c.Any(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase)));
                    if (choice is null)
                    {
                        AddError(field, Texts.Get("events.chooseOneOfTheQuestions"));
                        continue;
                    }

                    text = choice.First(t => string.Equals(t, text, StringComparison.OrdinalIgnoreCase));
                    break;
                case "yesNo":
                    if (text.ToLowerInvariant() is not ("yes" or "no"))
                    {
                        AddError(field, Texts.Get("events.answerYesOrNo"));
                        continue;
                    }

                    text = text.ToLowerInvariant();
                    break;
            }

            answers.Add((answer.QuestionId, text));
        }

        foreach (var question in questions.Where(q => q.Required && answers.All(a => a.Item1 != q.Id)))
        {
            if (!ValidationFailures.Any(f => f.PropertyName == $"answers.{question.Id}"))
            {
                AddError($"answers.{question.Id}", Texts.Get("events.answerThisQuestion"));
            }
        }

        ThrowIfAnyErrors();
        return answers;
    }

    private void AddError(string field, string message) => AddError(new FluentValidation.Results.ValidationFailure(field, message));

    /// <summary>A check-in code no other registration of the event has (the event is locked, so none can take it meanwhile).</summary>
    private static async Task<string> NewCodeAsync(DbSession session, Guid eventId, CancellationToken ct)
    {
        while (true)
        {
            var code = CheckInCodes.NewCode();
            if (await session.ExecuteScalarAsync<long>(CodeTaken, new { EventId = eventId, Code = code }, ct) == 0)
            {
                return code;
            }
        }
    }

    /// <summary>The SHA-256 of what the request asks for (the event, the guests in order, the answers by question), hex.</summary>
    internal static string RequestHash(RegisterForEventRequest req)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            e = req.Id,
            g = req.Guests.Select(g => g.Name.Trim()),
            a = req.Answers.OrderBy(a => a.QuestionId).Select(a => new { q = a.QuestionId, a = a.Answer.Trim() }),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public sealed class Validator : Validator<RegisterForEventRequest>
    {
        public Validator()
        {
            RuleForEach(r => r.Guests).ChildRules(g => g.RuleFor(x => x.Name).IsPersonName());
            RuleForEach(r => r.Answers).ChildRules(a => a.RuleFor(x => x.Answer)
                .Must(t => t.Trim().Length <= MaxAnswerLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", MaxAnswerLength)));
        }
    }

    private sealed record Earlier
    {
        public Guid Id { get; init; }
        public string? RequestHash { get; init; }
    }

    private sealed record Question
    {
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public bool Required { get; init; }
        public string? Choices { get; init; }
        public string? LabelSv { get; init; }
        public string? LabelEn { get; init; }

        /// <summary>Each choice's texts (Swedish, English), as stored.</summary>
        public IEnumerable<string[]> ChoiceTexts()
        {
            if (string.IsNullOrWhiteSpace(Choices))
            {
                yield break;
            }

            using var document = JsonDocument.Parse(Choices);
            foreach (var choice in document.RootElement.EnumerateArray())
            {
                yield return new[] { "sv", "en" }
                    .Select(l => choice.TryGetProperty(l, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!.Trim() : "")
                    .Where(t => t.Length > 0)
                    .ToArray();
            }
        }
    }
}
