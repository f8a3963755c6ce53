using Alumni.Api.Features.Identity;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Segments;

/// <summary>Changes a segment, guarded by its version (If-Match).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class UpdateSegment(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateSegmentRequest, SegmentResponse>
{
    private static readonly Sql Update = Sql.Portable($"""
        UPDATE newsletter_segments
        SET name = @Name, description = @Description, department_id = @DepartmentId, filter = @Filter, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND {StaffScope.Predicate("department_id")}
        """);

    public override void Configure()
    {
        Put("/newsletters/segments/{id}");
        Description(b => b
            .WithName("newsletters_updateSegment")
            .WithSummary("Change a segment")
            .WithDescription("Replaces the name, description, department and filter, with the rules of saving one. Send the ETag (the segment's version) "
                + "in If-Match: a stale one gets 412, none gets 428. A campaign already sending keeps the recipients it fixed at its start.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateSegmentRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.BeginAsync(ct);
        var current = await SegmentSql.GetAsync(session, req.Id, scope, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        await SegmentSql.CheckAsync(session, req.Filter, req.DepartmentId, scope, ct);
        Preconditions.Changed(await session.ExecuteAsync(Update, new
        {
            req.Id,
            Version = version,
            Name = req.Name.Trim(),
            Description = TextRules.Clean(req.Description),
            req.DepartmentId,
            Filter = SegmentSql.ToJson(req.Filter),
            Now = time.GetUtcNow(),
            scope.ScopeAll,
            scope.ScopeUserId,
        }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.segment-update", "newsletter-segment", req.Id.ToString()), ct);
        var segment = await SegmentSql.GetAsync(session, req.Id, new DepartmentScope(true, Guid.Empty), ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, segment.Version);
        await Send.OkAsync(segment, ct);
    }

    public sealed class Validator : Validator<UpdateSegmentRequest>
    {
        public Validator() => this.AddSegmentRules();
    }
}
