using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Network.Coverage;

/// <summary>
/// The office's coverage of the network: for every active department its active coordinators, its last event and
/// mailing, its member figures, and the reasons it needs support (no coordinator; no event or mailing in 12 months; a
/// reachable share below <see cref="CoverageOptions.LowReachShare"/>); the university's totals.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.NetworkRead)]
public sealed class GetCoverage(Database db, TimeProvider time, IOptions<CoverageOptions> options) : EndpointWithoutRequest<CoverageResponse>
{
    /// <summary>Active assignments (started, not ended by today) with the person's name.</summary>
    private static readonly Sql Coordinators = Sql.Portable($"""
        SELECT a.department_id AS DepartmentId, a.user_id AS UserId, n.name AS Name
        FROM coordinator_assignments a
        LEFT JOIN caller_names n ON n.id = a.user_id
        WHERE a.started_on <= @Today AND (a.ended_on IS NULL OR a.ended_on > @Today) AND {StaffScope.Predicate("a.department_id")}
        """);

    /// <summary>Each department's latest event that has begun, organised or co-hosted, neither a draft nor cancelled.</summary>
    private static readonly Sql LastEvents = Sql.Portable("""
        SELECT h.department_id AS DepartmentId, MAX(e.starts_at) AS At
        FROM event_hosts h
        JOIN event_invitation_facts e ON e.id = h.event_id
        WHERE h.department_id IS NOT NULL AND h.status NOT IN ('draft', 'cancelled') AND e.starts_at <= @Now
        GROUP BY h.department_id
        """);

    /// <summary>Each department's latest mailing that has started sending.</summary>
    private static readonly Sql LastMailings = Sql.Portable("""
        SELECT c.department_id AS DepartmentId, MAX(c.started_at) AS At
        FROM newsletter_campaign_facts c
        WHERE c.department_id IS NOT NULL AND c.started_at IS NOT NULL AND c.started_at <= @Now
        GROUP BY c.department_id
        """);

    public override void Configure()
    {
        Get("/network/coverage");
        Description(b => b
            .WithName("network_getCoverage")
            .WithSummary("The network's coverage")
            .WithDescription("For the office. Every active department (by faculty, then code) with its active coordinators (count and names), "
                + "the start of its latest event (organised or co-hosted, neither a draft nor cancelled, begun) and of its latest mailing, whether "
                + "each was in the last 12 months, and its member figures: active members affiliated with it, those who joined this calendar year "
                + "(UTC; a sign-up when confirmed, an imported member when imported) and the reachable ones — active members whose consent to "
                + "department mailings (channel DepartmentMailings, the channel a department's own mailings use) is in force — with their share. "
                + "`needsSupport` lists the departments with a reason: noCoordinator, noActivity (no event and no mailing in 12 months), lowReach "
                + "(share below `lowReachShare`, configuration Network:Coverage:LowReachShare, or no members at all). The totals count each active "
                + "member once, affiliated or not."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var since = now.AddMonths(-12);
        var threshold = options.Value.LowReachShare;
        await using var session = await db.OpenAsync(ct);
        var figures = await MemberFigures.ForDepartmentsAsync(session, scope, now, ct);
        var coordinators = await session.QueryAsync<Assignment>(Coordinators, new { Today = today, scope.ScopeAll, scope.ScopeUserId }, ct);
        var events = (await session.QueryAsync<LastAt>(LastEvents, new { Now = now }, ct)).ToDictionary(e => e.DepartmentId, e => e.At);
        var mailings = (await session.QueryAsync<LastAt>(LastMailings, new { Now = now }, ct)).ToDictionary(m => m.DepartmentId, m => m.At);
        var university = await MemberFigures.ForUniversityAsync(session, now, ct);

        var departments = figures
            .Select(f =>
            {
                var names = coordinators.Where(c => c.DepartmentId == f.DepartmentId).Select(c => c.Name ?? "").Order(StringComparer.CurrentCulture).ToList();
                DateTimeOffset? lastEvent = events.TryGetValue(f.DepartmentId, out var e) ? e : null;
                DateTimeOffset? lastMailing = mailings.TryGetValue(f.DepartmentId, out var m) ? m : null;
                var eventRecently = lastEvent >= since;
                var mailingRecently = lastMailing >= since;
                var reasons = new List<CoverageReason>();
                if (names.Count == 0)
                {
                    reasons.Add(CoverageReason.NoCoordinator);
                }

                if (!eventRecently && !mailingRecently)
                {
                    reasons.Add(CoverageReason.NoActivity);
                }

                if (f.ReachableShare is not { } share || share < threshold)
                {
                    reasons.Add(CoverageReason.LowReach);
                }

                return new DepartmentCoverage
                {
                    Figures = f,
                    Coordinators = names.Count,
                    CoordinatorNames = names,
                    LastEventAt = lastEvent,
                    LastMailingAt = lastMailing,
                    EventInLast12Months = eventRecently,
                    MailingInLast12Months = mailingRecently,
                    Reasons = reasons,
                };
            })
            .OrderBy(d => d.Figures.FacultyCode, StringComparer.Ordinal)
            .ThenBy(d => d.Figures.DepartmentCode, StringComparer.Ordinal)
            .ToList();
        var activeIds = departments.Select(d => d.Figures.DepartmentId).ToHashSet();

        await Send.OkAsync(new CoverageResponse
        {
            AsOf = now,
            Year = now.UtcDateTime.Year,
            LowReachShare = threshold,
            Departments = departments,
            NeedsSupport = departments.Where(d => d.Reasons.Count > 0)
                .OrderByDescending(d => d.Reasons.Count)
                .ThenBy(d => d.Figures.DepartmentCode, StringComparer.Ordinal)
                .ToList(),
            Totals = new CoverageTotals
            {
                Departments = departments.Count,
                WithCoordinator = departments.Count(d => d.Coordinators > 0),
                ActiveInLast12Months = departments.Count(d => d.EventInLast12Months || d.MailingInLast12Months),
                NeedingSupport = departments.Count(d => d.Reasons.Count > 0),
                Coordinators = coordinators.Where(c => activeIds.Contains(c.DepartmentId)).Select(c => c.UserId).Distinct().Count(),
                Members = university,
            },
        }, ct);
    }

    private sealed record Assignment
    {
        public Guid DepartmentId { get; init; }
        public Guid UserId { get; init; }
        public string? Name { get; init; }
    }

    private sealed record LastAt
    {
        public Guid DepartmentId { get; init; }
        public DateTimeOffset At { get; init; }
    }
}
