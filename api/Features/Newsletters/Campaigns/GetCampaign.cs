using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>A campaign the caller sees (their departments'; all for admins), with its ETag.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class GetCampaign(Database db) : Endpoint<NewsletterCampaignByIdRequest, NewsletterCampaignResponse>
{
    public override void Configure()
    {
        Get("/newsletters/campaigns/{id}");
        Description(b => b
            .WithName("newsletters_getCampaign")
            .WithSummary("Get a campaign")
            .WithDescription("Another department's campaign, or the central office's for a coordinator, is a 404.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(NewsletterCampaignByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var campaign = await CampaignSql.GetAsync(session, req.Id, DepartmentScope.Of(User), ct);
        await CampaignSql.SendAsync(HttpContext, campaign, StatusCodes.Status200OK, ct);
    }
}
