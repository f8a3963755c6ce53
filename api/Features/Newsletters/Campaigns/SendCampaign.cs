using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>Starts sending a draft or scheduled campaign now (<see cref="CampaignSending"/>).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class SendCampaign(Database db, CampaignSending sending, TimeProvider time) : Endpoint<NewsletterCampaignByIdRequest, NewsletterCampaignResponse>
{
    public override void Configure()
    {
        Post("/newsletters/campaigns/{id}/send");
        Description(b => b
            .WithName("newsletters_sendCampaign")
            .WithSummary("Send a campaign now")
            .WithDescription("Checks that the mail compiles (an unknown personal field or a missing text is a 400 naming the field, and nothing "
                + "changes), then fixes the recipients (the topic's subscribers now, within the sender's department) and queues their batches. "
                + "Only a draft or a scheduled campaign starts (409 otherwise, also for the second of two calls at once).")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable));
    }

    public override async Task HandleAsync(NewsletterCampaignByIdRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await sending.StartAsync(req.Id, scope, due: false, HttpContext.RequestServices, HttpContext, time.GetUtcNow(), ct);
        await using var session = await db.OpenAsync(ct);
        await CampaignSql.SendAsync(HttpContext, await CampaignSql.GetAsync(session, req.Id, scope, ct), StatusCodes.Status200OK, ct);
    }
}
