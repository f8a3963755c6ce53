using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Occasions;

/// <summary>
/// One occasion abroad with its planning figures: how many active members live in its country and in its city, and
/// how many of them agreed to event invitations. Counts only; no member is named. With the occasion's events that the
/// caller may see.
/// </summary>
[Access(Caller.Staff)]
public sealed class GetOccasion(Database db) : Endpoint<GetOccasionRequest, OccasionDetailResponse>
{
    private static readonly Sql Events = Sql.Portable($"""
        SELECT e.id AS Id, e.title_sv AS TitleSv, e.title_en AS TitleEn, e.starts_at AS StartsAt, e.status AS Status
        FROM events e
        WHERE e.occasion_id = @Id AND {EventRules.ReadScope}
        ORDER BY e.starts_at, e.id
        """);

    public override void Configure()
    {
        Get("/occasions/{id}");
        Description(b => b
            .WithName("events_getOccasion")
            .WithSummary("Get an occasion abroad with its planning figures")
            .WithDescription("With how many active members live in the country and in the city (without regard to case), and of those how many "
                + "agreed to event invitations: counts only; and its events the caller may see (a coordinator: those their departments organise "
                + "or co-host), soonest first. Admins and coordinators.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(GetOccasionRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var occasion = await OccasionSql.GetAsync(session, req.Id, ct);
        var reach = await OccasionSql.ReachAsync(session, occasion, ct);
        var scope = DepartmentScope.Of(User);
        var events = await session.QueryAsync<OccasionEvent>(Events, new { req.Id, scope.ScopeAll, scope.ScopeUserId }, ct);
        OccasionSql.SetETag(HttpContext, occasion);
        await Send.OkAsync(new OccasionDetailResponse
        {
            Id = occasion.Id,
            Title = occasion.Title,
            Purpose = occasion.Purpose,
            City = occasion.City,
            Country = occasion.Country,
            StartsOn = occasion.StartsOn,
            EndsOn = occasion.EndsOn,
            CreatedAt = occasion.CreatedAt,
            UpdatedAt = occasion.UpdatedAt,
            Version = occasion.Version,
            Reach = reach,
            Events = events,
        }, ct);
    }
}
