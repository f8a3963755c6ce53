using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Features.Newsletters.Campaigns;
using Alumni.Api.Tests.Email;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts;
using Alumni.Contracts.Members;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

public sealed class CampaignSendingTestsOnSqlite(NewsletterSqliteApi api) : CampaignSendingTests(api), IClassFixture<NewsletterSqliteApi>;

public sealed class CampaignSendingTestsOnSqlServer(NewsletterSqlServerApi api) : CampaignSendingTests(api), IClassFixture<NewsletterSqlServerApi>;

/// <summary>
/// Starting a send: the recipients fixed once (only members with the topic's consent, only the sender's department's
/// members), in batches with a job each; scheduled sends started by the schedule on its clock, once; pause, resume,
/// cancel and the uncertain recipients as a state machine whose illegal moves are 409s; the figures and recipients.
/// Each test uses its own department so that the recipients of one are not another's.
/// </summary>
public abstract class CampaignSendingTests(ApiFixture api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_mail_without_consent_a_member_without_the_topics_consent_is_no_recipient()
    {
        var admin = await api.AdminAsync();
        var topic = await NewsletterData.TopicAsync(api, "department-arch");
        var arch = await NewsletterData.DepartmentIdAsync(api, "ARCH");
        var consenting = await NewsletterData.MembersAsync(api, 3, "ARCH", ConsentChannel.DepartmentMailings);
        var otherConsent = await NewsletterData.MembersAsync(api, 1, "ARCH", ConsentChannel.CentralNewsletter, ConsentChannel.EventInvitations);
        var none = await NewsletterData.MembersAsync(api, 1, "ARCH");
        var withdrawn = await NewsletterData.MembersAsync(api, 1, "ARCH", ConsentChannel.DepartmentMailings);
        await withdrawn[0].Client.PutAsJsonAsync("/api/me/consents", new UpdateConsentsRequest
        {
            Changes = [new ConsentChange { Channel = ConsentChannel.DepartmentMailings, Granted = false }],
        }, Json.Options, Ct);
        var campaign = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(topic.Id, arch));

        var audience = await (await admin.GetAsync($"/api/newsletters/audience?topicId={topic.Id}&departmentId={arch}", Ct)).ReadAsync<AudienceResponse>();
        var sent = await (await admin.PostAsync($"/api/newsletters/campaigns/{campaign.Id}/send", null, Ct)).ReadAsync<NewsletterCampaignResponse>();

        var recipients = await NewsletterData.RecipientsAsync(api, campaign.Id);
        Assert.Equal(consenting.Select(m => m.MemberId).Order(), recipients.Select(r => r.MemberId).Order());
        Assert.Equal(3, audience.Count);
        Assert.Equal((CampaignStatus.Sending, 3), (sent.Status, sent.RecipientCount));
        Assert.NotNull(sent.StartedAt);
        Assert.All(recipients, r => Assert.Equal("queued", r.State));
        Assert.Equal([0, 0, 1], recipients.Select(r => r.Batch));
        var jobs = await NewsletterData.JobsAsync(api, campaign.Id);
        Assert.Equal([0, 1], jobs.Select(j => j.Batch));
        Assert.Equal(2, (await NewsletterData.QueryAsync<long>(api,
            "SELECT COUNT(*) FROM jobs j JOIN newsletter_send_batches b ON b.job_id = j.id WHERE b.campaign_id = @Id AND j.kind = 'newsletter.batch'",
            new { campaign.Id })).Single());
        Assert.DoesNotContain(recipients, r => r.MemberId == otherConsent[0].MemberId || r.MemberId == none[0].MemberId || r.MemberId == withdrawn[0].MemberId);
    }

    [Fact]
    public async Task A_coordinators_send_to_event_invitations_reaches_only_members_of_their_department()
    {
        var coordinator = await api.CoordinatorAsync("ENG");
        var eng = await NewsletterData.DepartmentIdAsync(api, "ENG");
        var events = await NewsletterData.TopicAsync(api, "events");
        var own = await NewsletterData.MembersAsync(api, 2, "ENG", ConsentChannel.EventInvitations);
        await NewsletterData.MembersAsync(api, 2, "CULT", ConsentChannel.EventInvitations);
        var campaign = await NewsletterData.CreateAsync(coordinator, NewsletterData.Valid(events.Id, eng));

        var audience = await (await coordinator.GetAsync($"/api/newsletters/audience?topicId={events.Id}", Ct)).ReadAsync<AudienceResponse>();
        var cult = await NewsletterData.DepartmentIdAsync(api, "CULT");
        await (await coordinator.GetAsync($"/api/newsletters/audience?topicId={events.Id}&departmentId={cult}", Ct)).ProblemAsync(403);
        await (await coordinator.PostAsync($"/api/newsletters/campaigns/{campaign.Id}/send", null, Ct)).ReadAsync<NewsletterCampaignResponse>();

        var recipients = await NewsletterData.RecipientsAsync(api, campaign.Id);
        Assert.Equal(own.Select(m => m.MemberId).Order(), recipients.Select(r => r.MemberId).Order());
        Assert.Equal(2, audience.Count);
    }

    [Fact]
    public async Task Two_sends_at_once_start_the_campaign_once_and_an_unknown_field_is_refused_before_anything_changes()
    {
        var admin = await api.AdminAsync();
        var topic = await NewsletterData.TopicAsync(api, "department-asia");
        var asia = await NewsletterData.DepartmentIdAsync(api, "ASIA");
        await NewsletterData.MembersAsync(api, 3, "ASIA", ConsentChannel.DepartmentMailings);
        var broken = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(topic.Id, asia) with { BodySv = "Hej {{ unknown.field }}" });

        var refused = await (await admin.PostAsync($"/api/newsletters/campaigns/{broken.Id}/send", null, Ct)).ProblemAsync(400);
        Assert.Contains("bodySv", refused.Errors!.Keys);
        var unchanged = await (await admin.GetAsync($"/api/newsletters/campaigns/{broken.Id}", Ct)).ReadAsync<NewsletterCampaignResponse>();
        Assert.Equal((CampaignStatus.Draft, 1), (unchanged.Status, unchanged.Version));
        Assert.Empty(await NewsletterData.RecipientsAsync(api, broken.Id));
        var untitled = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(topic.Id, asia) with { SubjectSv = null, SubjectEn = null });
        Assert.Contains("subjectSv", (await (await admin.PostAsync($"/api/newsletters/campaigns/{untitled.Id}/send", null, Ct)).ProblemAsync(400)).Errors!.Keys);

        var campaign = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(topic.Id, asia));
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PostAsync($"/api/newsletters/campaigns/{campaign.Id}/send", null, Ct)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(3, (await NewsletterData.RecipientsAsync(api, campaign.Id)).Count);
        Assert.Equal(2, (await NewsletterData.JobsAsync(api, campaign.Id)).Count);
    }

    [Fact]
    public async Task A_scheduled_send_fires_when_its_time_comes_once_even_with_two_schedules_at_once()
    {
        var admin = await api.AdminAsync();
        var topic = await NewsletterData.TopicAsync(api, "department-eng");
        var eng = await NewsletterData.DepartmentIdAsync(api, "ENG");
        var members = await NewsletterData.MembersAsync(api, 2, "ENG", ConsentChannel.DepartmentMailings);
        var campaign = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(topic.Id, eng));
        var at = DateTimeOffset.UtcNow.AddDays(2);

        await (await admin.PostAsJsonAsync($"/api/newsletters/campaigns/{campaign.Id}/schedule",
            new ScheduleNewsletterCampaignRequest { Id = campaign.Id, ScheduledAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, Json.Options, Ct)).ProblemAsync(400);
        var scheduled = await (await admin.PostAsync($"/api/newsletters/campaigns/{campaign.Id}/schedule", new StringContent(
            $$"""{"scheduledAt":"{{at:O}}"}""", System.Text.Encoding.UTF8, "application/json"), Ct)).ReadAsync<NewsletterCampaignResponse>();
        Assert.Equal(CampaignStatus.Scheduled, scheduled.Status);
        var clock = new ManualClock(at.AddMinutes(-1));

        Assert.Equal(0, await Schedule(clock).RunOnceAsync(Ct));
        Assert.Empty(await NewsletterData.RecipientsAsync(api, campaign.Id));

        clock.Now = at.AddSeconds(3);
        var started = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => Schedule(clock).RunOnceAsync(Ct), Ct)));

        Assert.Equal(1, started.Sum());
        var sending = await (await admin.GetAsync($"/api/newsletters/campaigns/{campaign.Id}", Ct)).ReadAsync<NewsletterCampaignResponse>();
        Assert.Equal((CampaignStatus.Sending, clock.Now, 2), (sending.Status, sending.StartedAt!.Value, sending.RecipientCount));
        Assert.Equal(members.Select(m => m.MemberId).Order(), (await NewsletterData.RecipientsAsync(api, campaign.Id)).Select(r => r.MemberId).Order());
        Assert.Single(await NewsletterData.JobsAsync(api, campaign.Id));
        Assert.Equal(0, await Schedule(clock).RunOnceAsync(Ct));
    }

    [Fact]
    public async Task Pause_stops_the_batches_resume_queues_them_again_and_cancel_skips_the_rest()
    {
        var admin = await api.AdminAsync();
        var topic = await NewsletterData.TopicAsync(api, "department-ling");
        var ling = await NewsletterData.DepartmentIdAsync(api, "LING");
        await NewsletterData.MembersAsync(api, 5, "LING", ConsentChannel.DepartmentMailings);
        var campaign = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(topic.Id, ling));
        var url = $"/api/newsletters/campaigns/{campaign.Id}";
        await (await admin.PostAsync($"{url}/send", null, Ct)).ReadAsync<NewsletterCampaignResponse>();
        var first = await NewsletterData.RunJobsAsync(api, campaign.Id);
        Assert.All(first, j => Assert.Equal("succeeded", j.Status));

        // The batch sender (held here) sent the first batch before the pause.
        await NewsletterData.ExecuteAsync(api, "UPDATE newsletter_recipients SET state = 'sent' WHERE campaign_id = @Id AND batch = 0", new { campaign.Id });
        var paused = await (await admin.PostAsync($"{url}/pause", null, Ct)).ReadAsync<NewsletterCampaignResponse>();
        Assert.Equal(CampaignStatus.Paused, paused.Status);
        await (await admin.PostAsync($"{url}/pause", null, Ct)).ProblemAsync(409);

        var resumed = await (await admin.PostAsync($"{url}/resume", null, Ct)).ReadAsync<NewsletterCampaignResponse>();
        Assert.Equal(CampaignStatus.Sending, resumed.Status);
        await (await admin.PostAsync($"{url}/resume", null, Ct)).ProblemAsync(409);
        var again = await NewsletterData.JobsAsync(api, campaign.Id);
        Assert.Equal(first[0].JobId, again[0].JobId);
        Assert.All(again.Skip(1), j => Assert.DoesNotContain(first, f => f.JobId == j.JobId));
        Assert.Equal([1, 2], again.Skip(1).Select(j => j.Batch));

        var cancelled = await (await admin.PostAsync($"{url}/cancel", null, Ct)).ReadAsync<NewsletterCampaignResponse>();
        Assert.Equal(CampaignStatus.Cancelled, cancelled.Status);
        var recipients = await NewsletterData.RecipientsAsync(api, campaign.Id);
        Assert.Equal(["sent", "sent", "skipped", "skipped", "skipped"], recipients.Select(r => r.State));
        Assert.All(recipients.Where(r => r.State == "skipped"), r => Assert.Equal("cancelled", r.Reason));
        await (await admin.PostAsync($"{url}/cancel", null, Ct)).ProblemAsync(409);
        await (await admin.PostAsync($"{url}/resume", null, Ct)).ProblemAsync(409);
        await (await admin.PostAsync($"{url}/send", null, Ct)).ProblemAsync(409);
        var actions = await NewsletterData.QueryAsync<string>(api, "SELECT action FROM audit_log WHERE entity_id = @Id ORDER BY at", new { Id = campaign.Id.ToString() });
        Assert.Equal(["newsletter.campaign-create", "newsletter.campaign-start", "newsletter.campaign-pause", "newsletter.campaign-resume", "newsletter.campaign-cancel"], actions);
    }

    [Fact]
    public async Task Illegal_moves_are_409s()
    {
        var admin = await api.AdminAsync();
        var central = await NewsletterData.TopicAsync(api, "central");
        var draft = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(central.Id, name: "Illegal"));
        var url = $"/api/newsletters/campaigns/{draft.Id}";

        await (await admin.PostAsync($"{url}/pause", null, Ct)).ProblemAsync(409);
        await (await admin.PostAsync($"{url}/resume", null, Ct)).ProblemAsync(409);
        await (await admin.PostAsync($"{url}/uncertain/resend", null, Ct)).ProblemAsync(409);
        await (await admin.PostAsync($"{url}/uncertain/settle", null, Ct)).ProblemAsync(409);
        await (await admin.PostAsync($"/api/newsletters/campaigns/{Guid.NewGuid()}/pause", null, Ct)).ProblemAsync(404);

        var sending = await (await admin.PostAsync($"{url}/send", null, Ct)).ReadAsync<NewsletterCampaignResponse>();
        await (await admin.PostAsync($"{url}/send", null, Ct)).ProblemAsync(409);
        await (await admin.PostAsJsonAsync($"{url}/schedule", new ScheduleNewsletterCampaignRequest { Id = draft.Id, ScheduledAt = DateTimeOffset.UtcNow.AddDays(1) },
            Json.Options, Ct)).ProblemAsync(409);
        await (await CampaignTests.PutAsync(admin, draft.Id, CampaignTests.Update(draft.Id, NewsletterData.Valid(central.Id)), $"\"{sending.Version}\"")).ProblemAsync(409);
    }

    [Fact]
    public async Task The_operator_resends_the_uncertain_recipients_or_records_them_as_not_resent()
    {
        var admin = await api.AdminAsync();
        var topic = await NewsletterData.TopicAsync(api, "department-cult");
        var cult = await NewsletterData.DepartmentIdAsync(api, "CULT");
        await NewsletterData.MembersAsync(api, 4, "CULT", ConsentChannel.DepartmentMailings);
        var campaign = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(topic.Id, cult));
        var url = $"/api/newsletters/campaigns/{campaign.Id}";
        await (await admin.PostAsync($"{url}/send", null, Ct)).ReadAsync<NewsletterCampaignResponse>();
        await NewsletterData.RunJobsAsync(api, campaign.Id);
        // What the sender leaves after a crash: batch 0 sent but one in flight, batch 1 in flight; the campaign finished.
        var members = (await NewsletterData.RecipientsAsync(api, campaign.Id)).Select(r => r.MemberId).ToList();
        await NewsletterData.ExecuteAsync(api, "UPDATE newsletter_recipients SET state = 'sent' WHERE campaign_id = @Id", new { campaign.Id });
        foreach (var member in members.Skip(1).Take(2))
        {
            await NewsletterData.ExecuteAsync(api, "UPDATE newsletter_recipients SET state = 'uncertain' WHERE campaign_id = @Id AND member_id = @Member",
                new { campaign.Id, Member = member });
        }
        await NewsletterData.ExecuteAsync(api, "UPDATE newsletter_campaigns SET status = 'sent' WHERE id = @Id", new { campaign.Id });

        var figures = await (await admin.GetAsync($"{url}/figures", Ct)).ReadAsync<CampaignFiguresResponse>();
        Assert.Equal((4, 2, 2, 0, 0), (figures.Recipients, figures.Sent, figures.Uncertain, figures.Queued, figures.Failed));
        var uncertainPage = await (await admin.GetAsync($"{url}/recipients?state=uncertain", Ct)).ReadAsync<Paged<RecipientResponse>>();
        Assert.Equal(2, uncertainPage.Total);
        Assert.All(uncertainPage.Items, r => Assert.StartsWith("Member Number", r.Name, StringComparison.Ordinal));

        var resent = await (await admin.PostAsync($"{url}/uncertain/resend", null, Ct)).ReadAsync<UncertainResponse>();
        Assert.Equal((2, CampaignStatus.Sending), (resent.Recipients, resent.Status));
        var recipients = await NewsletterData.RecipientsAsync(api, campaign.Id);
        Assert.Equal(["sent", "queued", "queued", "sent"], recipients.Select(r => r.State));
        var jobs = await NewsletterData.JobsAsync(api, campaign.Id);
        Assert.Equal(2, jobs.Count(j => j.Status == "queued" || j.Status == "running" || j.Status == "succeeded"));

        // Again in flight when the sender stopped; this time the operator does not resend.
        await NewsletterData.RunJobsAsync(api, campaign.Id);
        await NewsletterData.ExecuteAsync(api, "UPDATE newsletter_recipients SET state = 'uncertain' WHERE campaign_id = @Id AND state = 'queued'", new { campaign.Id });
        var settled = await (await admin.PostAsync($"{url}/uncertain/settle", null, Ct)).ReadAsync<UncertainResponse>();
        Assert.Equal((2, CampaignStatus.Sent), (settled.Recipients, settled.Status));
        var after = await NewsletterData.RecipientsAsync(api, campaign.Id);
        Assert.Equal(["sent", "skipped", "skipped", "sent"], after.Select(r => r.State));
        Assert.All(after.Where(r => r.State == "skipped"), r => Assert.Equal("not resent (uncertain)", r.Reason));
        await (await admin.PostAsync($"{url}/uncertain/settle", null, Ct)).ProblemAsync(409);
    }

    [Fact]
    public async Task The_figures_count_states_bounces_and_unsubscribes_and_the_topic_figures_count_by_month()
    {
        var admin = await api.AdminAsync();
        var topic = await NewsletterData.TopicAsync(api, "department-econ");
        var econ = await NewsletterData.DepartmentIdAsync(api, "ECON");
        await NewsletterData.MembersAsync(api, 3, "ECON", ConsentChannel.DepartmentMailings);
        var campaign = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(topic.Id, econ));
        await (await admin.PostAsync($"/api/newsletters/campaigns/{campaign.Id}/send", null, Ct)).ReadAsync<NewsletterCampaignResponse>();
        var now = DateTimeOffset.UtcNow;
        var members = (await NewsletterData.RecipientsAsync(api, campaign.Id)).Select(r => r.MemberId).ToList();
        await NewsletterData.ExecuteAsync(api, "UPDATE newsletter_recipients SET state = 'sent', updated_at = @Now WHERE campaign_id = @Id AND member_id <> @Last",
            new { campaign.Id, Now = now, Last = members[2] });
        await NewsletterData.ExecuteAsync(api, "UPDATE newsletter_recipients SET state = 'failed', reason = '550 no such user' WHERE campaign_id = @Id AND member_id = @Last",
            new { campaign.Id, Last = members[2] });
        await NewsletterData.ExecuteAsync(api, """
            INSERT INTO newsletter_bounces (id, email, kind, reason, source, campaign_id, created_at) VALUES (@B, 'x@alumni.test', 'hard', NULL, 'api', @Id, @Now)
            """, new { B = Guid.CreateVersion7(), campaign.Id, Now = now });
        await NewsletterData.ExecuteAsync(api, """
            INSERT INTO newsletter_unsubscribes (id, member_id, topic_id, campaign_id, method, created_at) VALUES (@U, @Member, @Topic, @Id, 'oneClick', @Now)
            """, new { U = Guid.CreateVersion7(), Member = members[0], Topic = topic.Id, campaign.Id, Now = now });

        var figures = await (await admin.GetAsync($"/api/newsletters/campaigns/{campaign.Id}/figures", Ct)).ReadAsync<CampaignFiguresResponse>();
        var topics = await (await admin.GetAsync("/api/newsletters/figures/topics?months=2", Ct)).ReadAsync<TopicFiguresResponse>();

        Assert.Equal((3, 2, 1, 0, 1, 1), (figures.Recipients, figures.Sent, figures.Failed, figures.Queued, figures.Bounces, figures.Unsubscribes));
        var econFigures = topics.Topics.Single(t => t.TopicId == topic.Id);
        var month = econFigures.Months.Single(m => m.Month == now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((2, 1), (month.Sent, month.Unsubscribes));
        Assert.True(econFigures.SubscribersNow >= 3);
        var failed = await (await admin.GetAsync($"/api/newsletters/campaigns/{campaign.Id}/recipients?state=failed", Ct)).ReadAsync<Paged<RecipientResponse>>();
        Assert.Equal(("550 no such user", RecipientState.Failed), (Assert.Single(failed.Items).Reason, failed.Items[0].State));
        await (await admin.GetAsync("/api/newsletters/figures/topics?months=0", Ct)).ProblemAsync(400);
        var econCoordinator = await api.CoordinatorAsync("ECON");
        var theirs = await (await econCoordinator.GetAsync("/api/newsletters/figures/topics", Ct)).ReadAsync<TopicFiguresResponse>();
        Assert.Contains(theirs.Topics.Single(t => t.TopicId == topic.Id).Months, m => m.Sent == 2);
        var dsvCoordinator = await api.CoordinatorAsync("DSV");
        var notTheirs = await (await dsvCoordinator.GetAsync("/api/newsletters/figures/topics", Ct)).ReadAsync<TopicFiguresResponse>();
        Assert.All(notTheirs.Topics.Single(t => t.TopicId == topic.Id).Months, m => Assert.Equal(0, m.Sent));
    }

    [Fact]
    public async Task A_campaign_with_a_segment_goes_only_to_the_topics_subscribers_in_the_segment()
    {
        var admin = await api.AdminAsync();
        var central = await NewsletterData.TopicAsync(api, "central");
        var inSegment = await NewsletterData.MembersAsync(api, 2, "HIST", ConsentChannel.CentralNewsletter);
        var segmentWithoutConsent = await NewsletterData.MembersAsync(api, 1, "HIST");
        var outsideSegment = await NewsletterData.MembersAsync(api, 2, "PHIL", ConsentChannel.CentralNewsletter);
        var segment = Guid.CreateVersion7();
        await NewsletterData.ExecuteAsync(api, """
            INSERT INTO newsletter_segments (id, name, department_id, filter, created_at, updated_at, version)
            VALUES (@Id, 'History alumni', NULL, '{"departments":["HIST"]}', @Now, @Now, 1)
            """, new { Id = segment, Now = DateTimeOffset.UtcNow });
        var campaign = await NewsletterData.CreateAsync(admin, NewsletterData.Valid(central.Id) with { SegmentId = segment });

        var audience = await (await admin.GetAsync($"/api/newsletters/audience?topicId={central.Id}&segmentId={segment}", Ct)).ReadAsync<AudienceResponse>();
        await (await admin.PostAsync($"/api/newsletters/campaigns/{campaign.Id}/send", null, Ct)).ReadAsync<NewsletterCampaignResponse>();

        var recipients = (await NewsletterData.RecipientsAsync(api, campaign.Id)).Select(r => r.MemberId).ToHashSet();
        Assert.True(recipients.SetEquals(inSegment.Select(m => m.MemberId)), "only the consenting members of the segment");
        Assert.Equal(2, audience.Count);
        Assert.DoesNotContain(segmentWithoutConsent[0].MemberId, recipients);
        Assert.DoesNotContain(outsideSegment[0].MemberId, recipients);
    }

    private CampaignSchedule Schedule(TimeProvider clock) => ActivatorUtilities.CreateInstance<CampaignSchedule>(api.Services, clock);
}
