using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Segments;

/// <summary>The live count and a sample of names of a filter not saved yet (the segment builder).</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class PreviewSegment(Database db) : Endpoint<PreviewSegmentRequest, SegmentPreview>
{
    public override void Configure()
    {
        Post("/newsletters/segments/preview");
        Description(b => b
            .WithName("newsletters_previewSegment")
            .WithSummary("Count a filter")
            .WithDescription("How many active members the filter matches now within the department (`departmentId`: required for coordinators, one of "
                + "theirs; none: all members, admins only), and up to 10 of them by name. Writes nothing.")
            .ClearDefaultProduces(StatusCodes.Status201Created)
            .Produces<SegmentPreview>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden));
    }

    public override async Task HandleAsync(PreviewSegmentRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        await SegmentSql.CheckAsync(session, req.Filter, req.DepartmentId, DepartmentScope.Of(User), ct);
        await Send.OkAsync(await SegmentSql.PreviewAsync(session, req.Filter, req.DepartmentId, ct), ct);
    }

    public sealed class Validator : Validator<PreviewSegmentRequest>
    {
        public Validator() => RuleFor(r => r.Filter).SetValidator(new SegmentSql.FilterValidator());
    }
}
