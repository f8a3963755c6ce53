using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Topics;

/// <summary>Adds a custom topic on one of the three mail consents.</summary>
[Access(Caller.Admin, Scope = ApiScopes.NewslettersWrite)]
public sealed class CreateTopic(Database db, IAuditLog audit, TimeProvider time) : Endpoint<CreateTopicRequest, TopicResponse>
{
    [Unscoped("admins only add the office's custom topics, which belong to no department")]
    private static readonly Sql Insert = Sql.Portable("""
        INSERT INTO newsletter_topics (id, topic_key, kind, department_id, consent_channel, name_sv, name_en, description_sv, description_en,
                                       active, created_at, updated_at, version)
        SELECT @Id, @Key, 'custom', NULL, @Channel, @NameSv, @NameEn, @DescriptionSv, @DescriptionEn, 1, @Now, @Now, 1
        WHERE NOT EXISTS (SELECT 1 FROM newsletter_topics t WHERE t.topic_key = @Key)
        """);

    public override void Configure()
    {
        Post("/newsletters/topics");
        Description(b => b
            .WithName("newsletters_createTopic")
            .WithSummary("Add a newsletter topic")
            .WithDescription("A custom topic (admins), on the consent for the central newsletter, department mailings or event invitations. "
                + "A key already used is a 409.")
            .ClearDefaultProduces(StatusCodes.Status200OK)
            .Produces<TopicResponse>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CreateTopicRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using var session = await db.BeginAsync(ct);
        var rows = await session.ExecuteAsync(Insert, new
        {
            Id = id, req.Key, Channel = req.ConsentChannel.ToString(), NameSv = req.NameSv.Trim(), NameEn = req.NameEn.Trim(),
            DescriptionSv = TextRules.Clean(req.DescriptionSv), DescriptionEn = TextRules.Clean(req.DescriptionEn), Now = now,
        }, ct);
        if (rows == 0)
        {
            throw new ProblemException(StatusCodes.Status409Conflict, Texts.Get("newsletters.topics.topicKeyTaken"), Alumni.Contracts.Problems.ProblemTypes.Conflict,
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["key"] = [Texts.Get("newsletters.topics.topicKeyTaken")] });
        }

        await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.topic-create", "newsletter-topic", id.ToString()), ct);
        var created = await TopicSql.GetAsync(session, id, ct);
        await session.CommitAsync(ct);
        HttpContext.Response.Headers.Location = $"/api/newsletters/topics/{id}";
        await TopicSql.SendAsync(HttpContext, created, StatusCodes.Status201Created, ct);
    }

    public sealed class Validator : Validator<CreateTopicRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Key).Must(TopicRules.IsCustomKey).WithMessage(_ => Texts.Get("newsletters.topics.useATopicKey"));
            RuleFor(r => r.ConsentChannel).Must(c => TopicRules.MailChannels.Contains(c)).WithMessage(_ => Texts.Get("newsletters.topics.chooseAMailConsent"));
            RuleFor(r => r.NameSv).IsName(TopicRules.NameMaxLength);
            RuleFor(r => r.NameEn).IsName(TopicRules.NameMaxLength);
            RuleFor(r => r.DescriptionSv).IsOptionalText(TopicRules.DescriptionMaxLength);
            RuleFor(r => r.DescriptionEn).IsOptionalText(TopicRules.DescriptionMaxLength);
        }
    }
}
