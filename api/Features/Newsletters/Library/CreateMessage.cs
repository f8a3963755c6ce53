using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;

namespace Alumni.Api.Features.Newsletters.Library;

/// <summary>Adds a ready-made message to the library.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersWrite)]
public sealed class CreateMessage(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateMessageRequest, MessageResponse>
{
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO newsletter_messages (id, title, subject_sv, subject_en, preheader_sv, preheader_en, body_sv, body_en, created_by, created_at, updated_at, version)
        VALUES (@Id, @Title, @SubjectSv, @SubjectEn, @PreheaderSv, @PreheaderEn, @BodySv, @BodyEn, @By, @Now, @Now, 1)
        """);

    public override void Configure()
    {
        Post("/newsletters/messages");
        Description(b => b
            .WithName("newsletters_createMessage")
            .WithSummary("Create a ready-made message")
            .WithDescription("A title, subject, preheader and body (Markdown) in Swedish and English (at least one language whole), personal fields "
                + "checked like a campaign's (event fields allowed: messages are copied into invitations too), and up to 10 tags. Admins only.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<MessageResponse>(StatusCodes.Status201Created));
    }

    public override async Task HandleAsync(CreateMessageRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var session = await db.BeginAsync(ct);
        await session.ExecuteAsync(Insert, MessageSql.Arguments(req, id, 1, now, User.PersonId()), ct);
        await MessageSql.SetTagsAsync(session, id, req.Tags, ct);
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.message-create", "newsletter-message", id.ToString()), ct);
        var message = await MessageSql.GetAsync(db, session, id, ct);
        await session.CommitAsync(ct);
        Preconditions.SetETag(HttpContext, message.Version);
        await Send.ResponseAsync(message, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateMessageRequest>
    {
        public Validator() => this.AddMessageRules();
    }
}
