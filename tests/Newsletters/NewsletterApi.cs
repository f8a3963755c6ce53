using System.Collections.Concurrent;
using Alumni.Api.Features.Newsletters.Campaigns;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Data;
using Alumni.Api.Infrastructure.Http;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// The API for the campaign tests: the scheduler off (the tests run it on their clock), batches of two recipients, a
/// small stand-in for the renderer (<see cref="TestMailFactory"/>) and a batch job that sends nothing and says so
/// (<see cref="HeldBatches"/>), so that what the campaign endpoints write can be read back as it was left.
/// </summary>
public sealed class NewsletterSqliteApi : SqliteApi
{
    protected override void ConfigureHost(IWebHostBuilder builder) => NewsletterHost.Configure(builder);
}

public sealed class NewsletterSqlServerApi : SqlServerApi
{
    protected override void ConfigureHost(IWebHostBuilder builder) => NewsletterHost.Configure(builder);
}

internal static class NewsletterHost
{
    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Newsletters:ScheduleEnabled", "false");
        builder.UseSetting("Newsletters:BatchSize", "2");
        builder.ConfigureServices(services =>
        {
            // The slice's own batch sender (once there) is replaced: these tests hold what the campaign endpoints wrote.
            var senders = services.Where(d => d.ServiceType == typeof(IJobHandler)
                && d.ImplementationType?.Namespace?.StartsWith("Alumni.Api.Features.Newsletters", StringComparison.Ordinal) == true).ToList();
            foreach (var sender in senders)
            {
                services.Remove(sender);
            }

            services.AddSingleton<HeldBatches>();
            services.AddSingleton<IJobHandler>(p => p.GetRequiredService<HeldBatches>());
        });
    }
}

/// <summary>Compiles nothing: refuses a campaign whose subject or body names <c>{{ unknown }}</c>, as the renderer refuses an unknown field.</summary>
public sealed class TestMailFactory(Database db) : ICampaignMailFactory
{
    private static readonly Sql Texts = Sql.Portable("""
        SELECT subject_sv AS SubjectSv, subject_en AS SubjectEn, body_sv AS BodySv, body_en AS BodyEn FROM newsletter_campaigns WHERE id = @Id
        """);

    public ConcurrentBag<Guid> Prepared { get; } = [];

    public async Task<ICampaignMail> PrepareAsync(Guid campaignId, CancellationToken ct)
    {
        await using var session = await db.OpenAsync(ct);
        var texts = await session.QuerySingleOrDefaultAsync<CampaignTexts>(Texts, new { Id = campaignId }, ct) ?? new CampaignTexts();
        foreach (var (field, text) in new[] { ("subjectSv", texts.SubjectSv), ("subjectEn", texts.SubjectEn), ("bodySv", texts.BodySv), ("bodyEn", texts.BodyEn) })
        {
            if (text?.Contains("{{ unknown", StringComparison.Ordinal) == true)
            {
                throw ProblemException.Field(field, "unknown is not a personal field.");
            }
        }

        Prepared.Add(campaignId);
        return new Mail();
    }

    private sealed class Mail : ICampaignMail
    {
        public RenderedMail Render(MailRecipient recipient) => new("Subject", "<p>Body</p>", "Body");
    }

    private sealed record CampaignTexts
    {
        public string? SubjectSv { get; init; }
        public string? SubjectEn { get; init; }
        public string? BodySv { get; init; }
        public string? BodyEn { get; init; }
    }
}

/// <summary>The batch job, held: it sends nothing and ends, so its job row says it ran.</summary>
public sealed class HeldBatches : IJobHandler
{
    public string Kind => CampaignSending.BatchJobKind;

    public ConcurrentBag<Guid> Ran { get; } = [];

    public Task RunAsync(Job job, CancellationToken ct)
    {
        Ran.Add(job.Id);
        return Task.CompletedTask;
    }
}
