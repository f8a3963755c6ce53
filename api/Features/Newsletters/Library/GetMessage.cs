using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Library;

/// <summary>One ready-made message, whole, with its version as the ETag.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class GetMessage(Database db) : Endpoint<MessageByIdRequest, MessageResponse>
{
    public override void Configure()
    {
        Get("/newsletters/messages/{id}");
        Description(b => b
            .WithName("newsletters_getMessage")
            .WithSummary("Get a ready-made message")
            .WithDescription("Its texts in both languages and its tags, with its version as the ETag. Admins and coordinators.")
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(MessageByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var message = await MessageSql.GetAsync(db, session, req.Id, ct);
        Preconditions.SetETag(HttpContext, message.Version);
        await Send.OkAsync(message, ct);
    }
}
