using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts.Events;
using Alumni.Contracts.Network;
using Alumni.Contracts.Newsletters;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>The SQL several initiative use cases share: an initiative with who joined, one join, departments by code.</summary>
internal static class InitiativeSql
{
    /// <summary>The columns of an initiative <c>i</c>.</summary>
    public const string Columns = $"""
        i.id AS Id, {InitiativeRules.KindColumn} AS Kind, i.status AS Status, i.title_sv AS TitleSv, i.title_en AS TitleEn,
        i.description_sv AS DescriptionSv, i.description_en AS DescriptionEn, i.starts_on AS StartsOn, i.ends_on AS EndsOn,
        i.created_at AS CreatedAt, i.updated_at AS UpdatedAt, i.version AS Version
        """;

    public static readonly Sql Get = Sql.Portable($"""
        SELECT {Columns}
        FROM network_initiatives i
        WHERE i.id = @Id
        """);

    /// <summary>The columns of a join <c>j</c> with its department <c>d</c>, who joined <c>n</c>, its event <c>ef</c> and campaign <c>cf</c>.</summary>
    private static readonly string JoinColumns = $"""
        SELECT j.initiative_id AS InitiativeId, d.code AS DepartmentCode, d.name_sv AS DepartmentNameSv, d.name_en AS DepartmentNameEn,
               j.offer_note AS OfferNote, j.joined_at AS JoinedAt, n.name AS JoinedByName, j.updated_at AS UpdatedAt,
               CASE WHEN {StaffScope.Predicate("j.department_id")} THEN 1 ELSE 0 END AS CanChange, j.version AS Version,
               ef.id AS EventId, ef.title_sv AS EventTitleSv, ef.title_en AS EventTitleEn, ef.starts_at AS EventStartsAt,
               ef.time_zone AS EventTimeZone, ef.status AS EventStatus,
               cf.id AS CampaignId, cf.name AS CampaignName, cf.status AS CampaignStatus
        FROM network_initiative_joins j
        JOIN department_directory d ON d.id = j.department_id
        LEFT JOIN caller_names n ON n.id = j.joined_by
        LEFT JOIN event_invitation_facts ef ON ef.id = j.event_id
        LEFT JOIN newsletter_campaign_facts cf ON cf.id = j.campaign_id
        """;

    /// <summary>Everyone who joined: the network is shared, so every department's join is shown to every reader.</summary>
    public static readonly Sql Joins = Sql.Portable(JoinColumns + """

        WHERE j.initiative_id = @Id
        ORDER BY d.code
        """);

    /// <summary>One department's join.</summary>
    public static readonly Sql Join = Sql.Portable(JoinColumns + """

        WHERE j.initiative_id = @Id AND j.department_id = @DepartmentId
        """);

    /// <summary>A department by code, and whether it is in the caller's scope.</summary>
    public static readonly Sql DepartmentByCode = Sql.Portable($"""
        SELECT d.id AS Id, d.code AS Code, CASE WHEN {StaffScope.Predicate("d.id")} THEN 1 ELSE 0 END AS InScope
        FROM department_directory d
        WHERE d.code = @Code
        """);

    /// <summary>An initiative with who joined; 404 when there is none.</summary>
    public static async Task<InitiativeResponse> GetAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct)
    {
        var initiative = await session.QuerySingleOrDefaultAsync<InitiativeResponse>(Get, new { Id = id }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("network.initiatives.noInitiativeWithThatId"));
        var joins = await session.QueryAsync<JoinRow>(Joins, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct);
        return initiative with
        {
            DescriptionSvHtml = Markdown.ToSafeHtml(initiative.DescriptionSv),
            DescriptionEnHtml = Markdown.ToSafeHtml(initiative.DescriptionEn),
            Joins = joins.Select(j => j.ToResponse()).ToList(),
        };
    }

    /// <summary>A department's join of an initiative, or null.</summary>
    public static async Task<InitiativeJoinResponse?> JoinAsync(DbSession session, Guid id, Guid departmentId, DepartmentScope scope, CancellationToken ct) =>
        (await session.QuerySingleOrDefaultAsync<JoinRow>(Join, new { Id = id, DepartmentId = departmentId, scope.ScopeAll, scope.ScopeUserId }, ct))?.ToResponse();

    /// <summary>
    /// The department a join names, by its code: unknown is a 400 on <c>departmentCode</c>; a department outside the
    /// caller's scope is a 403 (as Events and Newsletters answer a coordinator who names another department).
    /// </summary>
    public static async Task<Guid> DepartmentAsync(DbSession session, string code, DepartmentScope scope, CancellationToken ct)
    {
        var normalised = InitiativeRules.NormaliseCode(code);
        var department = await session.QuerySingleOrDefaultAsync<DepartmentRow>(DepartmentByCode, new { Code = normalised, scope.ScopeAll, scope.ScopeUserId }, ct)
            ?? throw ProblemException.Field("departmentCode", Texts.Get("network.initiatives.noDepartmentHasTheCode", normalised));
        return department.InScope
            ? department.Id
            : throw new ProblemException(StatusCodes.Status403Forbidden, Texts.Get("network.initiatives.notOneOfYourDepartments", normalised),
                Alumni.Contracts.Problems.ProblemTypes.Forbidden);
    }

    /// <summary>Answers the initiative with its version as the ETag.</summary>
    public static Task SendAsync(HttpContext context, InitiativeResponse response, int status, CancellationToken ct)
    {
        Preconditions.SetETag(context, response.Version);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(response, ct);
    }

    private sealed record DepartmentRow
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public bool InScope { get; init; }
    }

    private sealed record JoinRow
    {
        public Guid InitiativeId { get; init; }
        public string DepartmentCode { get; init; } = "";
        public string DepartmentNameSv { get; init; } = "";
        public string DepartmentNameEn { get; init; } = "";
        public string? OfferNote { get; init; }
        public DateTimeOffset JoinedAt { get; init; }
        public string? JoinedByName { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public bool CanChange { get; init; }
        public int Version { get; init; }
        public Guid? EventId { get; init; }
        public string? EventTitleSv { get; init; }
        public string? EventTitleEn { get; init; }
        public DateTimeOffset? EventStartsAt { get; init; }
        public string? EventTimeZone { get; init; }
        public EventStatus? EventStatus { get; init; }
        public Guid? CampaignId { get; init; }
        public string? CampaignName { get; init; }
        public CampaignStatus? CampaignStatus { get; init; }

        public InitiativeJoinResponse ToResponse() => new()
        {
            InitiativeId = InitiativeId,
            DepartmentCode = DepartmentCode,
            DepartmentNameSv = DepartmentNameSv,
            DepartmentNameEn = DepartmentNameEn,
            OfferNote = OfferNote,
            JoinedAt = JoinedAt,
            JoinedByName = JoinedByName,
            UpdatedAt = UpdatedAt,
            CanChange = CanChange,
            Version = Version,
            Event = EventId is { } eventId
                ? new InitiativeJoinEvent
                {
                    Id = eventId, TitleSv = EventTitleSv, TitleEn = EventTitleEn, StartsAt = EventStartsAt ?? default,
                    TimeZone = EventTimeZone ?? "", Status = EventStatus ?? default,
                }
                : null,
            Campaign = CampaignId is { } campaignId
                ? new InitiativeJoinCampaign { Id = campaignId, Name = CampaignName ?? "", Status = CampaignStatus ?? default }
                : null,
        };
    }
}
