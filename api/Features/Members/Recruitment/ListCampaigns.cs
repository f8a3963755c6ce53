using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>The recruitment campaigns of the caller's departments, newest first, with visits, sign-ups and verified members.</summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersRead)]
public sealed class ListCampaigns(Database db) : EndpointWithoutRequest<IReadOnlyList<CampaignResponse>>
{
    public override void Configure()
    {
        Get("/recruitment/campaigns");
        Description(b => b
            .WithName("members_listCampaigns")
            .WithSummary("List recruitment campaigns with their figures"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.OpenAsync(ct);
        await Send.OkAsync(await session.QueryAsync<CampaignResponse>(RecruitmentSql.Campaigns, new { Id = (Guid?)null, scope.ScopeAll, scope.ScopeUserId }, ct), ct);
    }
}
