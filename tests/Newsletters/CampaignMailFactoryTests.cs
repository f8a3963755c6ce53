using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

public sealed class CampaignMailFactoryTestsOnSqlite(SqliteApi api) : CampaignMailFactoryTests(api), IClassFixture<SqliteApi>;

public sealed class CampaignMailFactoryTestsOnSqlServer(SqlServerApi api) : CampaignMailFactoryTests(api), IClassFixture<SqlServerApi>;

/// <summary>The seam the sender uses: a stored campaign compiled in the default layout (seeded), an invitation with its event.</summary>
public abstract class CampaignMailFactoryTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MailRecipient Recipient(string language) =>
        new(Guid.NewGuid(), "a@alumni.test", language, "Greta", "Garbo", "https://alumni.example.org/preferences/T");

    [Fact]
    public async Task A_stored_campaign_compiles_in_the_seeded_default_layout()
    {
        api.SkipIfUnavailable();
        var campaign = await NewsletterTestData.CampaignAsync(api, await NewsletterTestData.TopicAsync(api));

        var mail = await api.Services.GetRequiredService<ICampaignMailFactory>().PrepareAsync(campaign, Ct);
        var sv = mail.Render(Recipient("sv"));
        var en = mail.Render(Recipient("en"));

        Assert.Equal(("Hej Greta", "Hello Greta"), (sv.Subject, en.Subject));
        Assert.Contains("Stockholms universitet, 106 91 Stockholm", sv.Html, StringComparison.Ordinal);
        Assert.Contains("Välkommen, Greta Garbo!", sv.Text, StringComparison.Ordinal);
        Assert.Contains("Alumninätverket", sv.Html, StringComparison.Ordinal);
        Assert.Contains("Alumni Network", en.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_compiles_with_its_event_and_an_unknown_field_is_refused_naming_it()
    {
        api.SkipIfUnavailable();
        var topic = await NewsletterTestData.TopicAsync(api);
        var eventId = await EventTestData.EventAsync(api, title: "Alumni Day");
        var invitation = await NewsletterTestData.CampaignAsync(api, topic, subjectSv: "Inbjudan: {{ event.title }}", eventId: eventId);
        var broken = await NewsletterTestData.CampaignAsync(api, topic, bodyEn: "Your salary: {{ member.salary }}");
        var factory = api.Services.GetRequiredService<ICampaignMailFactory>();

        var mail = (await factory.PrepareAsync(invitation, Ct)).Render(Recipient("sv"));
        Assert.Equal("Inbjudan: Alumni Day (sv)", mail.Subject);
        Assert.Contains($"/events/{eventId}\"", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Anmäl dig", mail.Html, StringComparison.Ordinal);

        var problem = await Assert.ThrowsAsync<ProblemException>(() => factory.PrepareAsync(broken, Ct));
        Assert.Equal(["bodyEn"], problem.Errors!.Keys);
        Assert.Contains("{{ member.salary }}", problem.Errors["bodyEn"][0], StringComparison.Ordinal);
        Assert.Equal(404, (await Assert.ThrowsAsync<ProblemException>(() => factory.PrepareAsync(Guid.NewGuid(), Ct))).Status);
    }
}
