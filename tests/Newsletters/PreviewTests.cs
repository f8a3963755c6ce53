using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

public sealed class PreviewTestsOnSqlite(SqliteApi api) : PreviewTests(api), IClassFixture<SqliteApi>;

public sealed class PreviewTestsOnSqlServer(SqlServerApi api) : PreviewTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// A campaign's preview (as a member of the caller's departments or with sample values, rendered on the server) and
/// its test send (to given addresses, "[Test]", with the list header fields), both refusing an unknown personal field
/// by name before anything is sent.
/// </summary>
public abstract class PreviewTests(ApiFixture api)
{
    private static readonly Sql SetFirstName = Sql.Portable("UPDATE members SET first_name = @FirstName WHERE id = @Id");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PreviewAsync(HttpClient client, Guid campaign, object body) =>
        client.PostAsJsonAsync($"/api/newsletters/campaigns/{campaign}/preview", body, Json.Options, Ct);

    [Fact]
    public async Task A_preview_with_sample_values_is_the_mail_as_sent_in_the_language_asked_or_the_other()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var campaign = await NewsletterTestData.CampaignAsync(api, await NewsletterTestData.TopicAsync(api), subjectEn: null, bodyEn: null);

        var preview = await (await PreviewAsync(admin, campaign, new { language = "en" })).ReadAsync<PreviewResponse>();

        Assert.Equal(("Hej Kim", "sv"), (preview.Subject, preview.Language));
        Assert.Contains("Välkommen, Kim Karlsson!", preview.Text, StringComparison.Ordinal);
        Assert.Contains("style=\"", preview.Html, StringComparison.Ordinal);
        Assert.Contains("Stockholms universitet, 106 91 Stockholm", preview.Html, StringComparison.Ordinal);
        Assert.Contains("/preferences/preview\"", preview.Html, StringComparison.Ordinal);
        Assert.Contains("Ändra vad du får / avregistrera dig", preview.Text, StringComparison.Ordinal);
        await (await PreviewAsync(admin, Guid.NewGuid(), new { })).ProblemAsync(404);
        Assert.Equal(["language"], (await (await PreviewAsync(admin, campaign, new { language = "de" })).ProblemAsync(400)).Errors!.Keys);
    }

    [Fact]
    public async Task A_preview_as_a_member_fills_in_their_fields_html_encoded_in_their_language()
    {
        api.SkipIfUnavailable();
        var member = await EventTestData.SignedUpMemberAsync(api, "DSV");
        await using (var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct))
        {
            await session.ExecuteAsync(SetFirstName, new { Id = member.MemberId, FirstName = "<script>alert(1)</script>" }, Ct);
            await session.CommitAsync(Ct);
        }

        var campaign = await NewsletterTestData.CampaignAsync(api, await NewsletterTestData.TopicAsync(api, "DSV"), departmentCode: "DSV");
        var dsv = await api.CoordinatorAsync("DSV");

        var preview = await (await PreviewAsync(dsv, campaign, new { memberId = member.MemberId })).ReadAsync<PreviewResponse>();

        Assert.Equal("en", preview.Language);
        Assert.StartsWith("Hello <script>alert(1)</script>", preview.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", preview.Html, StringComparison.Ordinal);
        Assert.Contains("Welcome, &lt;script&gt;alert(1)&lt;/script&gt;", preview.Html, StringComparison.Ordinal);
        Assert.Contains("Welcome, <script>alert(1)</script>", preview.Text, StringComparison.Ordinal);
        Assert.Equal("sv", (await (await PreviewAsync(dsv, campaign, new { memberId = member.MemberId, language = "sv" })).ReadAsync<PreviewResponse>()).Language);

        // Another department's coordinator sees neither the campaign nor the member.
        var eng = await api.CoordinatorAsync("ENG");
        await (await PreviewAsync(eng, campaign, new { })).ProblemAsync(404);
        var engCampaign = await NewsletterTestData.CampaignAsync(api, await NewsletterTestData.TopicAsync(api, "ENG"), departmentCode: "ENG");
        await (await PreviewAsync(eng, engCampaign, new { memberId = member.MemberId })).ProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, (await PreviewAsync(eng, engCampaign, new { })).StatusCode);
    }

    [Fact]
    public async Task An_unknown_personal_field_is_refused_by_preview_and_test_send_naming_the_field_and_nothing_is_sent()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var campaign = await NewsletterTestData.CampaignAsync(api, await NewsletterTestData.TopicAsync(api), subjectSv: "Hej {{ member.salary }}");

        var problem = await (await PreviewAsync(admin, campaign, new { })).ProblemAsync(400);
        Assert.Equal(["subjectSv"], problem.Errors!.Keys);
        Assert.Contains("{{ member.salary }}", problem.Errors["subjectSv"][0], StringComparison.Ordinal);

        var address = $"refused-{Guid.NewGuid():N}@alumni.test";
        var test = await (await admin.PostAsJsonAsync($"/api/newsletters/campaigns/{campaign}/test", new { addresses = new[] { address } }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["subjectSv"], test.Errors!.Keys);
        Assert.DoesNotContain(api.Mail.Received, m => m.Recipients.Contains(address));
    }

    [Fact]
    public async Task A_test_send_arrives_marked_test_with_the_list_headers_and_is_audited()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var campaign = await NewsletterTestData.CampaignAsync(api, await NewsletterTestData.TopicAsync(api));
        var first = $"test-a-{Guid.NewGuid():N}@alumni.test";
        var second = $"test-b-{Guid.NewGuid():N}@alumni.test";

        var response = await admin.PostAsJsonAsync($"/api/newsletters/campaigns/{campaign}/test", new { addresses = new[] { first, second.ToUpperInvariant() }, language = "en" }, Json.Options, Ct);

        Assert.Equal(2, (await response.ReadAsync<TestSendResponse>()).Sent);
        var mail = (await api.Mail.NextForAsync(second)).Message;
        Assert.Equal("[Test] Hello Alex", mail.Subject);
        Assert.Contains("Welcome, Alex Andersson!", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("style=\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Matches(@"^<https?://[^>]+/api/newsletters/unsubscribe/test>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Matches("^Newsletter test-[0-9a-f]{12} <test-[0-9a-f]{12}\\.[^>]+>$", mail.Headers["List-Id"]);
        Assert.Equal("[Test] Hello Alex", (await api.Mail.NextForAsync(first)).Message.Subject);

        var audit = await (await admin.GetAsync("/api/audit?kind=newsletters", Ct)).ReadAsync<Paged<Alumni.Contracts.Identity.AuditEntryResponse>>();
        Assert.Contains(audit.Items, e => e.Action == "newsletter.test-send" && e.EntityId == campaign.ToString());

        var bad = await (await admin.PostAsJsonAsync($"/api/newsletters/campaigns/{campaign}/test", new { addresses = Enumerable.Range(0, 11).Select(i => $"x{i}@alumni.test") }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["addresses"], bad.Errors!.Keys);
        var invalid = await (await admin.PostAsJsonAsync($"/api/newsletters/campaigns/{campaign}/test", new { addresses = new[] { "not-an-address" } }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Equal(["addresses[0]"], invalid.Errors!.Keys);
        var dsv = await api.CoordinatorAsync("DSV");
        await (await dsv.PostAsJsonAsync($"/api/newsletters/campaigns/{campaign}/test", new { addresses = new[] { first } }, Json.Options, Ct)).ProblemAsync(404);
    }
}
