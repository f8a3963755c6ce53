using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Segments;

/// <summary>Saves a segment: a named filter over members of a department (or, for admins, of the whole network).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class CreateSegment(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateSegmentRequest, SegmentResponse>
{
    [Unscoped("the department was checked against the caller's scope just before (SegmentSql.CheckAsync)")]
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO newsletter_segments (id, name, description, department_id, filter, created_by, created_at, updated_at, version)
        VALUES (@Id, @Name, @Description, @DepartmentId, @Filter, @CreatedBy, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/newsletters/segments");
        Description(b => b
            .WithName("newsletters_createSegment")
            .WithSummary("Save a segment")
            .WithDescription("A name, a description and a filter in the member search's vocabulary, evaluated whenever it is previewed or a send starts. "
                + "A coordinator's segment belongs to one of their departments (`departmentId`, required) and names only their departments in "
                + "`filter.departments`; without `departmentId` it is the central office's (admins only). It only ever matches active members of its department.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<SegmentResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(CreateSegmentRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var session = await db.BeginAsync(ct);
        await SegmentSql.CheckAsync(session, req.Filter, req.DepartmentId, DepartmentScope.Of(User), ct);
        await session.ExecuteAsync(Insert, new
        {
            Id = id,
            Name = req.Name.Trim(),
            Description = TextRules.Clean(req.Description),
            req.DepartmentId,
            Filter = SegmentSql.ToJson(req.Filter),
            CreatedBy = User.PersonId(),
            Now = now,
        }, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.segment-create", "newsletter-segment", id.ToString()), ct);
        var segment = await SegmentSql.GetAsync(session, id, new DepartmentScope(true, Guid.Empty), ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, segment.Version);
        await Send.ResponseAsync(segment, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateSegmentRequest>
    {
        public Validator() => this.AddSegmentRules();
    }
}
