using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Library;

/// <summary>Changes a ready-made message, guarded by its version (If-Match). Campaigns copied from it keep their copy.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersWrite)]
public sealed class UpdateMessage(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateMessageRequest, MessageResponse>
{
    private static readonly Sql Update = Sql.Portable("""
        UPDATE newsletter_messages
        SET title = @Title, subject_sv = @SubjectSv, subject_en = @SubjectEn, preheader_sv = @PreheaderSv, preheader_en = @PreheaderEn,
            body_sv = @BodySv, body_en = @BodyEn, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """);

    public override void Configure()
    {
        Put("/newsletters/messages/{id}");
        Description(b => b
            .WithName("newsletters_updateMessage")
            .WithSummary("Update a ready-made message")
            .WithDescription("Replaces its texts and tags (campaigns already copied from it keep their copy). Send the ETag in If-Match: a stale one "
                + "gets 412, none 428. Admins only.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status412PreconditionFailed, StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateMessageRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var current = await MessageSql.GetAsync(db, session, req.Id, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        Preconditions.Changed(await session.ExecuteAsync(Update, MessageSql.Arguments(req, req.Id, version, time.GetUtcNow(), null), ct));
        await MessageSql.SetTagsAsync(session, req.Id, req.Tags, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.message-update", "newsletter-message", req.Id.ToString()), ct);
        var message = await MessageSql.GetAsync(db, session, req.Id, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, message.Version);
        await Send.OkAsync(message, ct);
    }

    public sealed class Validator : Validator<UpdateMessageRequest>
    {
        public Validator() => this.AddMessageRules();
    }
}
