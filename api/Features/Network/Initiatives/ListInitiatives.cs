using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>The network's initiatives: open ones first, then by their start; with how many departments joined.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkRead)]
public sealed class ListInitiatives(Database db) : Endpoint<ListInitiativesRequest, Paged<InitiativeSummary>>
{
    private const string Columns = $"""
        SELECT i.id AS Id, {InitiativeRules.KindColumn} AS Kind, i.status AS Status, i.title_sv AS TitleSv, i.title_en AS TitleEn,
               i.starts_on AS StartsOn, i.ends_on AS EndsOn,
               (SELECT COUNT(*) FROM network_initiative_joins j WHERE j.initiative_id = i.id) AS JoinedCount,
               i.version AS Version
        """;

    [Unscoped("the caller's own departments (the fragment, by user id) mark the joins as theirs; every join is shared with the network")]
    private static readonly Sql MyJoins = Sql.Portable($"""
        SELECT j.initiative_id AS InitiativeId, d.code AS Code
        FROM network_initiative_joins j
        JOIN department_directory d ON d.id = j.department_id
        WHERE j.initiative_id IN @Ids AND j.department_id IN ({StaffScope.CallerDepartments})
        ORDER BY d.code
        """);

    public override void Configure()
    {
        Get("/network/initiatives");
        Description(b => b
            .WithName("network_listInitiatives")
            .WithSummary("List the initiatives")
            .WithDescription("Central initiatives, platforms and meeting places: open ones first, then by their first day. Filters: kind, status, "
                + "q (words of the title in either language). Each says how many departments joined and which of the caller's own departments did. "
                + "The total is exact up to 1,000."));
    }

    public override async Task HandleAsync(ListInitiativesRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var page = await Query(req).ReadAsync<InitiativeSummary>(session, req, ct);
        var ids = page.Items.Select(i => i.Id).ToList();
        var mine = (ids.Count == 0 ? [] : await session.QueryAsync<MyJoin>(MyJoins, new { Ids = db.Ids(ids), DepartmentScope.Of(User).ScopeUserId }, ct))
            .ToLookup(j => j.InitiativeId, j => j.Code);
        await Send.OkAsync(page with { Items = page.Items.Select(i => i with { MyJoinedDepartmentCodes = mine[i.Id].ToList() }).ToList() }, ct);
    }

    /// <summary>The page a request asks for.</summary>
    internal static PagedQuery Query(ListInitiativesRequest req)
    {
        var conditions = new SqlConditions()
            .Add("i.kind = @Kind", "Kind", req.Kind is { } kind ? InitiativeRules.Db(kind) : null)
            .Add("i.status = @Status", "Status", req.Status is { } status ? InitiativeRules.Db(status) : null)
            .Add("(LOWER(COALESCE(i.title_sv, '')) LIKE @Q ESCAPE '\\' OR LOWER(COALESCE(i.title_en, '')) LIKE @Q ESCAPE '\\')", "Q", Like.Containing(req.Q));
        return new PagedQuery(Columns, "network_initiatives i", conditions,
            "CASE WHEN i.status = 'open' THEN 0 ELSE 1 END, i.starts_on, i.id");
    }

    public sealed class Validator : Validator<ListInitiativesRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Q).MaximumLength(200).WithMessage(_ => Texts.Get("common.useAtMostCharacters", 200));
        }
    }

    private sealed record MyJoin
    {
        public Guid InitiativeId { get; init; }
        public string Code { get; init; } = "";
    }
}
