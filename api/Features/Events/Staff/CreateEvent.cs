using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Staff;

/// <summary>
/// Creates an event as a draft, for one of the caller's departments (or, for an admin, the central office), with its
/// co-hosts, audience and questions.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.EventsWrite)]
public sealed class CreateEvent(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateEventRequest, EventResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO events (id, occasion_id, organiser_department_id, kind, status, title_sv, title_en, summary_sv, summary_en,
                            description_sv, description_en, starts_at, ends_at, time_zone, venue, address, city, country,
                            online_url, audience, capacity, seats_taken, next_queue_number, guests_allowed,
                            registration_opens_at, registration_closes_at, follow_up_sv, follow_up_en, sequence, version,
                            created_at, updated_at)
        VALUES (@Id, @OccasionId, @OrganiserId, @Kind, 'draft', @TitleSv, @TitleEn, @SummarySv, @SummaryEn,
                @DescriptionSv, @DescriptionEn, @StartsAt, @EndsAt, @TimeZone, @Venue, @Address, @City, @Country,
                @OnlineUrl, @Audience, @Capacity, 0, 1, @GuestsAllowed,
                @RegistrationOpensAt, @RegistrationClosesAt, @FollowUpSv, @FollowUpEn, 0, 1,
                @Now, @Now)
        """);

    public override void Configure()
    {
        Post("/events");
        Description(b => b
            .WithName("events_create")
            .WithSummary("Create an event")
            .WithDescription("A new draft event. Coordinators create events for their own departments; only admins for the central office "
                + "(no organiser). Another department as organiser is a 403.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<EventResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(CreateEventRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var departments = await EventSql.DepartmentsAsync(session, db, req, scope, ct);
        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(Insert, EventValues.Of(id, req, departments, now), ct);
        await EventSql.WriteChildrenAsync(session, id, req, departments, scope, now, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("event.create", "event", id.ToString()), ct);
        var created = await EventSql.GetAsync(session, id, scope, ct);
        await session.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/events/{id}";
        await EventSql.SendAsync(HttpContext, created, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateEventRequest>
    {
        public Validator() => this.AddEventRules();
    }
}

/// <summary>The stored values of an event's fields, as the insert and the update name them.</summary>
internal static class EventValues
{
    public static object Of(Guid id, EventInput r, EventDepartments departments, DateTimeOffset now) => new
    {
        Id = id,
        r.OccasionId,
        OrganiserId = departments.Organiser,
        Kind = EventRules.Db(r.Kind),
        TitleSv = TextRules.Clean(r.TitleSv),
        TitleEn = TextRules.Clean(r.TitleEn),
        SummarySv = TextRules.Clean(r.SummarySv),
        SummaryEn = TextRules.Clean(r.SummaryEn),
        DescriptionSv = TextRules.Clean(r.DescriptionSv),
        DescriptionEn = TextRules.Clean(r.DescriptionEn),
        r.StartsAt,
        r.EndsAt,
        r.TimeZone,
        Venue = TextRules.Clean(r.Venue),
        Address = TextRules.Clean(r.Address),
        City = TextRules.Clean(r.City),
        Country = Countries.Normalise(r.Country),
        OnlineUrl = TextRules.Clean(r.OnlineUrl),
        Audience = EventRules.Db(r.Audience),
        r.Capacity,
        r.GuestsAllowed,
        r.RegistrationOpensAt,
        r.RegistrationClosesAt,
        FollowUpSv = TextRules.Clean(r.FollowUpSv),
        FollowUpEn = TextRules.Clean(r.FollowUpEn),
        Now = now,
    };
}
