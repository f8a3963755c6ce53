using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Identity;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Identity.Audit;

/// <summary>
/// The audit log, newest first, filtered and paged, with who acted and what was acted on shown by name: a person by
/// their name (else their address), a member by theirs (through the Members slice's <c>member_names</c>), a key by its
/// name; an erased person by no name at all, only the mark.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.AuditRead)]
public sealed class ListAudit(Database db) : Endpoint<ListAuditRequest, Paged<AuditEntryResponse>>
{
    private const string Columns = """
        SELECT a.id AS Id, a.at AS At, a.actor_type AS ActorType, a.actor_id AS ActorId, a.actor_name AS ActorName, a.action AS Action,
               a.entity_type AS EntityType, a.entity_id AS EntityId, a.client_ip AS ClientIp, a.outcome AS Outcome, a.detail AS Detail
        """;

    private static readonly Sql PeopleOnPage = Sql.Portable("""
        SELECT u.id AS Id, u.email AS Email, u.display_name AS DisplayName, m.first_name AS FirstName, m.last_name AS LastName,
               m.is_erased AS MemberErased
        FROM users u
        LEFT JOIN member_names m ON m.user_id = u.id
        WHERE u.id IN @Ids
        """);

    private static readonly Sql MembersOnPage = Sql.Portable("""
        SELECT m.id AS Id, m.first_name AS FirstName, m.last_name AS LastName, m.is_erased AS Erased
        FROM member_names m
        WHERE m.id IN @Ids
        """);

    private static readonly Sql KeysOnPage = Sql.Portable("""
        SELECT k.id AS Id, k.name AS Name FROM api_keys k WHERE k.id IN @Ids
        """);

    public override void Configure()
    {
        Get("/audit");
        Description(b => b
            .WithName("identity_listAudit")
            .WithSummary("Read the audit log")
            .WithDescription("Sign-ins, role and key changes, and staff access to personal data, newest first, with the people, members and keys named. The total is exact up to 1,000 entries."));
    }

    public override async Task HandleAsync(ListAuditRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var page = await Query(req).ReadAsync<AuditEntryResponse>(session, req, ct);
        var rows = page.Items;

        var userIds = Ids(rows.Where(r => r.ActorType == "user").Select(r => r.ActorId)
            .Concat(rows.Where(r => r.EntityType == "user").Select(r => r.EntityId)));
        var memberIds = Ids(rows.Where(r => r.EntityType == "member").Select(r => r.EntityId));
        var keyIds = Ids(rows.Where(r => r.ActorType == "key").Select(r => r.ActorId)
            .Concat(rows.Where(r => r.EntityType == "api-key").Select(r => r.EntityId)));

        var people = userIds.Count == 0 ? [] : (await session.QueryAsync<PersonRow>(PeopleOnPage, new { Ids = db.Ids(userIds) }, ct))
            .ToDictionary(p => p.Id, p => p.Erased ? Named.ErasedPerson : new Named(p.Name ?? p.Email, false));
        var members = memberIds.Count == 0 ? [] : (await session.QueryAsync<MemberRow>(MembersOnPage, new { Ids = db.Ids(memberIds) }, ct))
            .ToDictionary(m => m.Id, m => m.Erased ? Named.ErasedPerson : new Named(IdentitySql.FullName(m.FirstName, m.LastName), false));
        var keys = keyIds.Count == 0 ? [] : (await session.QueryAsync<KeyRow>(KeysOnPage, new { Ids = db.Ids(keyIds) }, ct))
            .ToDictionary(k => k.Id, k => new Named(k.Name, false));

        Named? Find(string? type, string? id, bool actor) => (type, Guid.TryParse(id, out var guid)) switch
        {
            ("user", true) => people.GetValueOrDefault(guid),
            ("key", true) when actor => keys.GetValueOrDefault(guid),
            ("api-key", true) when !actor => keys.GetValueOrDefault(guid),
            ("member", true) when !actor => members.GetValueOrDefault(guid),
            _ => null,
        };

        var items = rows.Select(r =>
        {
            var actor = Find(r.ActorType, r.ActorId, actor: true);
            var entity = Find(r.EntityType, r.EntityId, actor: false);
            return r with
            {
                ActorName = actor is not null ? actor.Name : r.ActorType is "user" or "key" ? r.ActorName : null,
                ActorErased = actor?.Erased ?? false,
                Kind = AuditKinds.Of(r.Action),
                EntityName = entity?.Name,
                EntityErased = entity?.Erased ?? false,
            };
        }).ToList();
        await Send.OkAsync(page with { Items = items }, ct);
    }

    /// <summary>The page a request asks for: only the filters it sets.</summary>
    internal static PagedQuery Query(ListAuditRequest req)
    {
        var conditions = new SqlConditions();
        if (req.Kind is { } kind)
        {
            conditions.Add(AuditKinds.Condition(kind));
        }

        return new(Columns, "audit_log a", conditions
                .Add("a.action = @Action", "Action", req.Action)
                .Add("a.actor_id = @ActorId", "ActorId", req.ActorId)
                .Add("a.entity_type = @EntityType", "EntityType", req.EntityType)
                .Add("a.entity_id = @EntityId", "EntityId", req.EntityId)
                .Add("a.at >= @From", "From", req.From)
                .Add("a.at < @To", "To", req.To),
            "a.at DESC, a.id DESC");
    }

    private static List<Guid> Ids(IEnumerable<string?> ids) =>
        ids.Select(id => Guid.TryParse(id, out var guid) ? guid : (Guid?)null).OfType<Guid>().Distinct().ToList();

    private sealed record Named(string? Name, bool Erased)
    {
        public static readonly Named ErasedPerson = new(null, true);
    }

    private sealed record PersonRow
    {
        public Guid Id { get; init; }
        public string Email { get; init; } = "";
        public string? DisplayName { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public bool? MemberErased { get; init; }

        public bool Erased => Accounts.IsErased(Email) || MemberErased == true;

        public string? Name => DisplayName ?? IdentitySql.FullName(FirstName, LastName);
    }

    private sealed record MemberRow
    {
        public Guid Id { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public bool Erased { get; init; }
    }

    private sealed record KeyRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
    }

    public sealed class Validator : Validator<ListAuditRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null);
        }
    }
}
