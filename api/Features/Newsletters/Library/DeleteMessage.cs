using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Library;

/// <summary>Takes a ready-made message out of the library (campaigns copied from it keep their copy).</summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersWrite)]
public sealed class DeleteMessage(Database db, IAuditLog audit) : Endpoint<MessageByIdRequest>
{
    private static readonly Sql Remove = Sql.Portable("DELETE FROM newsletter_messages WHERE id = @Id");

    public override void Configure()
    {
        Delete("/newsletters/messages/{id}");
        Description(b => b
            .WithName("newsletters_deleteMessage")
            .WithSummary("Delete a ready-made message")
            .WithDescription("With its tags; campaigns already copied from it keep their copy. Admins only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(MessageByIdRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(MessageSql.DeleteTags, new { req.Id }, ct);
        if (await session.ExecuteAsync(Remove, new { req.Id }, ct) == 0)
        {
            throw ProblemException.NotFound(Alumni.Api.Infrastructure.Text.Texts.Get("newsletters.noMessageWithThatId"));
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.message-delete", "newsletter-message", req.Id.ToString()), ct);
        await session.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
