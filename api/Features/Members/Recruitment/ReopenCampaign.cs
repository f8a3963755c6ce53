using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using FastEndpoints;

namespace Alumni.Api.Features.Members.Recruitment;

/// <summary>Reopens a closed campaign: its link counts visits and sign-ups again.</summary>
[Access(Caller.Staff, Scope = ApiScopes.MembersWrite)]
public sealed class ReopenCampaign(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CampaignByIdRequest, CampaignResponse>
{
    public override void Configure()
    {
        Post("/recruitment/campaigns/{id}/reopen");
        Description(b => b
            .WithName("members_reopenCampaign")
            .WithSummary("Reopen a recruitment campaign")
            .WithDescription("Its link counts visits and sign-ups again. Idempotent. If-Match is optional; when sent, a stale ETag gets 412.")
            .WithMetadata(new AcceptsIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed));
    }

    public override Task HandleAsync(CampaignByIdRequest req, CancellationToken ct) =>
        CampaignClosing.HandleAsync(HttpContext, db, audit, time, req.Id, close: false, ct);
}
