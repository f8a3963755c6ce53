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
    public async Task A_message_with_an_ics_and_an_inline_png_arrives_with_both_parts_named_and_typed()
    {
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"u8.ToArray();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var message = new EmailMessage("grace@alumni.example", "Grace Hopper", "Din anmälan", "Du är anmäld.",
            "<p>Du är anmäld.</p><img src=\"cid:check-in-code\" alt=\"QR\">",
            [
                new EmailAttachment("alumnidag.ics", "text/calendar; method=PUBLISH; charset=utf-8", ics),
                new EmailAttachment("qr.png", "image/png", png, ContentId: "check-in-code"),
            ]);

        await Sender().SendAsync(message, TestContext.Current.CancellationToken);

        var mail = (await sink.NextForAsync("grace@alumni.example")).Message;
        var mixed = Assert.IsType<Multipart>(mail.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal("text/plain", alternative[0].ContentType.MimeType);
        var related = Assert.IsType<MultipartRelated>(alternative[1]);
        Assert.Equal("text/html", related.Root!.ContentType.MimeType);
        var image = Assert.IsType<MimePart>(Assert.Single(related, p => p != related.Root));
        Assert.Equal(("image/png", "qr.png", "check-in-code"), (image.ContentType.MimeType, image.FileName, image.ContentId));
        Assert.Equal(png, Decoded(image));
        var calendar = Assert.IsAssignableFrom<MimePart>(mixed[1]);
        Assert.Equal(("text/calendar", "alumnidag.ics", "PUBLISH"), (calendar.ContentType.MimeType, calendar.FileName, calendar.ContentType.Parameters!["method"]));
        Assert.True(calendar.IsAttachment);
        Assert.Equal(ics, Decoded(calendar));
        Assert.Equal("Du är anmäld.", mail.TextBody?.TrimEnd());
        Assert.Contains("cid:check-in-code", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(["alumnidag.ics"], mail.Attachments.Select(a => ((MimePart)a).FileName));
    }

    private static byte[] Decoded(MimePart part)
    {
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        return content.ToArray();
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
