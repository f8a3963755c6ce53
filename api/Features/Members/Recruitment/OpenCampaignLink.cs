using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>What a visitor of an invitation link sees (the department and the campaign); each opening counts as a visit.</summary>
[Access(Caller.Anonymous)]
public sealed class OpenCampaignLink(Database db) : Endpoint<CampaignByTokenRequest, CampaignLandingResponse>
{
    [Unscoped("a public invitation link: its department's name is public")]
    private static readonly Sql Landing = Sql.Portable("""
        SELECT d.code AS DepartmentCode, d.name_sv AS DepartmentNameSv, d.name_en AS DepartmentNameEn, c.label AS Label
        FROM recruitment_campaigns c
        JOIN department_directory d ON d.id = c.department_id
        WHERE c.token = @Token
        """);

    [Unscoped("counts a visit of a public invitation link")]
    private static readonly Sql CountVisit = Sql.Portable("""
        UPDATE recruitment_campaigns SET visits = visits + 1 WHERE token = @Token
        """);

    public override void Configure()
    {
        Post("/recruitment/links/{token}/visits");
        Description(b => b
            .WithName("members_openCampaignLink")
            .WithSummary("Open an invitation link")
            .WithDescription("Counts a visit and tells which department invites the visitor. 404 for an unknown link.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(CampaignByTokenRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var landing = await session.QuerySingleOrDefaultAsync<CampaignLandingResponse>(Landing, new { req.Token }, ct);
        if (landing is null)
        {
            throw new ProblemException(StatusCodes.Status404NotFound, "This invitation link is not valid.");
        }

        await session.ExecuteAsync(CountVisit, new { req.Token }, ct);
        await session.CommitAsync(ct);
        await Send.OkAsync(landing, ct);
    }
}
