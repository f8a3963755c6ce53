using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Meetings;

/// <summary>The network's meetings (events for the coordinators), upcoming soonest first or past latest first, with how many notes and decisions each has.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class ListMeetings(Database db, TimeProvider time) : Endpoint<ListMeetingsRequest, Paged<MeetingSummary>>
{
    public override void Configure()
    {
        Get("/network/meetings");
        Description(b => b
            .WithName("network_listMeetings")
            .WithSummary("List the network's meetings")
            .WithDescription("The events for the coordinators (planned in Events; drafts left out): `when=upcoming` (the default) those not yet over, "
                + "soonest first; `when=past` those that are over, latest first; each with its number of notes and decisions. Coordinators and the "
                + "office. The total is exact up to 1,000."));
    }

    public override async Task HandleAsync(ListMeetingsRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await Query(req, time.GetUtcNow()).ReadAsync<MeetingSummary>(session, req, ct), ct);
    }

    /// <summary>The page a request asks for.</summary>
    internal static PagedQuery Query(ListMeetingsRequest req, DateTimeOffset now) => req.When == MeetingPeriod.Past
        ? new PagedQuery(MeetingSql.Columns, "network_meetings m", new SqlConditions().Add("m.ends_at < @Now", "Now", now), "m.starts_at DESC, m.event_id")
        : new PagedQuery(MeetingSql.Columns, "network_meetings m", new SqlConditions().Add("m.ends_at >= @Now", "Now", now), "m.starts_at, m.event_id");

    public sealed class Validator : Validator<ListMeetingsRequest>
    {
        public Validator() => this.ValidatePage();
    }
}
