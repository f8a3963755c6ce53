using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Events.Staff;

/// <summary>The events the staff caller sees (organised or co-hosted by their departments; all for admins), soonest first.</summary>
[Access(Caller.Staff, Scope = ApiScopes.EventsRead)]
public sealed class ListEvents(Database db) : Endpoint<ListEventsRequest, Paged<EventSummary>>
{
    private const string Columns = """
        SELECT e.id AS Id, e.occasion_id AS OccasionId, o.code AS OrganiserDepartmentCode, e.kind AS Kind, e.status AS Status,
               e.title_sv AS TitleSv, e.title_en AS TitleEn, e.starts_at AS StartsAt, e.ends_at AS EndsAt, e.time_zone AS TimeZone,
               e.city AS City, e.country AS Country, CASE WHEN e.online_url IS NULL THEN 0 ELSE 1 END AS Online,
               e.audience AS Audience, e.capacity AS Capacity, e.seats_taken AS SeatsTaken,
               (SELECT COALESCE(SUM(w.seats), 0) FROM event_registrations w WHERE w.event_id = e.id AND w.status = 'waiting') AS SeatsWaiting,
               e.version AS Version
        """;

    private const string From = """
        events e
        LEFT JOIN department_directory o ON o.id = e.organiser_department_id
        """;

    public override void Configure()
    {
        Get("/events");
        Description(b => b
            .WithName("events_list")
            .WithSummary("List events (staff)")
            .WithDescription("Soonest first. Filters: status, kind, department (organiser or co-host, by code), from (ending at or after), to "
                + "(starting before), occasionId, q (words of the title in either language). The total is exact up to 1,000 events."));
    }

    public override async Task HandleAsync(ListEventsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await Query(req, DepartmentScope.Of(User)).ReadAsync<EventSummary>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for, within the caller's scope.</summary>
    internal static PagedQuery Query(ListEventsRequest req, DepartmentScope scope)
    {
        var conditions = new SqlConditions()
            .Add(EventRules.ReadScope)
            .Add("e.status = @Status", "Status", req.Status is { } status ? EventRules.Db(status) : null)
            .Add("e.kind = @Kind", "Kind", req.Kind is { } kind ? EventRules.Db(kind) : null)
            .Add("""
                (o.code = @Department OR EXISTS (SELECT 1 FROM event_cohosts fc JOIN department_directory fd ON fd.id = fc.department_id
                                                 WHERE fc.event_id = e.id AND fd.code = @Department))
                """, "Department", req.Department is { } department ? EventRules.NormaliseCode(department) : null)
            .Add("e.ends_at >= @From", "From", req.From)
            .Add("e.starts_at < @To", "To", req.To)
            .Add("e.occasion_id = @OccasionId", "OccasionId", req.OccasionId)
            .Add("(LOWER(COALESCE(e.title_sv, '')) LIKE @Q ESCAPE '\\' OR LOWER(COALESCE(e.title_en, '')) LIKE @Q ESCAPE '\\')", "Q", Like.Containing(req.Q));
        conditions.Arguments.Add("ScopeAll", scope.ScopeAll);
        conditions.Arguments.Add("ScopeUserId", scope.ScopeUserId);
        return new PagedQuery(Columns, From, conditions, "e.starts_at, e.id");
    }

    public sealed class Validator : Validator<ListEventsRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Q).MaximumLength(200).WithMessage(_ => Alumni.Api.Infrastructure.Text.Texts.Get("common.useAtMostCharacters", 200));
        }
    }
}
