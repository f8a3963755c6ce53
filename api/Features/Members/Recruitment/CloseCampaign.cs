using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>Closes a campaign: its link says it is closed and counts no more visits or sign-ups.</summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersWrite)]
public sealed class CloseCampaign(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CampaignByIdRequest, CampaignResponse>
{
    public override void Configure()
    {
        Post("/recruitment/campaigns/{id}/close");
        Description(b => b
            .WithName("members_closeCampaign")
            .WithSummary("Close a recruitment campaign")
            .WithDescription("Its link then tells visitors it is closed (they can still sign up, without the campaign) and counts no more visits "
                + "or sign-ups; the figures so far stay. Idempotent. If-Match is optional; when sent, a stale ETag gets 412.")
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed));
    }

    public override Task HandleAsync(CampaignByIdRequest req, CancellationToken ct) =>
        CampaignClosing.HandleAsync(HttpContext, db, audit, time, req.Id, close: true, ct);
}
