using Alumni.Api.Features.Newsletters;
using Alumni.Api.Features.Newsletters.Sending;
using Alumni.Api.Infrastructure.Email;
using Alumni.Api.Tests.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>Without an SMTP relay (development) campaign mail goes into the mail folder with its list headers, for the dev mailbox.</summary>
public sealed class SendingMailboxTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "alumni-tests", "sending-mailbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Campaign_mail_lands_in_the_mail_folder_with_the_list_headers()
    {
        var email = Options.Create(new EmailOptions { From = "Alumni <news@alumni.example>", MailDirectory = folder });
        var messages = new NewsletterMessages(email, Options.Create(new NewsletterOptions { UnsubscribeMailbox = "unsubscribe@alumni.example" }));
        var transport = new MailboxTransport(new FileEmailSender(email, new ManualClock(DateTimeOffset.UtcNow), NullLogger<FileEmailSender>.Instance));
        var headers = messages.ListHeaders("TOKEN", "https://alumni.example/api/newsletters/unsubscribe/TOKEN", "central", "Nyhetsbrev från Alumni");

        var messageId = await transport.SendAsync(new NewsletterMail(Guid.NewGuid(), Guid.NewGuid(), "ada@alumni.example", "Ada Lovelace",
            new RenderedMail("Hej Ada", "<p>Hej</p>", "Hej"), headers), TestContext.Current.CancellationToken);

        var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")), TestContext.Current.CancellationToken);
        Assert.Equal(messageId, mail.MessageId);
        Assert.Equal("<https://alumni.example/api/newsletters/unsubscribe/TOKEN>, <mailto:unsubscribe@alumni.example?subject=unsubscribe-TOKEN>",
            mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("Nyhetsbrev från Alumni <central.alumni.example>", mail.Headers[HeaderId.ListId]);
        Assert.Equal("Hej Ada", mail.Subject);
    }
}
