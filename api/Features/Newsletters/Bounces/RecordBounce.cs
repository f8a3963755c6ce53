using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Bounces;

/// <summary>
/// Records a bounced mail by address, from a mail provider's bounce feed (a key with <c>mail:bounces</c>) or by an admin
/// by hand; a hard bounce stops mail to the address at once, soft ones after the configured number. Audited.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.MailBounces)]
public sealed class RecordBounce(Database db, BounceRecorder bounces, IAuditLog audit, TimeProvider time) : Endpoint<RecordBounceRequest, BounceResponse>
{
    [Unscoped("checks that a campaign named by an admin or a bounce feed exists; both see every department")]
    private static readonly Sql CampaignExists = Sql.Portable("""
        SELECT COUNT(*) FROM newsletter_campaigns WHERE id = @Id
        """);

    public override void Configure()
    {
        Post("/newsletters/bounces");
        Description(b => b
            .WithName("newsletters_recordBounce")
            .WithSummary("Record a bounce")
            .WithDescription("A hard bounce stops newsletter mail to the address at once; soft bounces stop it once as many as configured come "
                + "within the configured days. suppressed in the answer says whether mail to the address is stopped now.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<BounceResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(RecordBounceRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        if (req.CampaignId is { } campaign && await session.ExecuteScalarAsync<long>(CampaignExists, new { Id = campaign }, ct) == 0)
        {
            ThrowError(r => r.CampaignId, Texts.Get("newsletters.bounceCampaignNotFound"));
        }

        var source = User.IsKey() ? BounceSource.Api : BounceSource.Staff;
        var bounce = await bounces.RecordAsync(session, req.Email, req.Kind, req.Reason, source, req.CampaignId, User.CallerId(), time.GetUtcNow(), ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent(
            "newsletter.bounce-recorded", "newsletter-bounce", bounce.Id.ToString(),
            Detail: $"{BounceSql.Stored(bounce.Kind)}{(bounce.Suppressed ? ", mail stopped" : "")}"), ct);
        await session.CommitAsync(ct);
        await Send.ResponseAsync(bounce, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<RecordBounceRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Email).IsEmail();
            RuleFor(r => r.Reason).IsOptionalText(BounceRecorder.MaxReason);
        }
    }
}
