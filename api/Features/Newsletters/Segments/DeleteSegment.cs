using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Segments;

/// <summary>Deletes a segment no campaign still to be sent uses, guarded by its version (If-Match).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class DeleteSegment(Database db, IAuditLog audit) : Endpoint<SegmentRequest>
{
    /// <summary>Campaigns not yet sent (draft, scheduled, sending, paused) that use the segment.</summary>
    [Unscoped("whether any campaign, the caller's or not, still needs a segment the caller may delete")]
    private static readonly Sql UnsentUsers = Sql.Portable("""
        SELECT COUNT(*) FROM newsletter_campaigns WHERE segment_id = @Id AND status NOT IN ('sent', 'cancelled')
        """);

    /// <summary>A sent or cancelled campaign fixed its recipients long ago; it forgets the segment rather than keeping it alive.</summary>
    [Unscoped("campaigns that use a segment the caller may delete (checked in the same transaction), whoever sent them")]
    private static readonly Sql Forget = Sql.Portable("""
        UPDATE newsletter_campaigns SET segment_id = NULL WHERE segment_id = @Id AND status IN ('sent', 'cancelled')
        """);

    private static readonly Sql Remove = Sql.Portable($"""
        DELETE FROM newsletter_segments WHERE id = @Id AND version = @Version AND {StaffScope.Predicate("department_id")}
        """);

    public override void Configure()
    {
        Delete("/newsletters/segments/{id}");
        Description(b => b
            .WithName("newsletters_deleteSegment")
            .WithSummary("Delete a segment")
            .WithDescription("Refused (409) while a campaign not yet sent (draft, scheduled, sending or paused) uses it; sent and cancelled campaigns "
                + "keep their recipients and forget the segment. Send the ETag in If-Match: a stale one gets 412, none gets 428.")
            .WithMetadata(new RequiresIfMatch())
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(SegmentRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.BeginAsync(ct);
        var current = await SegmentSql.GetAsync(session, req.Id, scope, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        if (await session.ExecuteScalarAsync<long>(UnsentUsers, new { req.Id }, ct) > 0)
        {
            throw ProblemException.Conflict(Texts.Get("newsletters.segmentInUse"));
        }

        await session.ExecuteAsync(Forget, new { req.Id }, ct);
        Preconditions.Changed(await session.ExecuteAsync(Remove, new { req.Id, Version = version, scope.ScopeAll, scope.ScopeUserId }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.segment-delete", "newsletter-segment", req.Id.ToString()), ct);
        await session.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
