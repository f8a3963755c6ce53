using Alumni.Api.Infrastructure.Text;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Events;
using FastEndpoints;

namespace Alumni.Api.Features.Events.Public;

/// <summary>The public list of published events (not coordinators-only ones), for anyone and for the university web site.</summary>
[Access(Caller.Anonymous)]
public sealed class ListPublicEvents(Database db, TimeProvider time) : Endpoint<ListPublicEventsRequest, Paged<EventListItem>>
{
    public override void Configure()
    {
        Get("/public/events");
        Description(b => b
            .WithName("events_listPublic")
            .WithSummary("List published events (public)")
            .WithDescription("Without signing in, or with an API key (events:read). Published events that are not for coordinators only, soonest "
                + "first; without from, only events that have not ended. Filters: kind, country, department (organiser or co-host, by code), "
                + "from, to. Never an online link."));
    }

    public override async Task HandleAsync(ListPublicEventsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await Query(req, time.GetUtcNow()).ReadAsync<EventListItem>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for.</summary>
    internal static PagedQuery Query(ListPublicEventsRequest req, DateTimeOffset now) => new(
        EventSql.ListItemColumns,
        EventSql.ListFrom,
        new SqlConditions()
            .Add("e.status = 'published'")
            .Add("e.audience <> 'coordinators'")
            .Add("e.kind = @Kind", "Kind", req.Kind is { } kind ? EventRules.Db(kind) : null)
            .Add("e.country = @Country", "Country", Countries.Normalise(req.Country))
            .Add(EventSql.ByDepartment, "Department", req.Department is { } department ? EventRules.NormaliseCode(department) : null)
            .Add("e.ends_at >= @From", "From", req.From ?? now)
            .Add("e.starts_at < @To", "To", req.To),
        "e.starts_at, e.id");

    public sealed class Validator : Validator<ListPublicEventsRequest>
    {
        public Validator() => this.ValidatePage();
    }
}
