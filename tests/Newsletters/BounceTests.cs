using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Features.Newsletters.Preferences;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Identity;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.DependencyInjection;
using static Alumni.Api.Tests.Newsletters.PreferenceTestData;

namespace Alumni.Api.Tests.Newsletters;

public sealed class BounceTestsOnSqlite(SqliteApi api) : BounceTests(api), IClassFixture<SqliteApi>;

public sealed class BounceTestsOnSqlServer(SqlServerApi api) : BounceTests(api), IClassFixture<SqlServerApi>;

/// <summary>
/// Bounces stop mail (the sends' own audience condition no longer holds), soft ones only after the configured number,
/// an admin lifts the stop; staff see why within their departments; a member's erasure removes what the slice keeps.
/// </summary>
public abstract class BounceTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hard_bounce_from_the_bounce_feed_stops_mail_at_once_and_the_members_record_says_why()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        var campaign = await CampaignAsync(api, topics.Central);
        var feed = await api.KeyClientAsync(ApiScopes.MailBounces);
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Central));

        var response = await feed.PostAsJsonAsync("/api/newsletters/bounces", new RecordBounceRequest
        {
            Email = member.Email.ToUpperInvariant(), Kind = BounceKind.Hard, Reason = "550 5.1.1 user unknown", CampaignId = campaign,
        }, Json.Options, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var bounce = await response.ReadAsync<BounceResponse>();
        Assert.Equal((member.Email, BounceKind.Hard, BounceSource.Api, campaign, true), (bounce.Email, bounce.Kind, bounce.Source, bounce.CampaignId, bounce.Suppressed));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Central));
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Events));

        var admin = await api.AdminAsync();
        var delivery = await (await admin.GetAsync($"/api/newsletters/members/{member.MemberId}/delivery", Ct)).ReadAsync<MemberDeliveryResponse>();
        Assert.Equal((true, SuppressionReason.HardBounce), (delivery.Stopped, delivery.Reason));
        Assert.NotNull(delivery.Since);
        Assert.Equal(bounce.Id, Assert.Single(delivery.Bounces).Id);
        var audit = await (await admin.GetAsync($"/api/audit?action=newsletter.bounce-record&entityId={bounce.Id}", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Equal(AuditKind.Newsletters, Assert.Single(audit.Items).Kind);
    }

    [Fact]
    public async Task Soft_bounces_stop_mail_after_the_configured_number_and_after_the_stop_is_lifted_they_count_again_from_none()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        var admin = await api.AdminAsync();
        var soft = new RecordBounceRequest { Email = member.Email, Kind = BounceKind.Soft, Reason = "452 4.2.2 mailbox full" };

        var first = await (await admin.PostAsJsonAsync("/api/newsletters/bounces", soft, Json.Options, Ct)).ReadAsync<BounceResponse>();
        var second = await (await admin.PostAsJsonAsync("/api/newsletters/bounces", soft, Json.Options, Ct)).ReadAsync<BounceResponse>();
        Assert.Equal(BounceSource.Staff, first.Source);
        Assert.False(first.Suppressed || second.Suppressed);
        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Central));

        var third = await (await admin.PostAsJsonAsync("/api/newsletters/bounces", soft, Json.Options, Ct)).ReadAsync<BounceResponse>();

        Assert.True(third.Suppressed);
        Assert.False(await OnTopicAsync(api, member.MemberId, topics.Central));
        var delivery = await (await admin.GetAsync($"/api/newsletters/members/{member.MemberId}/delivery", Ct)).ReadAsync<MemberDeliveryResponse>();
        Assert.Equal((true, SuppressionReason.SoftBounces, 3), (delivery.Stopped, delivery.Reason, delivery.Bounces.Count));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/newsletters/suppressions/{Uri.EscapeDataString(member.Email)}", Ct)).StatusCode);

        Assert.True(await OnTopicAsync(api, member.MemberId, topics.Central));
        var after = await (await admin.PostAsJsonAsync("/api/newsletters/bounces", soft, Json.Options, Ct)).ReadAsync<BounceResponse>();
        Assert.False(after.Suppressed);
        await (await admin.DeleteAsync($"/api/newsletters/suppressions/{Uri.EscapeDataString(member.Email)}", Ct)).ProblemAsync(404);
        var lifted = await (await admin.GetAsync("/api/audit?action=newsletter.suppression-lift", Ct)).ReadAsync<Paged<AuditEntryResponse>>();
        Assert.Contains(lifted.Items, e => e.EntityId == third.Id.ToString());
    }

    [Fact]
    public async Task Bounces_are_listed_newest_first_by_address_for_admins_only()
    {
        api.SkipIfUnavailable();
        var admin = await api.AdminAsync();
        var email = $"bounced-{Guid.NewGuid():N}@alumni.test";
        foreach (var kind in new[] { BounceKind.Soft, BounceKind.Hard })
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/newsletters/bounces", new RecordBounceRequest { Email = email, Kind = kind }, Json.Options, Ct)).StatusCode);
        }

        var page = await (await admin.GetAsync($"/api/newsletters/bounces?email={Uri.EscapeDataString(email.ToUpperInvariant())}", Ct)).ReadAsync<Paged<BounceResponse>>();
        var hard = await (await admin.GetAsync($"/api/newsletters/bounces?email={Uri.EscapeDataString(email)}&kind=hard", Ct)).ReadAsync<Paged<BounceResponse>>();

        Assert.Equal([BounceKind.Hard, BounceKind.Soft], page.Items.Select(b => b.Kind));
        Assert.All(page.Items, b => Assert.True(b.Suppressed));
        Assert.Equal(BounceKind.Hard, Assert.Single(hard.Items).Kind);
        var coordinator = await api.CoordinatorAsync("DSV");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/newsletters/bounces", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync("/api/newsletters/bounces", new RecordBounceRequest { Email = email, Kind = BounceKind.Hard }, Json.Options, Ct)).StatusCode);
        var problem = await (await admin.PostAsJsonAsync("/api/newsletters/bounces", new RecordBounceRequest { Email = email, Kind = BounceKind.Hard, CampaignId = Guid.NewGuid() }, Json.Options, Ct)).ProblemAsync(400);
        Assert.Contains("campaignId", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Staff_see_a_members_delivery_only_within_their_departments()
    {
        api.SkipIfUnavailable();
        var member = await MemberAsync(api, "DSV");
        var dsv = await api.CoordinatorAsync("DSV");
        var eng = await api.CoordinatorAsync("ENG");

        var seen = await (await dsv.GetAsync($"/api/newsletters/members/{member.MemberId}/delivery", Ct)).ReadAsync<MemberDeliveryResponse>();

        Assert.Equal((false, null, 0), (seen.Stopped, seen.Reason, seen.Bounces.Count));
        await (await eng.GetAsync($"/api/newsletters/members/{member.MemberId}/delivery", Ct)).ProblemAsync(404);
        await (await dsv.GetAsync($"/api/newsletters/members/{Guid.NewGuid()}/delivery", Ct)).ProblemAsync(404);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync($"/api/newsletters/members/{member.MemberId}/delivery", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_members_erasure_clears_their_choices_welcome_mail_addresses_unsubscribes_and_bounces()
    {
        api.SkipIfUnavailable();
        var topics = await TopicsAsync(api);
        var member = await MemberAsync(api);
        var campaign = await CampaignAsync(api, topics.Dsv);
        await using (var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct))
        {
            var stepId = Guid.CreateVersion7();
            await session.ExecuteAsync(Sql.Portable("""
                INSERT INTO newsletter_welcome_steps (id, step_key, position, delay_days, updated_at) VALUES (@Id, @Key, 99, 0, @Now)
                """), new { Id = stepId, Key = "test-" + stepId.ToString("N"), Now = DateTimeOffset.UtcNow }, Ct);
            await session.ExecuteAsync(Sql.Portable("""
                INSERT INTO newsletter_welcome_mail (member_id, step_id, due_at) VALUES (@MemberId, @StepId, @Now)
                """), new { member.MemberId, StepId = stepId, Now = DateTimeOffset.UtcNow }, Ct);
            await session.ExecuteAsync(Sql.Portable("""
                INSERT INTO newsletter_recipients (campaign_id, member_id, email, language, batch, state) VALUES (@CampaignId, @MemberId, @Email, 'en', 1, 'sent')
                """), new { CampaignId = campaign, member.MemberId, member.Email }, Ct);
        }

        using var mailClient = api.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await PreferenceTests.OneClickAsync(mailClient, await TokenAsync(api, member.MemberId, campaign))).StatusCode);
        var admin = await api.AdminAsync();
        var bounce = await (await admin.PostAsJsonAsync("/api/newsletters/bounces", new RecordBounceRequest { Email = member.Email, Kind = BounceKind.Hard, CampaignId = campaign }, Json.Options, Ct))
            .ReadAsync<BounceResponse>();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/members/{member.MemberId}/erase", null, Ct)).StatusCode);

        var args = new { Id = member.MemberId, member.Email, BounceId = bounce.Id, CampaignId = campaign };
        Assert.Empty(await RowsAsync<Guid>(api, "SELECT topic_id FROM newsletter_topic_choices WHERE member_id = @Id", args));
        Assert.Empty(await RowsAsync<Guid>(api, "SELECT step_id FROM newsletter_welcome_mail WHERE member_id = @Id", args));
        Assert.Equal([null], await RowsAsync<string?>(api, "SELECT email FROM newsletter_recipients WHERE member_id = @Id", args));
        Assert.Empty(await RowsAsync<Guid>(api, "SELECT id FROM newsletter_unsubscribes WHERE member_id = @Id", args));
        Assert.Single(await RowsAsync<Guid>(api, "SELECT id FROM newsletter_unsubscribes WHERE campaign_id = @CampaignId AND member_id IS NULL", args));
        Assert.Empty(await RowsAsync<string>(api, "SELECT email FROM newsletter_suppressions WHERE email = @Email", args));
        Assert.Equal([NewsletterErasure.ErasedAddress], await RowsAsync<string>(api, "SELECT email FROM newsletter_bounces WHERE id = @BounceId", args));
    }
}
