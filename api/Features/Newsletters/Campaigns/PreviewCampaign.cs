using Alumni.Api.Features.Identity;
using Alumni.Api.Features.Newsletters.Preferences;
using Alumni.Api.Features.Newsletters.Rendering;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>
/// A campaign's mail rendered on the server as one recipient gets it: as a chosen member of the caller's departments
/// (read through Members' <c>member_contacts</c>) or with sample values. The preference link in a preview is a sample
/// that opens nothing: staff never act as the member.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersRead)]
public sealed class PreviewCampaign(Database db, CampaignMailFactory factory, PreferenceLinks links) : Endpoint<PreviewCampaignRequest, PreviewResponse>
{
    private static readonly Sql Member = Sql.Portable($"""
        SELECT c.member_id AS MemberId, c.email AS Email, c.first_name AS FirstName, c.last_name AS LastName, c.preferred_language AS Language
        FROM member_contacts c
        WHERE c.member_id = @MemberId AND c.is_erased = 0
          AND (@ScopeAll = 1 OR c.member_id IN (SELECT md.member_id FROM member_departments md WHERE md.department_id IN ({StaffScope.CallerDepartments})))
        """);

    public override void Configure()
    {
        Post("/newsletters/campaigns/{id}/preview");
        Description(b => b
            .WithName("newsletters_previewCampaign")
            .WithSummary("Preview a campaign's mail")
            .WithDescription("The subject, HTML (CSS inlined, as sent) and plain text of the campaign's mail as it is stored, rendered on the server: as the "
                + "member `memberId` (one of the caller's departments') or, without one, with sample values; in `language` (else the member's own, "
                + "else Swedish), or the other language when the campaign is not written in it. An unknown personal field or a missing text is a "
                + "400 naming the field (`bodySv`, `subjectEn`, …). Admins and coordinators (their departments' campaigns).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(PreviewCampaignRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        await using var session = await db.OpenAsync(ct);
        var campaign = await PreviewSql.CampaignAsync(session, req.Id, scope, ct);
        var mail = (CompiledMail)await factory.CompileAsync(session, campaign, ct);
        MailRecipient recipient;
        if (req.MemberId is { } memberId)
        {
            var member = await session.QuerySingleOrDefaultAsync<MemberRow>(Member, new { MemberId = memberId, scope.ScopeAll, scope.ScopeUserId }, ct)
                ?? throw ProblemException.NotFound(Texts.Get("newsletters.noMemberWithThatId"));
            var language = mail.LanguageFor(req.Language ?? (member.Language == "en" ? "en" : "sv"));
            recipient = new MailRecipient(member.MemberId, member.Email ?? "", language, member.FirstName, member.LastName, PreviewSql.SampleUrl(links, "preview"));
        }
        else
        {
            recipient = NewsletterRenderer.Sample(mail.LanguageFor(req.Language ?? "sv"), "sample@example.org", PreviewSql.SampleUrl(links, "preview"));
        }

        var rendered = mail.Render(recipient);
        await Send.OkAsync(new PreviewResponse { Subject = rendered.Subject, Html = rendered.Html, Text = rendered.Text, Language = recipient.Language }, ct);
    }

    public sealed class Validator : Validator<PreviewCampaignRequest>
    {
        public Validator() => RuleFor(r => r.Language).Must(l => l is null or "sv" or "en").WithMessage(_ => Texts.Get("newsletters.chooseSvOrEn"));
    }

    private sealed record MemberRow
    {
        public Guid MemberId { get; init; }
        public string? Email { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public string? Language { get; init; }
    }
}

/// <summary>What the preview and the test send share: the campaign within the caller's scope, with its topic.</summary>
internal static class PreviewSql
{
    private static readonly Sql Campaign = Sql.Portable($"""
        SELECT c.kind AS Kind, c.event_id AS EventId, c.layout_id AS LayoutId,
               c.subject_sv AS SubjectSv, c.subject_en AS SubjectEn, c.preheader_sv AS PreheaderSv, c.preheader_en AS PreheaderEn,
               c.body_sv AS BodySv, c.body_en AS BodyEn, t.topic_key AS TopicKey, t.name_sv AS TopicNameSv, t.name_en AS TopicNameEn
        FROM newsletter_campaigns c
        JOIN newsletter_topics t ON t.id = c.topic_id
        WHERE c.id = @Id AND {StaffScope.Predicate("c.department_id")}
        """);

    /// <summary>The campaign; 404 when there is none the caller may see (a coordinator: their departments').</summary>
    public static async Task<CampaignMailFactory.CampaignRow> CampaignAsync(DbSession session, Guid id, DepartmentScope scope, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<CampaignMailFactory.CampaignRow>(Campaign, new { Id = id, scope.ScopeAll, scope.ScopeUserId }, ct)
        ?? throw ProblemException.NotFound(Texts.Get("newsletters.noCampaignWithThatId"));

    /// <summary>A preference-page address of the right shape whose token opens nothing (previews and tests are not a member's).</summary>
    public static string SampleUrl(PreferenceLinks links, string token) => links.PageUrl(token);
}
