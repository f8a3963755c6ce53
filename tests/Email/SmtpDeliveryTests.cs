using Alumni.Api.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Tests.Email;

/// <summary><see cref="SmtpEmailSender"/> against a real SMTP server in this process.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Sent = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);
    private SmtpSink sink = null!;

    public async ValueTask InitializeAsync() => sink = await SmtpSink.StartAsync();

    public ValueTask DisposeAsync() => sink.DisposeAsync();

    private SmtpEmailSender Sender(Action<EmailOptions>? configure = null)
    {
        var options = new EmailOptions { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None, From = "Alumnikontoret <alumni@su.example>" };
        configure?.Invoke(options);
        return new SmtpEmailSender(Options.Create(options), new ManualClock(Sent), NullLogger<SmtpEmailSender>.Instance);
    }

    [Fact]
    public async Task A_message_arrives_with_its_headers_message_id_and_both_bodies()
    {
        var message = new EmailMessage("ada@alumni.example", "Ada Lovelace", "Välkommen till alumninätverket",
            "Hej Ada!\nVälkommen.", "<p>Hej <b>Ada</b>!</p><p>Välkommen.</p>");

        var messageId = await Sender().SendAsync(message, TestContext.Current.CancellationToken);

        var mail = (await sink.NextForAsync("ada@alumni.example")).Message;
        Assert.False(string.IsNullOrWhiteSpace(messageId));
        Assert.Equal(messageId, mail.MessageId);
        var to = Assert.Single(mail.To.Mailboxes);
        Assert.Equal(("Ada Lovelace", "ada@alumni.example"), (to.Name, to.Address));
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal(("Alumnikontoret", "alumni@su.example"), (from.Name, from.Address));
        Assert.Equal("Välkommen till alumninätverket", mail.Subject);
        Assert.Equal(Sent, mail.Date);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("Hej Ada!\nVälkommen.", mail.TextBody?.ReplaceLineEndings("\n"));
        Assert.Equal("<p>Hej <b>Ada</b>!</p><p>Välkommen.</p>", mail.HtmlBody);
    }

    [Fact]
    public async Task Every_message_gets_its_own_message_id()
    {
        var sender = Sender();
        var first = await sender.SendAsync(new EmailMessage("a@alumni.example", null, "One", "1", "<p>1</p>"), TestContext.Current.CancellationToken);
        var second = await sender.SendAsync(new EmailMessage("b@alumni.example", null, "Two", "2", "<p>2</p>"), TestContext.Current.CancellationToken);

        Assert.NotEqual(first, second);
        Assert.Equal(first, (await sink.NextForAsync("a@alumni.example")).Message.MessageId);
        Assert.Equal(second, (await sink.NextForAsync("b@alumni.example")).Message.MessageId);
    }

    [Fact]
    public async Task The_sender_authenticates_only_when_a_username_is_set()
    {
        await Sender().SendAsync(new EmailMessage("anonymous@alumni.example", null, "Anonymous", "a", "<p>a</p>"), TestContext.Current.CancellationToken);
        await Sender(o => (o.Username, o.Password) = ("alumni-relay", SmtpSink.Password))
            .SendAsync(new EmailMessage("signed@alumni.example", null, "Signed in", "s", "<p>s</p>"), TestContext.Current.CancellationToken);

        Assert.Null((await sink.NextForAsync("anonymous@alumni.example")).User);
        Assert.Equal("alumni-relay", (await sink.NextForAsync("signed@alumni.example")).User);
    }

    [Fact]
    public async Task A_wrong_password_fails_the_send_and_nothing_arrives()
    {
        var sender = Sender(o => (o.Username, o.Password) = ("alumni-relay", "wrong"));

        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() =>
            sender.SendAsync(new EmailMessage("refused@alumni.example", null, "Refused", "r", "<p>r</p>"), TestContext.Current.CancellationToken));

        Assert.Empty(sink.Received);
    }

    [Theory]
    [InlineData(SmtpSecurity.Auto, MailKit.Security.SecureSocketOptions.Auto)]
    [InlineData(SmtpSecurity.None, MailKit.Security.SecureSocketOptions.None)]
    [InlineData(SmtpSecurity.StartTls, MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect, MailKit.Security.SecureSocketOptions.SslOnConnect)]
    public void Each_security_setting_maps_to_mailkit(SmtpSecurity security, MailKit.Security.SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpEmailSender.SocketOptions(security));
}
