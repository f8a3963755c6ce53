using Alumni.Api.Features.Events.Attendees;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Feedback;

/// <summary>
/// The feedback on an event for its organiser's staff (and admins): how many gave it, the mean rating, how many gave
/// each rating, and the comments, newest first, without who wrote them.
/// </summary>
[Access(Caller.Staff)]
public sealed class GetFeedbackSummary(Database db) : Endpoint<EventAttendanceRequest, FeedbackSummaryResponse>
{
    /// <summary>The most comments one summary lists.</summary>
    public const int MaxComments = 1000;

    [Unscoped("the ratings of an event the caller's scope already allowed")]
    private static readonly Sql Ratings = Sql.Portable("""
        SELECT f.rating AS Rating, COUNT(*) AS Count
        FROM event_feedback f
        JOIN event_registrations r ON r.id = f.registration_id
        WHERE r.event_id = @Id
        GROUP BY f.rating
        """);

    [Unscoped("the comments of an event the caller's scope already allowed")]
    private static readonly Sql Comments = Sql.Dialects(
        """
        SELECT f.rating AS Rating, f.comment AS Comment
        FROM event_feedback f
        JOIN event_registrations r ON r.id = f.registration_id
        WHERE r.event_id = @Id AND f.comment IS NOT NULL
        ORDER BY f.submitted_at DESC, f.registration_id
        LIMIT @Take
        """,
        """
        SELECT TOP (@Take) f.rating AS Rating, f.comment AS Comment
        FROM event_feedback f
        JOIN event_registrations r ON r.id = f.registration_id
        WHERE r.event_id = @Id AND f.comment IS NOT NULL
        ORDER BY f.submitted_at DESC, f.registration_id
        """);

    public override void Configure()
    {
        Get("/events/{id}/feedback");
        Description(b => b
            .WithName("events_getFeedbackSummary")
            .WithSummary("The feedback on an event")
            .WithDescription("For the organiser's staff and admins: the number of ratings, their mean, how many gave each rating from 1 to 5, and the "
                + $"comments (newest first, at most {MaxComments}) without names. Comments are removed when the registrations are anonymised; the ratings stay.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(EventAttendanceRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await AttendanceSql.ManagedAsync(session, req.Id, DepartmentScope.Of(User), ct);
        var ratings = (await session.QueryAsync<RatingCount>(Ratings, new { req.Id }, ct)).ToDictionary(r => r.Rating, r => r.Count);
        var comments = await session.QueryAsync<FeedbackComment>(Comments, new { req.Id, Take = MaxComments }, ct);
        var count = ratings.Values.Sum();
        await Send.OkAsync(new FeedbackSummaryResponse
        {
            EventId = req.Id,
            Count = count,
            Average = count == 0 ? null : Math.Round(ratings.Sum(r => (double)r.Key * r.Value) / count, 2),
            Distribution = Enumerable.Range(1, 5).Select(r => new RatingCount { Rating = r, Count = ratings.GetValueOrDefault(r) }).ToList(),
            Comments = comments,
        }, ct);
    }
}
