using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Network;
using Alumni.Contracts.Problems;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Network.Initiatives;

/// <summary>
/// A department joins ("haka på") an open initiative with a note of what it will offer, or changes its join: the note
/// and its own event (organised or co-hosted by it, Events' <c>event_hosts</c>) or campaign (sent by it, Newsletters'
/// <c>newsletter_campaign_facts</c>) under the initiative. The first join needs no If-Match and answers 201; joining
/// again changes the join and needs its ETag (428 without, 412 when stale), so that one coordinator does not overwrite
/// another's note unseen. A coordinator joins only for their own departments; an admin for any.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NetworkWrite)]
public sealed class JoinInitiative(Database db, IAuditLog audit, TimeProvider time) : Endpoint<JoinInitiativeRequest, InitiativeJoinResponse>
{
    private static readonly Sql Status = Sql.Portable("SELECT status FROM network_initiatives WHERE id = @Id");

    [Unscoped("Events' published hosts of one event, checked against the department the caller's scope already allowed")]
    private static readonly Sql HostedBy = Sql.Portable("""
        SELECT COUNT(*) FROM event_hosts h WHERE h.event_id = @EventId AND h.department_id = @DepartmentId
        """);

    [Unscoped("Newsletters' published facts of one campaign, checked against the department the caller's scope already allowed")]
    private static readonly Sql SentBy = Sql.Portable("""
        SELECT COUNT(*) FROM newsletter_campaign_facts c WHERE c.id = @CampaignId AND c.department_id = @DepartmentId
        """);

    private static readonly Sql Insert = Sql.Dialects(
        $"""
        INSERT INTO network_initiative_joins (initiative_id, department_id, offer_note, event_id, campaign_id, joined_by, joined_at, updated_at, version)
        SELECT i.id, @DepartmentId, @OfferNote, @EventId, @CampaignId, @JoinedBy, @Now, @Now, 1
        FROM network_initiatives i
        WHERE i.id = @Id AND i.status = 'open' AND {StaffScope.Predicate("@DepartmentId")}
          AND NOT EXISTS (SELECT 1 FROM network_initiative_joins x WHERE x.initiative_id = @Id AND x.department_id = @DepartmentId)
        """,
        $"""
        INSERT INTO dbo.network_initiative_joins (initiative_id, department_id, offer_note, event_id, campaign_id, joined_by, joined_at, updated_at, version)
        SELECT i.id, @DepartmentId, @OfferNote, @EventId, @CampaignId, @JoinedBy, @Now, @Now, 1
        FROM dbo.network_initiatives i
        WHERE i.id = @Id AND i.status = 'open' AND {StaffScope.Predicate("@DepartmentId")}
          AND NOT EXISTS (SELECT 1 FROM dbo.network_initiative_joins x WITH (UPDLOCK, HOLDLOCK)
                          WHERE x.initiative_id = @Id AND x.department_id = @DepartmentId)
        """);

    private static readonly Sql Update = Sql.Portable($"""
        UPDATE network_initiative_joins
        SET offer_note = @OfferNote, event_id = @EventId, campaign_id = @CampaignId, updated_at = @Now, version = version + 1
        WHERE initiative_id = @Id AND department_id = @DepartmentId AND version = @Version
          AND {StaffScope.Predicate("department_id")}
          AND EXISTS (SELECT 1 FROM network_initiatives i WHERE i.id = @Id AND i.status = 'open')
        """);

    public override void Configure()
    {
        Put("/network/initiatives/{id}/joins/{departmentCode}");
        Description(b => b
            .WithName("network_joinInitiative")
            .WithSummary("Join an initiative, or change the join")
            .WithDescription("The department joins with a note of what it will offer (201), or, when it has joined, its join is changed (200; send "
                + "the join's ETag in If-Match: none gets 428, a stale one 412). eventId links the department's own event (one it organises or "
                + "co-hosts) and campaignId its own campaign (one it sends); another's is a 400 on the field. A closed initiative is a 409; an "
                + "unknown department a 400; a department that is not the coordinator's own a 403. Admins join for any department.")
            .Produces<InitiativeJoinResponse>(StatusCodes.Status201Created)
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(JoinInitiativeRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var status = await session.ExecuteScalarAsync<string?>(Status, new { req.Id }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("network.initiatives.noInitiativeWithThatId"));
        if (status != "open")
        {
            throw ProblemException.Conflict(Texts.Get("network.initiatives.closedTakesNoChanges"));
        }

        var departmentId = await InitiativeSql.DepartmentAsync(session, req.DepartmentCode, scope, ct);
        var code = InitiativeRules.NormaliseCode(req.DepartmentCode);
        if (req.EventId is { } eventId
            && await session.ExecuteScalarAsync<long>(HostedBy, new { EventId = eventId, DepartmentId = departmentId }, ct) == 0)
        {
            ThrowError(r => r.EventId, Texts.Get("network.initiatives.eventNotTheDepartments", code));
        }

        if (req.CampaignId is { } campaignId
            && await session.ExecuteScalarAsync<long>(SentBy, new { CampaignId = campaignId, DepartmentId = departmentId }, ct) == 0)
        {
            ThrowError(r => r.CampaignId, Texts.Get("network.initiatives.campaignNotTheDepartments", code));
        }

        var values = new Dapper.DynamicParameters(new
        {
            req.Id,
            DepartmentId = departmentId,
            OfferNote = TextRules.Clean(req.OfferNote),
            req.EventId,
            req.CampaignId,
            JoinedBy = User.PersonId(),
            Now = now,
            scope.ScopeAll,
            scope.ScopeUserId,
        });
        var existing = await InitiativeSql.JoinAsync(session, req.Id, departmentId, scope, ct);
        var ifMatch = EntityTags.ReadIfMatch(HttpContext.Request);
        string action;
        if (existing is null)
        {
            if (ifMatch.Present)
            {
                // The If-Match names a join that is no longer there (the department left meanwhile).
                Preconditions.Changed(0);
            }

            Preconditions.Changed(await session.ExecuteAsync(Insert, values, ct));
            action = "network.initiative-join";
        }
        else
        {
            if (!ifMatch.Present)
            {
                throw new ProblemException(StatusCodes.Status428PreconditionRequired, Texts.Get("network.initiatives.alreadyJoinedSendIfMatch", code),
                    ProblemTypes.PreconditionRequired);
            }

            values.Add("Version", Preconditions.Check(HttpContext, existing.Version));
            Preconditions.Changed(await session.ExecuteAsync(Update, values, ct));
            action = "network.initiative-join-update";
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent(action, InitiativeRules.AuditEntity, req.Id.ToString(), Detail: code), ct);
        var join = await InitiativeSql.JoinAsync(session, req.Id, departmentId, scope, ct)
            ?? throw new InvalidOperationException("The join just written is not there.");
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, join.Version);
        if (existing is null)
        {
            HttpContext.Response.Headers.Location = $"/api/network/initiatives/{req.Id}";
        }

        await Send.ResponseAsync(join, existing is null ? StatusCodes.Status201Created : StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<JoinInitiativeRequest>
    {
        public Validator()
        {
            RuleFor(r => r.DepartmentCode).Must(c => !string.IsNullOrWhiteSpace(c) && c.Trim().Length <= 16)
                .WithMessage(_ => Texts.Get("network.initiatives.chooseADepartment"));
            RuleFor(r => r.OfferNote).Must(t => t is null || t.Trim().Length <= InitiativeRules.OfferNoteMaxLength)
                .WithMessage(_ => Texts.Get("common.useAtMostCharacters", InitiativeRules.OfferNoteMaxLength));
        }
    }
}
