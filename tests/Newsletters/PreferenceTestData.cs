using System.Net;
using System.Net.Http.Json;
using Alumni.Api.Features.Newsletters;
using Alumni.Api.Features.Newsletters.Preferences;
using Alumni.Api.Features.Newsletters.Topics;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Events;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Api.Tests.Members;
using Alumni.Contracts.Members;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>The topics a member sees (whichever made them: the seeding at start-up, or these tests).</summary>
public sealed record TestTopics(Guid Central, Guid Events, Guid Dsv, Guid Eng);

/// <summary>
/// Topics, members, campaigns and links for the preference and bounce tests. Topics are looked up by kind and
/// department and made only when missing (so that the start-up seeding, once there, is used as it is).
/// </summary>
public static class PreferenceTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Sql FindTopic = Sql.Portable("""
        SELECT t.id FROM newsletter_topics t
        WHERE t.kind = @Kind AND t.active = 1
          AND (t.department_id = (SELECT d.id FROM departments d WHERE d.code = @Code) OR @Code IS NULL AND t.department_id IS NULL)
        ORDER BY t.created_at, t.id
        """);

    private static readonly Sql InsertTopic = Sql.Portable("""
        INSERT INTO newsletter_topics (id, topic_key, kind, department_id, consent_channel, name_sv, name_en, active, created_at, updated_at)
        VALUES (@Id, @Key, @Kind, (SELECT d.id FROM departments d WHERE d.code = @Code), @Channel, @Name, @Name, 1, @Now, @Now)
        """);

    private static readonly Sql InsertCampaign = Sql.Portable("""
        INSERT INTO newsletter_campaigns (id, name, topic_id, status, created_at, updated_at)
        VALUES (@Id, 'Test campaign', @TopicId, 'sending', @Now, @Now)
        """);

    private static readonly Sql MemberByEmail = Sql.Portable("SELECT id FROM members WHERE email = @Email");

    private static readonly Sql Audience = Sql.Portable($"""
        SELECT COUNT(*) FROM member_contacts c WHERE c.member_id = @MemberId AND {TopicAudience.Subscribed}
        """);

    private static readonly SemaphoreSlim Making = new(1, 1);

    public static readonly ConsentChannel[] AllThree =
        [ConsentChannel.CentralNewsletter, ConsentChannel.DepartmentMailings, ConsentChannel.EventInvitations];

    /// <summary>The central, events, DSV and ENG topics (made when missing).</summary>
    public static async Task<TestTopics> TopicsAsync(ApiFixture api)
    {
        await Making.WaitAsync(Ct);
        try
        {
            return new TestTopics(
                await TopicAsync(api, "central", null, ConsentChannel.CentralNewsletter),
                await TopicAsync(api, "events", null, ConsentChannel.EventInvitations),
                await TopicAsync(api, "department", "DSV", ConsentChannel.DepartmentMailings),
                await TopicAsync(api, "department", "ENG", ConsentChannel.DepartmentMailings));
        }
        finally
        {
            Making.Release();
        }
    }

    /// <summary>An active member of a department (signed up, signed in, confirmed) with these consents (all three newsletter ones unless told).</summary>
    public static async Task<TestMember> MemberAsync(ApiFixture api, string department = "DSV", IReadOnlyList<ConsentChannel>? consents = null)
    {
        var email = $"nl-{Guid.NewGuid():N}@alumni.test";
        using (var visitor = api.NewClient())
        {
            var response = await visitor.PostAsJsonAsync("/api/members/sign-up", MemberClients.SignUpFor(email, department, consents: consents ?? AllThree), Json.Options, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var client = await Infrastructure.Identity.SignInAsync(api.NewClient(), api.Mail, email);
        await MemberClients.ConfirmAsync(client);
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return new TestMember(email, (await session.ExecuteScalarAsync<Guid?>(MemberByEmail, new { Email = email }, Ct))!.Value, client);
    }

    /// <summary>A campaign (as sending) to a topic.</summary>
    public static async Task<Guid> CampaignAsync(ApiFixture api, Guid topicId)
    {
        var id = Guid.CreateVersion7();
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        await session.ExecuteAsync(InsertCampaign, new { Id = id, TopicId = topicId, Now = DateTimeOffset.UtcNow }, Ct);
        return id;
    }

    /// <summary>A preference link's token for the member and campaign, as a mail would carry it.</summary>
    public static async Task<string> TokenAsync(ApiFixture api, Guid memberId, Guid? campaignId = null)
    {
        var links = api.Services.GetRequiredService<PreferenceLinks>();
        await links.EnsureKeyAsync(Ct);
        return links.Token(memberId, campaignId);
    }

    /// <summary>A token signed with the installation's key on another clock (one long past: an expired token).</summary>
    public static async Task<string> TokenAtAsync(ApiFixture api, TimeProvider clock, Guid memberId, Guid? campaignId = null)
    {
        var links = new PreferenceLinks(api.Services.GetRequiredService<AppSecrets>(), api.Services.GetRequiredService<IOptions<NewsletterOptions>>(), clock);
        await links.EnsureKeyAsync(Ct);
        return links.Token(memberId, campaignId);
    }

    /// <summary>Whether the member is on the topic, by THE condition the sends use (<see cref="TopicAudience.Subscribed"/>).</summary>
    public static async Task<bool> OnTopicAsync(ApiFixture api, Guid memberId, Guid topicId)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.ExecuteScalarAsync<long>(Audience, new { MemberId = memberId, TopicId = topicId }, Ct) == 1;
    }

    /// <summary>Rows of a query about one member (for checking what changed).</summary>
    public static async Task<IReadOnlyList<T>> RowsAsync<T>(ApiFixture api, string sql, object args)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        return await session.QueryAsync<T>(Sql.Portable(sql), args, Ct);
    }

    private static async Task<Guid> TopicAsync(ApiFixture api, string kind, string? code, ConsentChannel channel)
    {
        await using var session = await api.Services.GetRequiredService<Database>().OpenAsync(Ct);
        if (await session.ExecuteScalarAsync<Guid?>(FindTopic, new { Kind = kind, Code = code }, Ct) is { } found)
        {
            return found;
        }

        var id = Guid.CreateVersion7();
        await session.ExecuteAsync(InsertTopic, new
        {
            Id = id,
            Key = code is null ? kind : $"department-{code.ToLowerInvariant()}",
            Kind = kind,
            Code = code,
            Channel = channel.ToString(),
            Name = code is null ? $"The {kind} topic" : $"{code} mailings",
            Now = DateTimeOffset.UtcNow,
        }, Ct);
        return id;
    }
}
