using System.Net;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Tests.Infrastructure;
using Alumni.Contracts.Dev;
using Alumni.Contracts.Problems;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Email;

/// <summary>GET /api/dev/mailbox through real HTTP: a 404 problem outside Development, the mail folder in it.</summary>
public sealed class DevMailboxEndpointTests(SqliteApi api) : IClassFixture<SqliteApi>, IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "alumni-tests", "mail-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? development;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>The API in Development on Kestrel at 127.0.0.1, with no relay and its mail folder in a temporary folder.</summary>
    private async Task<WebApplicationFactory<Program>> DevelopmentAsync()
    {
        if (development is null)
        {
            development = api.CreateFactory(await api.CreateAnotherDatabaseAsync(), builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("Smtp:MailDirectory", folder);
                builder.UseSetting("Smtp:Host", "");
            });
            development.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            development.StartServer();
        }

        return development;
    }

    [Fact]
    public async Task Outside_development_the_mailbox_is_a_404_problem()
    {
        var problem = await (await api.Client.GetAsync("/api/dev/mailbox", Ct)).ProblemAsync(404);

        Assert.Equal(ProblemTypes.NotFound, problem.Type);
    }

    [Fact]
    public async Task Outside_development_an_invalid_limit_is_a_404_problem_too()
    {
        var problem = await (await api.Client.GetAsync("/api/dev/mailbox?limit=0", Ct)).ProblemAsync(404);

        Assert.Equal(ProblemTypes.NotFound, problem.Type);
    }

    [Fact]
    public async Task In_development_the_mailbox_lists_the_mail_sent_newest_first()
    {
        var factory = await DevelopmentAsync();
        using var client = factory.CreateClient();
        var sender = factory.Services.GetRequiredService<IEmailSender>();
        Assert.IsType<FileEmailSender>(sender);
        Assert.Empty(await (await client.GetAsync("/api/dev/mailbox", Ct)).ReadAsync<List<DevMailboxMessage>>());

        await sender.SendAsync(new EmailMessage("first@alumni.example", null, "First", "The first.", "<p>The first.</p>"), Ct);
        await sender.SendAsync(new EmailMessage("second@alumni.example", "Second Person", "Second", "The second.", "<p>The second.</p>"), Ct);

        var response = await client.GetAsync("/api/dev/mailbox", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = await response.ReadAsync<List<DevMailboxMessage>>();
        Assert.Equal(["second@alumni.example", "first@alumni.example"], messages.Select(m => m.To));
        Assert.Equal(["Second", "First"], messages.Select(m => m.Subject));
        Assert.Equal(["The second.", "The first."], messages.Select(m => m.Text.TrimEnd()));
        Assert.Equal(Directory.GetFiles(folder, "*.eml").Select(Path.GetFileNameWithoutExtension).OrderDescending(StringComparer.Ordinal), messages.Select(m => m.Id));
        Assert.True(messages[0].SentAt >= messages[1].SentAt);
        Assert.All(messages, m => Assert.Equal(TimeSpan.Zero, m.SentAt.Offset));

        var newest = await (await client.GetAsync("/api/dev/mailbox?limit=1", Ct)).ReadAsync<List<DevMailboxMessage>>();
        Assert.Equal(["Second"], newest.Select(m => m.Subject));
    }

    [Fact]
    public async Task In_development_a_messages_files_are_listed_and_downloaded()
    {
        var factory = await DevelopmentAsync();
        using var client = factory.CreateClient();
        var ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray();
        await factory.Services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage("files@alumni.example", null, "With files", "f", "<p>f</p>",
            [new EmailAttachment("Alumnidag 2026.ics", "text/calendar; method=PUBLISH", ics)]), Ct);

        var message = (await (await client.GetAsync("/api/dev/mailbox", Ct)).ReadAsync<List<DevMailboxMessage>>()).First(m => m.Subject == "With files");
        var file = Assert.Single(message.Attachments);
        Assert.Equal((0, "Alumnidag 2026.ics", "text/calendar", ics.Length, (string?)null), (file.Index, file.FileName, file.MediaType, (int)file.Size, file.ContentId));

        var download = await client.GetAsync($"/api/dev/mailbox/{message.Id}/attachments/0", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/calendar", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Alumnidag 2026.ics", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(ics, await download.Content.ReadAsByteArrayAsync(Ct));

        Assert.Equal(ProblemTypes.NotFound, (await (await client.GetAsync($"/api/dev/mailbox/{message.Id}/attachments/1", Ct)).ProblemAsync(404)).Type);
        Assert.Equal(ProblemTypes.NotFound, (await (await client.GetAsync("/api/dev/mailbox/nothing-here/attachments/0", Ct)).ProblemAsync(404)).Type);
    }

    [Fact]
    public async Task In_development_a_messages_headers_are_listed_in_order_and_unfolded()
    {
        var factory = await DevelopmentAsync();
        using var client = factory.CreateClient();
        var oneClick = "https://alumni.example/api/newsletters/unsubscribe/" + new string('t', 120);
        await factory.Services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage("headers@alumni.example", null, "With headers", "h", "<p>h</p>",
            Headers:
            [
                new("List-Unsubscribe", $"<{oneClick}>, <mailto:unsubscribe@alumni.example?subject=unsubscribe-x>"),
                new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
                new("List-Id", "Centrala nyhetsbrevet <central.alumni.example>"),
            ]), Ct);

        var message = (await (await client.GetAsync("/api/dev/mailbox", Ct)).ReadAsync<List<DevMailboxMessage>>()).First(m => m.Subject == "With headers");
        var listHeaders = message.Headers.Where(h => h.Name.StartsWith("List-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"], listHeaders.Select(h => h.Name));
        Assert.Equal($"<{oneClick}>, <mailto:unsubscribe@alumni.example?subject=unsubscribe-x>", listHeaders[0].Value);
        Assert.Equal("List-Unsubscribe=One-Click", listHeaders[1].Value);
        Assert.Equal("Centrala nyhetsbrevet <central.alumni.example>", listHeaders[2].Value);
        Assert.Contains(message.Headers, h => h.Name == "Subject" && h.Value == "With headers");
        Assert.All(message.Headers, h => Assert.DoesNotContain('\n', h.Value));
    }

    [Fact]
    public async Task Outside_development_a_file_of_the_mailbox_is_a_404_problem()
    {
        var problem = await (await api.Client.GetAsync("/api/dev/mailbox/20260101T0000000000000-0/attachments/0", Ct)).ProblemAsync(404);

        Assert.Equal(ProblemTypes.NotFound, problem.Type);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    public async Task In_development_a_limit_out_of_range_is_a_validation_problem(string limit)
    {
        using var client = (await DevelopmentAsync()).CreateClient();

        var problem = await (await client.GetAsync($"/api/dev/mailbox?limit={limit}", Ct)).ProblemAsync(400);

        Assert.Equal(ProblemTypes.ValidationFailed, problem.Type);
        Assert.Equal(["limit"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task In_development_a_limit_that_is_not_a_number_is_a_validation_problem()
    {
        using var client = (await DevelopmentAsync()).CreateClient();

        var problem = await (await client.GetAsync("/api/dev/mailbox?limit=many", Ct)).ProblemAsync(400);

        Assert.Equal(ProblemTypes.ValidationFailed, problem.Type);
        Assert.Equal(["limit"], problem.Errors!.Keys);
    }

    public async ValueTask DisposeAsync()
    {
        if (development is not null)
        {
            await development.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
