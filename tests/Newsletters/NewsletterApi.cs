using System.Collections.Concurrent;
using Alumni.Api.Features.Newsletters.Campaigns;
using Alumni.Api.Infrastructure.Jobs;
using Alumni.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// The API for the campaign tests: the scheduler off (the tests run it on their clock), batches of two recipients, and
/// a batch job that sends nothing and says so (<see cref="HeldBatches"/>), so that what the campaign endpoints write
/// can be read back as it was left. The mail is compiled by the real renderer.
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
                && (d.ImplementationType ?? d.ImplementationInstance?.GetType() ?? d.ImplementationFactory?.Method.DeclaringType)?.Namespace?
                    .StartsWith("Alumni.Api.Features.Newsletters", StringComparison.Ordinal) == true).ToList();
            foreach (var sender in senders)
            {
                services.Remove(sender);
            }

            services.AddSingleton<HeldBatches>();
            services.AddSingleton<IJobHandler>(p => p.GetRequiredService<HeldBatches>());
        });
    }
}

/// <summary>The batch job, held: it sends nothing and ends, so its job row says it ran.</summary>
public sealed class HeldBatches : IJobHandler
{
    public string Kind => Alumni.Api.Features.Newsletters.Sending.NewsletterBatchJob.JobKind;

    public ConcurrentBag<Guid> Ran { get; } = [];

    public Task RunAsync(Job job, CancellationToken ct)
    {
        Ran.Add(job.Id);
        return Task.CompletedTask;
    }
}
