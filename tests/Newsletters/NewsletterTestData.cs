using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>Topics and campaigns stored as rows, as the campaign endpoints store them, for the rendering tests.</summary>
public static class NewsletterTestData
{
    private static readonly Sql InsertTopic = Sql.Portable("""
        INSERT INTO newsletter_topics (id, topic_key, kind, department_id, consent_channel, name_sv, name_en, active, created_at, updated_at, version)
        VALUES (@Id, @Key, @Kind, (SELECT id FROM department_directory WHERE code = @DepartmentCode), @Channel, @NameSv, @NameEn, 1, @Now, @Now, 1)
        """);

    private static readonly Sql InsertCampaign = Sql.Portable("""
        INSERT INTO newsletter_campaigns (id, kind, name, department_id, topic_id, event_id, subject_sv, subject_en, preheader_sv, preheader_en,
                                          body_sv, body_en, status, created_at, updated_at, version)
        VALUES (@Id, @Kind, @Name, (SELECT id FROM department_directory WHERE code = @DepartmentCode), @TopicId, @EventId, @SubjectSv, @SubjectEn,
                @PreheaderSv, @PreheaderEn, @BodySv, @BodyEn, 'draft', @Now, @Now, 1)
        """);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Stores a topic (a department's when a code is given, else the central newsletter's kind).</summary>
    public static async Task<Guid> TopicAsync(ApiFixture api, string? departmentCode = null)
    {
        var id = Guid.CreateVersion7();
        var key = "test-" + id.ToString("N")[^12..];
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        await session.ExecuteAsync(InsertTopic, new
        {
            Id = id,
            Key = key,
            Kind = departmentCode is null ? "central" : "department",
            DepartmentCode = departmentCode,
            Channel = departmentCode is null ? "CentralNewsletter" : "DepartmentMailings",
            NameSv = "Nyhetsbrev " + key,
            NameEn = "Newsletter " + key,
            Now = DateTimeOffset.UtcNow,
        }, Ct);
        await session.CommitAsync(Ct);
        return id;
    }

    /// <summary>Stores a draft campaign with these texts (a department's when a code is given).</summary>
    public static async Task<Guid> CampaignAsync(ApiFixture api, Guid topicId, string? subjectSv = "Hej {{ member.first_name }}",
        string? bodySv = "Välkommen, {{ member.full_name }}!", string? subjectEn = "Hello {{ member.first_name }}", string? bodyEn = "Welcome, {{ member.full_name }}!",
        string? departmentCode = null, Guid? eventId = null, string? preheaderSv = "Nytt från alumninätverket", string? preheaderEn = "News from the alumni network")
    {
        var id = Guid.CreateVersion7();
        await using var session = await api.Services.GetRequiredService<Database>().BeginAsync(Ct);
        await session.ExecuteAsync(InsertCampaign, new
        {
            Id = id,
            Kind = eventId is null ? "newsletter" : "invitation",
            Name = "Campaign " + id.ToString("N")[^8..],
            DepartmentCode = departmentCode,
            TopicId = topicId,
            EventId = eventId,
            SubjectSv = subjectSv,
            SubjectEn = subjectEn,
            PreheaderSv = preheaderSv,
            PreheaderEn = preheaderEn,
            BodySv = bodySv,
            BodyEn = bodyEn,
            Now = DateTimeOffset.UtcNow,
        }, Ct);
        await session.CommitAsync(Ct);
        return id;
    }
}
