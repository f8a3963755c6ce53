using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Layouts;

/// <summary>One layout with its version as the ETag.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class GetLayout(Database db) : Endpoint<LayoutByIdRequest, LayoutResponse>
{
    public override void Configure()
    {
        Get("/newsletters/layouts/{id}");
        Description(b => b
            .WithName("newsletters_getLayout")
            .WithSummary("Get a mail layout")
            .WithDescription("With its version as the ETag (send it in If-Match to change it). Admins and coordinators.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(LayoutByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var layout = await LayoutSql.GetAsync(session, req.Id, ct);
        Preconditions.SetETag(HttpContext, layout.Version);
        await Send.OkAsync(layout, ct);
    }
}
