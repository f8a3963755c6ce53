using System.Net.Http.Json;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Members;
using Alumni.Contracts.Newsletters;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>Topics, members with their consents, campaigns and what a send wrote, for the newsletter tests.</summary>
public static class NewsletterData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The topic with this key (<c>central</c>, <c>events</c>, <c>department-dsv</c>).</summary>
    public static async Task<TopicResponse> TopicAsync(ApiFixture api, string key)
    {
        var topics = await (await (await api.AdminAsync()).GetAsync("/api/newsletters/topics", Ct)).ReadAsync<List<TopicResponse>>();
        return topics.Single(t => t.Key == key);
    }

    /// <summary>Members of a department (imported, signed in) who gave these consents themselves.</summary>
    public static async Task<IReadOnlyList<TestMember>> MembersAsync(ApiFixture api, int count, string department, params ConsentChannel[] consents)
    {
        var members = await EventTestData.MembersAsync(api, count, department);
        foreach (var member in members.Where(_ => consents.Length > 0))
        {
            var changes = new UpdateConsentsRequest { Changes = consents.Select(c => new ConsentChange { Channel = c, Granted = true }).ToList() };
            var response = await member.Client.PutAsJsonAsync("/api/me/consents", changes, Json.Options, Ct);
            await response.ReadAsync<MemberResponse>();
        }

        return members;
    }

    /// <summary>A campaign request with both languages written.</summary>
    public static CreateNewsletterCampaignRequest Valid(Guid topicId, Guid? departmentId = null, string name = "Spring news") => new()
    {
        Name = name,
        TopicId = topicId,
        DepartmentId = departmentId,
        SubjectSv = "Vårnytt",
        SubjectEn = "Spring news",
        PreheaderSv = "Det här händer i vår",
        PreheaderEn = "What happens this spring",
        BodySv = "Hej {{ member.first_name }}!\n\nVälkommen tillbaka.",
        BodyEn = "Hi {{ member.first_name }}!\n\nWelcome back.",
    };

    public static async Task<NewsletterCampaignResponse> CreateAsync(HttpClient staff, CreateNewsletterCampaignRequest request) =>
        await (await staff.PostAsJsonAsync("/api/newsletters/campaigns", request, Json.Options, Ct)).ReadAsync<NewsletterCampaignResponse>();

    public static async Task<Guid> DepartmentIdAsync(ApiFixture api, string code) =>
        Assert.Single(await QueryAsync<Guid>(api, "SELECT id FROM department_directory WHERE code = @Code", new { Code = code }));

    /// <summary>A campaign's recipients as stored: member, state, reason, batch.</summary>
    public static async Task<IReadOnlyList<StoredRecipient>> RecipientsAsync(ApiFixture api, Guid campaignId) =>
        await QueryAsync<StoredRecipient>(api, """
            SELECT member_id AS MemberId, state AS State, reason AS Reason, batch AS Batch, language AS Language
            FROM newsletter_recipients WHERE campaign_id = @Id ORDER BY batch, member_id
            """, new { Id = campaignId });

    /// <summary>The current job of each of a campaign's batches: batch, job id, job status.</summary>
    public static async Task<IReadOnlyList<StoredJob>> JobsAsync(ApiFixture api, Guid campaignId) =>
        await QueryAsync<StoredJob>(api, """
            SELECT b.batch AS Batch, j.id AS JobId, j.status AS Status
            FROM newsletter_send_batches b JOIN jobs j ON j.id = b.job_id
            WHERE b.campaign_id = @Id ORDER BY b.batch
            """, new { Id = campaignId });

    /// <summary>Waits until the campaign's batch jobs have all run (or a minute has passed) and answers them.</summary>
    public static async Task<IReadOnlyList<StoredJob>> RunJobsAsync(ApiFixture api, Guid campaignId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var jobs = await JobsAsync(api, campaignId);
            if (jobs.All(j => j.Status is not ("queued" or "running")) || DateTime.UtcNow > deadline)
            {
                return jobs;
            }

            await Task.Delay(50, Ct);
        }
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(ApiFixture api, string sql, object? args)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.QueryAsync<T>(Sql.Portable(sql), args, Ct);
    }

    public static async Task ExecuteAsync(ApiFixture api, string sql, object? args)
    {
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        await session.ExecuteAsync(Sql.Portable(sql), args, Ct);
        await session.CommitAsync(Ct);
    }
}

public sealed record StoredRecipient
{
    public Guid MemberId { get; init; }
    public string State { get; init; } = "";
    public string? Reason { get; init; }
    public int Batch { get; init; }
    public string Language { get; init; } = "";
}

public sealed record StoredJob
{
    public int Batch { get; init; }
    public Guid JobId { get; init; }
    public string Status { get; init; } = "";
}
