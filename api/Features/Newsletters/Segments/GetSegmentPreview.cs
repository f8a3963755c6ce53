using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Segments;

/// <summary>The live count and a sample of names of a saved segment.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class GetSegmentPreview(Database db) : Endpoint<SegmentRequest, SegmentPreview>
{
    public override void Configure()
    {
        Get("/newsletters/segments/{id}/preview");
        Description(b => b
            .WithName("newsletters_getSegmentPreview")
            .WithSummary("Count a segment")
            .WithDescription("How many active members of its department the segment matches now, and up to 10 of them by name. A coordinator counts "
                + "only their departments' segments (404 for any other).")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(SegmentRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var segment = await SegmentSql.GetAsync(session, req.Id, DepartmentScope.Of(User), ct);
        await Send.OkAsync(await SegmentSql.PreviewAsync(session, segment.Filter, segment.DepartmentId, ct), ct);
    }
}
