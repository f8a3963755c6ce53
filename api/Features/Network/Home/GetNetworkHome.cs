using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Network.Coverage;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;

namespace Alumni.Api.Features.Network.Home;

/// <summary>
/// The network's start page: a coordinator's departments with their member figures (the office: the university's
/// totals), what is new in the toolkit and the initiatives, the open support requests, the next network meetings and
/// the latest news.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class GetNetworkHome(Database db, TimeProvider time) : EndpointWithoutRequest<NetworkHomeResponse>
{
    /// <summary>How far back "new" reaches.</summary>
    public const int NewForDays = 30;

    /// <summary>Items created or given a new version since @Since: each once, with its current version's texts and note.</summary>
    private static readonly Sql Toolkit = Sql.Dialects(
        """
        SELECT i.id AS ItemId, i.kind AS Kind, v.title_sv AS TitleSv, v.title_en AS TitleEn, v.number AS VersionNumber,
               v.change_note AS ChangeNote, v.created_at AS ChangedAt, CASE WHEN i.created_at >= @Since THEN 1 ELSE 0 END AS IsNew
        FROM toolkit_items i
        JOIN toolkit_item_versions v ON v.item_id = i.id AND v.number = i.current_version
        WHERE i.archived_at IS NULL AND v.created_at >= @Since
        ORDER BY v.created_at DESC, i.id
        LIMIT 10
        """,
        """
        SELECT TOP (10) i.id AS ItemId, i.kind AS Kind, v.title_sv AS TitleSv, v.title_en AS TitleEn, v.number AS VersionNumber,
               v.change_note AS ChangeNote, v.created_at AS ChangedAt, CASE WHEN i.created_at >= @Since THEN 1 ELSE 0 END AS IsNew
        FROM toolkit_items i
        JOIN toolkit_item_versions v ON v.item_id = i.id AND v.number = i.current_version
        WHERE i.archived_at IS NULL AND v.created_at >= @Since
        ORDER BY v.created_at DESC, i.id
        """);

    /// <summary>Initiatives created since @Since, or open and not yet over; the newest first.</summary>
    private static readonly Sql Initiatives = Sql.Dialects(
        """
        SELECT n.id AS Id, n.kind AS Kind, n.title_sv AS TitleSv, n.title_en AS TitleEn, n.starts_on AS StartsOn, n.ends_on AS EndsOn,
               n.status AS Status, CASE WHEN n.created_at >= @Since THEN 1 ELSE 0 END AS IsNew
        FROM network_initiatives n
        WHERE n.created_at >= @Since OR (n.status = 'open' AND (n.ends_on IS NULL OR n.ends_on >= @Today))
        ORDER BY n.created_at DESC, n.id
        LIMIT 10
        """,
        """
        SELECT TOP (10) n.id AS Id, n.kind AS Kind, n.title_sv AS TitleSv, n.title_en AS TitleEn, n.starts_on AS StartsOn, n.ends_on AS EndsOn,
               n.status AS Status, CASE WHEN n.created_at >= @Since THEN 1 ELSE 0 END AS IsNew
        FROM network_initiatives n
        WHERE n.created_at >= @Since OR (n.status = 'open' AND (n.ends_on IS NULL OR n.ends_on >= @Today))
        ORDER BY n.created_at DESC, n.id
        """);

    /// <summary>
    /// Open requests: for a coordinator those submitted or approved that one of their departments asked for or takes part
    /// in; for the office (the scope is everything) those awaiting a decision. By start, then by when asked.
    /// </summary>
    private static readonly Sql SupportRequests = Sql.Dialects(
        $"""
        SELECT r.id AS Id, d.code AS DepartmentCode, r.title AS Title, r.starts_on AS StartsOn, r.ends_on AS EndsOn, r.status AS Status,
               r.created_at AS CreatedAt
        FROM network_support_requests r
        JOIN department_directory d ON d.id = r.department_id
        WHERE (r.status = 'submitted' OR (@ScopeAll = 0 AND r.status = 'approved'))
          AND ({StaffScope.Predicate("r.department_id")}
               OR EXISTS (SELECT 1 FROM network_support_request_departments p
                          WHERE p.request_id = r.id AND {StaffScope.Predicate("p.department_id")}))
        ORDER BY r.starts_on, r.created_at, r.id
        LIMIT 20
        """,
        $"""
        SELECT TOP (20) r.id AS Id, d.code AS DepartmentCode, r.title AS Title, r.starts_on AS StartsOn, r.ends_on AS EndsOn, r.status AS Status,
               r.created_at AS CreatedAt
        FROM network_support_requests r
        JOIN department_directory d ON d.id = r.department_id
        WHERE (r.status = 'submitted' OR (@ScopeAll = 0 AND r.status = 'approved'))
          AND ({StaffScope.Predicate("r.department_id")}
               OR EXISTS (SELECT 1 FROM network_support_request_departments p
                          WHERE p.request_id = r.id AND {StaffScope.Predicate("p.department_id")}))
        ORDER BY r.starts_on, r.created_at, r.id
        """);

    /// <summary>The next published network meetings (an ongoing one included), soonest first.</summary>
    private static readonly Sql Meetings = Sql.Dialects(
        """
        SELECT m.event_id AS EventId, m.title_sv AS TitleSv, m.title_en AS TitleEn, m.starts_at AS StartsAt, m.ends_at AS EndsAt,
               m.time_zone AS TimeZone, m.venue AS Venue, m.city AS City, m.online AS Online
        FROM network_meetings m
        WHERE m.status = 'published' AND m.ends_at >= @Now
        ORDER BY m.starts_at, m.event_id
        LIMIT 5
        """,
        """
        SELECT TOP (5) m.event_id AS EventId, m.title_sv AS TitleSv, m.title_en AS TitleEn, m.starts_at AS StartsAt, m.ends_at AS EndsAt,
               m.time_zone AS TimeZone, m.venue AS Venue, m.city AS City, m.online AS Online
        FROM network_meetings m
        WHERE m.status = 'published' AND m.ends_at >= @Now
        ORDER BY m.starts_at, m.event_id
        """);

    /// <summary>The latest five news items published and not archived.</summary>
    private static readonly Sql News = Sql.Dialects(
        """
        SELECT n.id AS Id, n.title_sv AS TitleSv, n.title_en AS TitleEn, n.body_sv AS BodySv, n.body_en AS BodyEn, n.published_at AS PublishedAt
        FROM network_news n
        WHERE n.archived_at IS NULL AND n.published_at <= @Now
        ORDER BY n.published_at DESC, n.id
        LIMIT 5
        """,
        """
        SELECT TOP (5) n.id AS Id, n.title_sv AS TitleSv, n.title_en AS TitleEn, n.body_sv AS BodySv, n.body_en AS BodyEn, n.published_at AS PublishedAt
        FROM network_news n
        WHERE n.archived_at IS NULL AND n.published_at <= @Now
        ORDER BY n.published_at DESC, n.id
        """);

    public override void Configure()
    {
        Get("/network/home");
        Description(b => b
            .WithName("network_getHome")
            .WithSummary("The network's start page")
            .WithDescription("For a coordinator: their departments with member figures (active members, new this calendar year, reachable "
                + "through department mailings, as in network_getCoverage) and the open support requests (submitted or approved) their departments "
                + "asked for or take part in. For the office (an admin or a key): `office` true, the university's totals in `university` and every "
                + "request awaiting a decision (submitted). For both: toolkit items created or given a new version in the last 30 days (newest "
                + "first, at most 10, with the change note), initiatives new in the last 30 days or open (at most 10), the next published network "
                + "meetings (at most 5) and the latest news (at most 5)."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        var since = now.AddDays(-NewForDays);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var session = await db.OpenAsync(ct);
        var departments = scope.ScopeAll ? [] : await MemberFigures.ForDepartmentsAsync(session, scope, now, ct);
        var university = scope.ScopeAll ? await MemberFigures.ForUniversityAsync(session, now, ct) : null;
        await Send.OkAsync(new NetworkHomeResponse
        {
            Office = scope.ScopeAll,
            Departments = departments,
            University = university,
            Toolkit = await session.QueryAsync<HomeToolkitChange>(Toolkit, new { Since = since }, ct),
            Initiatives = await session.QueryAsync<HomeInitiative>(Initiatives, new { Since = since, Today = today }, ct),
            SupportRequests = await session.QueryAsync<HomeSupportRequest>(SupportRequests, new { scope.ScopeAll, scope.ScopeUserId }, ct),
            Meetings = await session.QueryAsync<HomeMeeting>(Meetings, new { Now = now }, ct),
            News = await session.QueryAsync<HomeNews>(News, new { Now = now }, ct),
        }, ct);
    }
}
