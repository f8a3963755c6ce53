using System.Data.Common;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Events.Feedback;

/// <summary>
/// A member's feedback on an event: a rating from 1 to 5 and an optional comment, only from a member whose registration
/// was checked in, only once the event has started, and once: a second time is a 409 (the first stands). Until the
/// registrations are anonymised; the comment goes then, the rating stays.
/// </summary>
[Access(Caller.SignedIn)]
public sealed class SubmitFeedback(Database db, TimeProvider time) : Endpoint<SubmitFeedbackRequest, FeedbackResponse>
{
    public const int CommentMaxLength = 2000;

    private static readonly Sql Member = Sql.Portable("""
        SELECT member_id FROM member_contacts WHERE user_id = @UserId AND is_erased = 0
        """);

    private static readonly Sql Event = Sql.Portable("""
        SELECT id AS Id, status AS Status, starts_at AS StartsAt, anonymised_at AS AnonymisedAt FROM events WHERE id = @Id AND status <> 'draft'
        """);

    private static readonly Sql CheckedIn = Sql.Portable("""
        SELECT id FROM event_registrations
        WHERE event_id = @Id AND member_id = @MemberId AND status = 'confirmed' AND checked_in_at IS NOT NULL
        """);

    private static readonly Sql Given = Sql.Portable("""
        SELECT COUNT(*) FROM event_feedback WHERE registration_id = @RegistrationId
        """);

    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO event_feedback (registration_id, rating, comment, submitted_at) VALUES (@RegistrationId, @Rating, @Comment, @Now)
        """);

    public override void Configure()
    {
        Post("/me/events/{id}/feedback");
        Description(b => b
            .WithName("events_submitFeedback")
            .WithSummary("Give feedback on an event I attended")
            .WithDescription("A rating from 1 to 5 and an optional comment (at most 2,000 characters, line breaks allowed). Only from a member whose "
                + "registration was checked in (403 otherwise, also for a registered no-show), once the event has started (409 before), and once (409 the second time). "
                + "The organiser sees the ratings and the comments without names (events_getFeedbackSummary).")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<FeedbackResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(SubmitFeedbackRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var memberId = await session.ExecuteScalarAsync<Guid?>(Member, new { UserId = User.PersonId() }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("events.feedback.noMemberRecord"));
        var ev = await session.QuerySingleOrDefaultAsync<EventRow>(Event, new { req.Id }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));
        var registrationId = await session.ExecuteScalarAsync<Guid?>(CheckedIn, new { req.Id, MemberId = memberId }, ct)
            ?? throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("events.feedback.onlyTheCheckedIn"), Contracts.Problems.ProblemTypes.Forbidden);
        if (ev.StartsAt > now)
        {
            throw ProblemException.Conflict(Texts.Get("events.feedback.notYetStarted"));
        }

        if (ev.AnonymisedAt is not null)
        {
            throw ProblemException.Conflict(Texts.Get("events.feedback.closed"));
        }

        if (await session.ExecuteScalarAsync<long>(Given, new { RegistrationId = registrationId }, ct) > 0)
        {
            throw ProblemException.Conflict(Texts.Get("events.feedback.alreadyGiven"));
        }

        var comment = TextRules.Clean(req.Comment);
        try
        {
            await session.ExecuteAsync(Insert, new { RegistrationId = registrationId, req.Rating, Comment = comment, Now = now }, ct);
        }
        catch (DbException e) when (db.IsUniqueViolation(e))
        {
            throw ProblemException.Conflict(Texts.Get("events.feedback.alreadyGiven"));
        }

        await session.CommitAsync(ct);
        await Send.ResponseAsync(new FeedbackResponse { EventId = req.Id, Rating = req.Rating, Comment = comment, SubmittedAt = now },
            StatusCodes.Status201Created, ct);
    }

    private sealed record EventRow
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset? AnonymisedAt { get; init; }
    }

    public sealed class Validator : Validator<SubmitFeedbackRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Rating).InclusiveBetween(1, 5).WithMessage(_ => Texts.Get("events.feedback.rateFrom1To5"));
            RuleFor(r => r.Comment).Must(c => c is null || c.Trim().Length <= CommentMaxLength)
                .WithMessage(_ => Texts.Get("common.useAtMostCharacters", CommentMaxLength));
        }
    }
}
