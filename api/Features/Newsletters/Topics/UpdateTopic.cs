using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Topics;

/// <summary>
/// Changes a topic (If-Match). Every topic's descriptions may change; only a custom topic may be renamed, deactivated or
/// moved to another of the mail consents: the central newsletter's, event invitations' and the departments' topics keep
/// their names (set when seeded), stay active and keep their consent channel.
/// </summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersWrite)]
public sealed class UpdateTopic(Database db, IAuditLog audit, TimeProvider time) : Endpoint<UpdateTopicRequest, TopicResponse>
{
    [Unscoped("admins only change topics, the office's lists")]
    private static readonly Sql Update = Sql.Portable("""
        UPDATE newsletter_topics
        SET consent_channel = @Channel, name_sv = @NameSv, name_en = @NameEn, description_sv = @DescriptionSv, description_en = @DescriptionEn,
            active = @Active, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version
        """);

    public override void Configure()
    {
        Put("/newsletters/topics/{id}");
        Description(b => b
            .WithName("newsletters_updateTopic")
            .WithSummary("Change a newsletter topic")
            .WithDescription("Send the ETag in If-Match (412 when stale, 428 when missing). Renaming, deactivating or changing the consent channel "
                + "of a seeded topic (central, events, a department's) is a 409.")
            .WithMetadata(new RequiresIfMatch())
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status412PreconditionFailed,
                StatusCodes.Status428PreconditionRequired));
    }

    public override async Task HandleAsync(UpdateTopicRequest req, CancellationToken ct)
    {
        await using var session = await db.BeginAsync(ct);
        var current = await TopicSql.GetAsync(session, req.Id, ct);
        var version = Preconditions.Check(HttpContext, current.Version);
        var nameSv = req.NameSv.Trim();
        var nameEn = req.NameEn.Trim();
        if (current.Kind != TopicKind.Custom)
        {
            var fixedField = current.ConsentChannel != req.ConsentChannel ? "consentChannel"
                : current.NameSv != nameSv ? "nameSv"
                : current.NameEn != nameEn ? "nameEn"
                : !req.Active ? "active"
                : null;
            if (fixedField is not null)
            {
                var message = Texts.Get("newsletters.topics.onlyCustomTopicsChange");
                throw new ProblemException(StatusCodes.Status409Conflict, message, Alumni.Contracts.Problems.ProblemTypes.Conflict,
                    new Dictionary<string, string[]>(StringComparer.Ordinal) { [fixedField] = [message] });
            }
        }

        Preconditions.Changed(await session.ExecuteAsync(Update, new
        {
            req.Id, Version = version, Channel = req.ConsentChannel.ToString(), NameSv = nameSv, NameEn = nameEn,
            DescriptionSv = TextRules.Clean(req.DescriptionSv), DescriptionEn = TextRules.Clean(req.DescriptionEn), req.Active,
            Now = time.GetUtcNow(),
        }, ct));
        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.topic-update", "newsletter-topic", req.Id.ToString()), ct);
        var updated = await TopicSql.GetAsync(session, req.Id, ct);
        await session.CommitAsync(ct);
        await TopicSql.SendAsync(HttpContext, updated, StatusCodes.Status200OK, ct);
    }

    public sealed class Validator : Validator<UpdateTopicRequest>
    {
        public Validator()
        {
            RuleFor(r => r.ConsentChannel).Must(c => TopicRules.MailChannels.Contains(c)).WithMessage(_ => Texts.Get("newsletters.topics.chooseAMailConsent"));
            RuleFor(r => r.NameSv).IsName(TopicRules.NameMaxLength);
            RuleFor(r => r.NameEn).IsName(TopicRules.NameMaxLength);
            RuleFor(r => r.DescriptionSv).IsOptionalText(TopicRules.DescriptionMaxLength);
            RuleFor(r => r.DescriptionEn).IsOptionalText(TopicRules.DescriptionMaxLength);
        }
    }
}
