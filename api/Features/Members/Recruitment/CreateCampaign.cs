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

/// <summary>Creates an invitation link for one of the caller's departments and a channel.</summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersWrite)]
public sealed class CreateCampaign(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateCampaignRequest, CampaignResponse>
{
    private static readonly Sql DepartmentInScope = Sql.Portable($"""
        SELECT d.id FROM department_directory d
        WHERE d.code = @Code AND d.is_active = 1
          AND {StaffScope.Predicate("d.id")}
        """);

    [Unscoped("inserts a campaign for a department the scoped statement above allowed")]
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO recruitment_campaigns (id, department_id, channel, label, token, visits, created_by, created_at)
        VALUES (@Id, @DepartmentId, @Channel, @Label, @Token, 0, @CreatedBy, @Now)
        """);

    public override void Configure()
    {
        Post("/recruitment/campaigns");
        Description(b => b
            .WithName("members_createCampaign")
            .WithSummary("Create a recruitment campaign")
            .WithDescription("An invitation link (/join/{token} in the web app) for a department and a channel; sign-ups through it are counted.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<CampaignResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateCampaignRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var department = await session.ExecuteScalarAsync<Guid?>(DepartmentInScope, new { Code = req.DepartmentCode.Trim().ToUpperInvariant(), scope.ScopeAll, scope.ScopeUserId }, ct);
        if (department is null)
        {
            ThrowError(r => r.DepartmentCode, Texts.Get("members.chooseOneOfYourActive"));
        }

        var id = Guid.CreateVersion7(now);
        await session.ExecuteAsync(Insert, new
        {
            Id = id,
            DepartmentId = department,
            Channel = req.Channel.Trim(),
            Label = req.Label.Trim(),
            Token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)),
            CreatedBy = User.PersonId(),
            Now = now,
        }, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("campaign.create", "campaign", id.ToString()), ct);
        var campaign = await session.QuerySingleOrDefaultAsync<CampaignResponse>(RecruitmentSql.Campaigns, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, campaign!.Version);
        await Send.ResponseAsync(campaign, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateCampaignRequest>
    {
        public Validator()
        {
            RuleFor(r => r.DepartmentCode).NotEmpty().WithMessage(_ => Texts.Get("members.chooseADepartment"));
            RuleFor(r => r.Channel).Must(RecruitmentRules.IsChannel).WithMessage(_ => Texts.Get("members.nameTheChannel1100"));
            RuleFor(r => r.Label).Must(RecruitmentRules.IsLabel).WithMessage(_ => Texts.Get("members.giveALabel1200"));
        }
    }
}
