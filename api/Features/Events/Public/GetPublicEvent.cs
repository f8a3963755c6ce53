using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Public;

/// <summary>One published event (not coordinators-only) for anyone: no online link, ever; 404 for any other.</summary>
[Access(Caller.Anonymous)]
public sealed class GetPublicEvent(Database db) : Endpoint<EventByIdRequest, PublicEventResponse>
{
    private static readonly Sql Select = Sql.Portable("""
        SELECT e.id AS Id, o.code AS OrganiserDepartmentCode, e.kind AS Kind, e.status AS Status,
               e.title_sv AS TitleSv, e.title_en AS TitleEn, e.summary_sv AS SummarySv, e.summary_en AS SummaryEn,
               e.description_sv AS DescriptionSv, e.description_en AS DescriptionEn, e.starts_at AS StartsAt, e.ends_at AS EndsAt,
               e.time_zone AS TimeZone, e.venue AS Venue, e.address AS Address, e.city AS City, e.country AS Country,
               CASE WHEN e.online_url IS NULL THEN 0 ELSE 1 END AS Online, e.audience AS Audience,
               e.registration_opens_at AS RegistrationOpensAt, e.registration_closes_at AS RegistrationClosesAt
        FROM events e
        LEFT JOIN department_directory o ON o.id = e.organiser_department_id
        WHERE e.id = @Id AND e.status = 'published' AND e.audience <> 'coordinators'
        """);

    public override void Configure()
    {
        Get("/public/events/{id}");
        Description(b => b
            .WithName("events_getPublic")
            .WithSummary("Get a published event (public)")
            .WithDescription("Without signing in, or with an API key (events:read). The descriptions as sanitised HTML; never an online link. "
                + "A draft, cancelled, completed or coordinators-only event is a 404.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(EventByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var found = await session.QuerySingleOrDefaultAsync<Row>(Select, new { req.Id }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("events.noEventWithThatId"));
        await Send.OkAsync(new PublicEventResponse
        {
            Id = found.Id,
            OrganiserDepartmentCode = found.OrganiserDepartmentCode,
            CohostDepartmentCodes = await session.QueryAsync<string>(EventSql.PublishedCohosts, new { req.Id }, ct),
            Kind = found.Kind,
            Status = found.Status,
            TitleSv = found.TitleSv,
            TitleEn = found.TitleEn,
            SummarySv = found.SummarySv,
            SummaryEn = found.SummaryEn,
            DescriptionSvHtml = Markdown.ToSafeHtml(found.DescriptionSv),
            DescriptionEnHtml = Markdown.ToSafeHtml(found.DescriptionEn),
            StartsAt = found.StartsAt,
            EndsAt = found.EndsAt,
            TimeZone = found.TimeZone,
            Venue = found.Venue,
            Address = found.Address,
            City = found.City,
            Country = found.Country,
            Online = found.Online,
            Audience = found.Audience,
            RegistrationOpensAt = found.RegistrationOpensAt,
            RegistrationClosesAt = found.RegistrationClosesAt,
        }, ct);
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string? OrganiserDepartmentCode { get; init; }
        public EventKind Kind { get; init; }
        public EventStatus Status { get; init; }
        public string? TitleSv { get; init; }
        public string? TitleEn { get; init; }
        public string? SummarySv { get; init; }
        public string? SummaryEn { get; init; }
        public string? DescriptionSv { get; init; }
        public string? DescriptionEn { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public DateTimeOffset EndsAt { get; init; }
        public string TimeZone { get; init; } = "";
        public string? Venue { get; init; }
        public string? Address { get; init; }
        public string? City { get; init; }
        public string? Country { get; init; }
        public bool Online { get; init; }
        public EventAudience Audience { get; init; }
        public DateTimeOffset? RegistrationOpensAt { get; init; }
        public DateTimeOffset? RegistrationClosesAt { get; init; }
    }
}
