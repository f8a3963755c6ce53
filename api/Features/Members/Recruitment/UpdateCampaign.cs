using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>
/// Changes a campaign's channel and label, guarded by its version (If-Match). Its department, link and figures stay: a
/// link already printed keeps working and keeps counting.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersWrite)]
public sealed class UpdateCampaign(Database db, IAuditLog audit) : Endpoint<UpdateCampaignRequest, CampaignResponse>
{
    private static readonly Sql Update = Sql.Portable($"""
        UPDATE recruitment_campaigns
        SET channel = @Channel,
            label = @Label,
            version = version + 1
        WHERE id = @Id AND version = @Version
          AND {StaffScope.Predicate("department_id")}
        """);

    public override void Configure()
    {
        Put("/recruitment/campaigns/{id}");
        Description(b => b
            .WithName("members_updateCampaign")
            .WithSummary("Update a recruitment campaign")
            .WithDescription("Changes the channel and the label; the department and the link stay. Send the ETag (the campaign's version) in If-Match: "
                + "a stale one gets 412, none gets 428. A campaign of another department is a 404.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateCampaignRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.BeginAsync(ct);
        var current = await RecruitmentSql.GetAsync(session, req.Id, scope, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        Preconditions.Changed(await session.ExecuteAsync(Update, new
        {
            req.Id,
            Version = version,
            Channel = req.Channel.Trim(),
            Label = req.Label.Trim(),
            scope.ScopeAll,
            scope.ScopeUserId,
        }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("campaign.update", "campaign", req.Id.ToString()), ct);
        var campaign = await RecruitmentSql.GetAsync(session, req.Id, scope, ct);
        await session.CommitAsync(ct);
        await RecruitmentSql.SendAsync(HttpContext, campaign, ct);
    }

    public sealed class Validator : Validator<UpdateCampaignRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Channel).Must(RecruitmentRules.IsChannel).WithMessage(_ => Texts.Get("members.nameTheChannel1100"));
            RuleFor(r => r.Label).Must(RecruitmentRules.IsLabel).WithMessage(_ => Texts.Get("members.giveALabel1200"));
        }
    }
}
