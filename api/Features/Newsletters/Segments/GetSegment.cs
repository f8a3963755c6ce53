using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Segments;

/// <summary>One saved segment, with its version as the ETag.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class GetSegment(Database db) : Endpoint<SegmentRequest, SegmentResponse>
{
    public override void Configure()
    {
        Get("/newsletters/segments/{id}");
        Description(b => b
            .WithName("newsletters_getSegment")
            .WithSummary("Get a segment")
            .WithDescription("A coordinator reads only their departments' segments (404 for any other).")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(SegmentRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var segment = await SegmentSql.GetAsync(session, req.Id, DepartmentScope.Of(User), ct);
        Preconditions.SetETag(HttpContext, segment.Version);
        await Send.OkAsync(segment, ct);
    }
}
