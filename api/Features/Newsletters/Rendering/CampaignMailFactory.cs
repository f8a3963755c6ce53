using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Newsletters.Rendering;

/// <summary>
/// Compiles a campaign's mail from its stored texts, its layout (the default one when it names none) and, for an
/// invitation, its event (through Events' <c>event_invitation_facts</c>).
/// </summary>
public sealed class CampaignMailFactory(Database db, NewsletterRenderer renderer) : ICampaignMailFactory
{
    [Unscoped("the sender and the start compile a campaign the caller was already allowed to reach")]
    private static readonly Sql Campaign = Sql.Portable("""
        SELECT c.kind AS Kind, c.event_id AS EventId, c.layout_id AS LayoutId,
               c.subject_sv AS SubjectSv, c.subject_en AS SubjectEn, c.preheader_sv AS PreheaderSv, c.preheader_en AS PreheaderEn,
               c.body_sv AS BodySv, c.body_en AS BodyEn
        FROM newsletter_campaigns c
        WHERE c.id = @Id
        """);

    private static readonly Sql Layout = Sql.Portable("""
        SELECT header_sv AS HeaderSv, header_en AS HeaderEn, footer_sv AS FooterSv, footer_en AS FooterEn, postal_address AS PostalAddress
        FROM newsletter_layouts
        WHERE id = @Id
        """);

    [Unscoped("an invitation's event, named by a campaign the caller was already allowed to reach")]
    private static readonly Sql Event = Sql.Portable("""
        SELECT f.id AS Id, f.title_sv AS TitleSv, f.title_en AS TitleEn, f.starts_at AS StartsAt, f.time_zone AS TimeZone,
               f.venue AS Venue, f.city AS City, f.country AS Country
        FROM event_invitation_facts f
        WHERE f.id = @Id
        """);

    public async Task<ICampaignMail> PrepareAsync(Guid campaignId, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var campaign = await session.QuerySingleOrDefaultAsync<CampaignRow>(Campaign, new { Id = campaignId }, ct)
            ?? throw ProblemException.NotFound(Texts.Get("newsletters.noCampaignWithThatId"));
        return await CompileAsync(session, campaign, ct);
    }

    /// <summary>Compiles a campaign's texts (stored, or as a preview is asked for) in its layout and with its event.</summary>
    internal async Task<ICampaignMail> CompileAsync(DbSession session, CampaignRow campaign, CancellationToken ct)
    {
        var invitation = campaign.Kind == "invitation";
        var content = new MailContent(campaign.SubjectSv, campaign.SubjectEn, campaign.PreheaderSv, campaign.PreheaderEn, campaign.BodySv, campaign.BodyEn);
        NewsletterRenderer.EnsureValid(content, invitation);
        var layout = campaign.LayoutId is { } layoutId
            ? await session.QuerySingleOrDefaultAsync<MailLayout>(Layout, new { Id = layoutId }, ct) ?? await NewsletterRenderer.DefaultLayoutAsync(session, ct)
            : await NewsletterRenderer.DefaultLayoutAsync(session, ct);
        MailEvent? ev = null;
        if (invitation)
        {
            var facts = campaign.EventId is { } eventId ? await session.QuerySingleOrDefaultAsync<EventRow>(Event, new { Id = eventId }, ct) : null;
            if (facts is null)
            {
                throw ProblemException.Field("eventId", Texts.Get("newsletters.invitationNeedsAnEvent"));
            }

            ev = new MailEvent(facts.Id, facts.TitleSv, facts.TitleEn, facts.StartsAt, facts.TimeZone, facts.Venue, facts.City, facts.Country, renderer.EventUrl(facts.Id));
        }

        return NewsletterRenderer.Compile(content, layout, ev);
    }

    /// <summary>What of a campaign its mail is made of.</summary>
    internal sealed record CampaignRow
    {
        public string Kind { get; init; } = "newsletter";
        public Guid? EventId { get; init; }
        public Guid? LayoutId { get; init; }
        public string? SubjectSv { get; init; }
        public string? SubjectEn { get; init; }
        public string? PreheaderSv { get; init; }
        public string? PreheaderEn { get; init; }
        public string? BodySv { get; init; }
        public string? BodyEn { get; init; }
    }

    private sealed record EventRow
    {
        public Guid Id { get; init; }
        public string? TitleSv { get; init; }
        public string? TitleEn { get; init; }
        public DateTimeOffset StartsAt { get; init; }
        public string TimeZone { get; init; } = "Europe/Stockholm";
        public string? Venue { get; init; }
        public string? City { get; init; }
        public string? Country { get; init; }
    }
}
