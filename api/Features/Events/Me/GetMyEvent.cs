using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Events.Me;

/// <summary>
/// One event of the caller's audience, with its descriptions as safe HTML. The online link only for a caller with a
/// confirmed registration. A draft, or an event outside the caller's audience, is a 404.
/// </summary>
[Access(Caller.SignedIn)]
public sealed class GetMyEvent(Database db, IOptions<Schedule.EventScheduleOptions> retention) : Endpoint<EventByIdRequest, MemberEventResponse>
{
    [Unscoped("a member's read of an event of their own audience: the audience departments are matched with the member's own departments")]
    private static readonly Sql Select = Sql.Portable($"""
        SELECT e.id AS Id, e.occasion_id AS OccasionId, o.code AS OrganiserDepartmentCode, e.kind AS Kind, e.status AS Status,
               e.title_sv AS TitleSv, e.title_en AS TitleEn, e.summary_sv AS SummarySv, e.summary_en AS SummaryEn,
               e.description_sv AS DescriptionSv, e.description_en AS DescriptionEn, e.starts_at AS StartsAt, e.ends_at AS EndsAt,
               e.time_zone AS TimeZone, e.venue AS Venue, e.address AS Address, e.city AS City, e.country AS Country,
               CASE WHEN e.online_url IS NULL THEN 0 ELSE 1 END AS Online,
               CASE WHEN EXISTS (SELECT 1 FROM event_registrations cr
                                 WHERE cr.event_id = e.id AND cr.member_id = @MemberId AND cr.status = 'confirmed')
                    THEN e.online_url ELSE NULL END AS OnlineUrl,
               e.audience AS Audience, e.capacity AS Capacity,
               CASE WHEN e.capacity IS NULL THEN NULL WHEN e.capacity > e.seats_taken THEN e.capacity - e.seats_taken ELSE 0 END AS SeatsLeft,
               e.guests_allowed AS GuestsAllowed, e.registration_opens_at AS RegistrationOpensAt,
               e.registration_closes_at AS RegistrationClosesAt,
               (SELECT mr.status FROM event_registrations mr
                WHERE mr.event_id = e.id AND mr.member_id = @MemberId AND mr.status IN ('confirmed', 'waiting')) AS MyRegistrationStatus,
               e.sequence AS Sequence
        FROM events e
        LEFT JOIN department_directory o ON o.id = e.organiser_department_id
        WHERE e.id = @Id AND e.status <> 'draft'
          AND {EventSql.InAudience}
        """);

    public override void Configure()
    {
        Get("/me/events/{id}");
        Description(b => b
            .WithName("events_getMine")
            .WithSummary("Get an event open to me")
            .WithDescription("Both languages of every text, the descriptions also as sanitised HTML. onlineUrl is given only to a member with a "
                + "confirmed registration. A draft or an event outside my audience is a 404.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(EventByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var (memberId, isStaff) = await EventSql.AudienceOfAsync(session, User, ct);
        var found = await session.QuerySingleOrDefaultAsync<MemberEventResponse>(Select, new { req.Id, MemberId = memberId, IsStaff = isStaff }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));
        await Send.OkAsync(found with
        {
            DescriptionSvHtml = Markdown.ToSafeHtml(found.DescriptionSv),
            DescriptionEnHtml = Markdown.ToSafeHtml(found.DescriptionEn),
            CohostDepartmentCodes = await session.QueryAsync<string>(EventSql.PublishedCohosts, new { req.Id }, ct),
            Questions = await EventSql.QuestionsAsync(session, req.Id, ct),
            PersonalDataDeletedOn = retention.Value.PersonalDataDeletedOn(found.EndsAt),
        }, ct);
    }
}
