using Alumni.Api.Features.Newsletters.Preferences;
using Alumni.Api.Features.Newsletters.Rendering;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Infrastructure.Security;
using Alumni.Api.Infrastructure.Text;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using FastEndpoints;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Campaigns;

/// <summary>
/// Sends a campaign's mail with sample values to a few addresses, its subject marked "[Test]", with the list header
/// fields a real send has (their unsubscribe token opens nothing). Audited, without the addresses.
/// </summary>
[Access(Caller.Staff, Scope = ApiScopes.NewslettersWrite)]
public sealed class TestSendCampaign(Database db, CampaignMailFactory factory, PreferenceLinks links, IEmailSender sender, IAuditLog audit,
    NewsletterMessages messages) : Endpoint<TestSendCampaignRequest, TestSendResponse>
{
    public const int MaxAddresses = 10;

    private const string SampleToken = "test";

    public override void Configure()
    {
        Post("/newsletters/campaigns/{id}/test");
        Description(b => b
            .WithName("newsletters_testSendCampaign")
            .WithSummary("Send a test of a campaign's mail")
            .WithDescription("To 1–10 addresses, with sample values in `language` (else Swedish; the other language when the campaign is not written in "
                + "it), the subject starting with \"[Test]\", with the list header fields (List-Unsubscribe, List-Unsubscribe-Post, List-Id) of a real "
                + "send. An unknown personal field or a missing text is a 400 naming the field. Admins and coordinators (their departments' campaigns).")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound));
    }

    public override async Task HandleAsync(TestSendCampaignRequest req, CancellationToken ct)
    {
        var scope = DepartmentScope.Of(User);
        string language;
        TopicRow topic;
        CompiledMail mail;
        await using (var session = await db.OpenAsync(ct))
        {
            var campaign = await PreviewSql.CampaignAsync(session, req.Id, scope, ct);
            mail = (CompiledMail)await factory.CompileAsync(session, campaign, ct);
            language = mail.LanguageFor(req.Language ?? "sv");
            topic = new TopicRow(campaign.TopicKey ?? "newsletter", language == "en" ? campaign.TopicNameEn ?? campaign.TopicNameSv : campaign.TopicNameSv ?? campaign.TopicNameEn);
        }

        var headers = messages.ListHeaders(SampleToken, links.OneClickUrl(SampleToken), topic.Key, topic.Name ?? topic.Key);
        var addresses = req.Addresses.Select(TextRules.NormaliseEmail).Distinct(StringComparer.Ordinal).ToList();
        foreach (var address in addresses)
        {
            var rendered = mail.Render(NewsletterRenderer.Sample(language, address, PreviewSql.SampleUrl(links, SampleToken)));
            await sender.SendAsync(new EmailMessage(address, null, Texts.Get("newsletters.testSubject", rendered.Subject), rendered.Text, rendered.Html, Headers: headers), ct);
        }

        await using (var session = await db.BeginAsync(ct))
        {
            await audit.WriteAsync(session, HttpContext, new AuditEvent("newsletter.test-send", "newsletter-campaign", req.Id.ToString(),
                Detail: $"{addresses.Count} test mail(s)"), ct);
            await session.CommitAsync(ct);
        }

        await Send.OkAsync(new TestSendResponse { Sent = addresses.Count }, ct);
    }

    public sealed class Validator : Validator<TestSendCampaignRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Addresses).Must(a => a.Count is >= 1 and <= MaxAddresses).WithMessage(_ => Texts.Get("newsletters.giveTestAddresses", MaxAddresses));
            RuleForEach(r => r.Addresses).Must(TextRules.IsEmailAddress).WithMessage(_ => TextRules.InvalidEmail);
            RuleFor(r => r.Language).Must(l => l is null or "sv" or "en").WithMessage(_ => Texts.Get("newsletters.chooseSvOrEn"));
        }
    }

    private sealed record TopicRow(string Key = "newsletter", string? Name = null);
}
