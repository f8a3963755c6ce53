using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Library;

/// <summary>The library of ready-made messages, newest change first, by tag and words.</summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class ListMessages(Database db) : Endpoint<ListMessagesRequest, Paged<MessageSummary>>
{
    public override void Configure()
    {
        Get("/newsletters/messages");
        Description(b => b
            .WithName("newsletters_listMessages")
            .WithSummary("List the ready-made messages")
            .WithDescription("Newest change first, without their bodies. `tag` keeps those with that tag (without regard to case); `q` those with the words "
                + "in the title or a subject. Admins and coordinators (who copy them into their campaigns). The total is exact up to 1,000."));
    }

    public override async Task HandleAsync(ListMessagesRequest req, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var page = await Query(req).ReadAsync<MessageSummary>(session, req, ct);
        var tags = await MessageSql.TagsAsync(db, session, page.Items.Select(m => m.Id).ToList(), ct);
        await Send.OkAsync(page with { Items = page.Items.Select(m => m with { Tags = tags[m.Id].ToList() }).ToList() }, ct);
    }

    /// <summary>The page a request asks for, with only the filters it sets.</summary>
    internal static PagedQuery Query(ListMessagesRequest req) => new(
        "SELECT m.id AS Id, m.title AS Title, m.subject_sv AS SubjectSv, m.subject_en AS SubjectEn, m.updated_at AS UpdatedAt",
        "newsletter_messages m",
        new SqlConditions()
            .Add("m.id IN (SELECT t.message_id FROM newsletter_message_tags t WHERE t.tag_key = @Tag)", "Tag",
                string.IsNullOrWhiteSpace(req.Tag) ? null : MessageSql.TagKey(req.Tag))
            .Add("(LOWER(m.title) LIKE @Q ESCAPE '\\' OR LOWER(COALESCE(m.subject_sv, '')) LIKE @Q ESCAPE '\\' OR LOWER(COALESCE(m.subject_en, '')) LIKE @Q ESCAPE '\\')",
                "Q", Like.Containing(req.Q)),
        "m.updated_at DESC, m.id");

    public sealed class Validator : Validator<ListMessagesRequest>
    {
        public Validator()
        {
            this.ValidatePage();
            RuleFor(r => r.Q).MaximumLength(200).WithMessage(_ => Texts.Get("common.useAtMostCharacters", 200));
            RuleFor(r => r.Tag).MaximumLength(MessageRules.TagMaxLength).WithMessage(_ => Texts.Get("common.useAtMostCharacters", MessageRules.TagMaxLength));
        }
    }
}
