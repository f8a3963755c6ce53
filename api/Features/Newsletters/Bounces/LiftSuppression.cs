using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Bounces;

/// <summary>
/// An admin lifts the stop on an address (the mailbox works again): it gets newsletter mail again, and its bounces until
/// now no longer count towards the soft bounces that stop it. Audited.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersWrite)]
public sealed class LiftSuppression(Database db, IAuditLog audit, TimeProvider time) : Endpoint<SuppressionByEmailRequest>
{
    private static readonly Sql Find = Sql.Portable("""
        SELECT bounce_id FROM newsletter_suppressions WHERE email = @Email
        """);

    private static readonly Sql Remove = Sql.Portable("""
        DELETE FROM newsletter_suppressions WHERE email = @Email
        """);

    private static readonly Sql Clear = Sql.Portable("""
        UPDATE newsletter_bounces SET cleared_at = @Now WHERE email = @Email AND cleared_at IS NULL
        """);

    public override void Configure()
    {
        Delete("/newsletters/suppressions/{email}");
        Description(b => b
            .WithName("newsletters_liftSuppression")
            .WithSummary("Lift the stop on a bounced address")
            .WithDescription("404 when mail to the address is not stopped.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(SuppressionByEmailRequest req, CancellationToken ct)
    {
        var email = TextRules.NormaliseEmail(req.Email);
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        var bounce = await session.ExecuteScalarAsync<Guid?>(Find, new { Email = email }, ct);
        if (await session.ExecuteAsync(Remove, new { Email = email }, ct) == 0)
        {
            throw ProblemException.NotFound(Texts.Get("newsletters.bounceNotSuppressed"));
        }

        await session.ExecuteAsync(Clear, new { Email = email, Now = now }, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent(
            "newsletter.suppression-lifted", "newsletter-bounce", bounce?.ToString()), ct);
        await session.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
