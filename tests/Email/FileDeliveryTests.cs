using Alumni.Api.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Tests.Email;

/// <summary><see cref="FileEmailSender"/> writing into a mail folder, and <see cref="DevMailbox"/> reading it back.</summary>
public sealed class FileDeliveryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 5, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "alumni-tests", "mail-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock clock = new(Start);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IOptions<EmailOptions> Options => Microsoft.Extensions.Options.Options.Create(new EmailOptions { MailDirectory = folder });

    private FileEmailSender Sender => new(Options, clock, NullLogger<FileEmailSender>.Instance);

    private DevMailbox Mailbox => new(Options, NullLogger<DevMailbox>.Instance);

    [Fact]
    public async Task A_message_is_written_as_one_complete_eml_file_with_both_bodies()
    {
        var messageId = await Sender.SendAsync(new EmailMessage("ada@alumni.example", "Ada Lovelace", "Inbjudan", "Välkommen!", "<p>Välkommen!</p>"), Ct);

        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Matches(@"^\d{8}T\d{13}-[0-9a-f]{32}\.eml$", Path.GetFileName(file));
        Assert.StartsWith("20260502T080000", Path.GetFileName(file), StringComparison.Ordinal);
        await using var stream = File.OpenRead(file);
        var mail = await MimeMessage.LoadAsync(stream, Ct);
        Assert.Equal(messageId, mail.MessageId);
        Assert.Equal("ada@alumni.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("alumni@localhost", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal(Start, mail.Date);
        Assert.Equal(["text/plain", "text/html"], Assert.IsType<MultipartAlternative>(mail.Body).Select(p => p.ContentType.MimeType));
    }

    [Fact]
    public async Task The_mailbox_lists_messages_newest_first_with_their_fields()
    {
        await Sender.SendAsync(new EmailMessage("first@alumni.example", null, "First", "One.", "<p>One.</p>"), Ct);
        clock.Now = Start.AddMinutes(5);
        await Sender.SendAsync(new EmailMessage("second@alumni.example", "Second", "Second", "Two.", "<p>Two.</p>"), Ct);
        clock.Now = Start.AddHours(2);
        await Sender.SendAsync(new EmailMessage("third@alumni.example", null, "Third", "Three.", "<p>Three.</p>"), Ct);

        var messages = await Mailbox.ListAsync(DevMailbox.DefaultLimit, Ct);

        Assert.Equal(["third@alumni.example", "second@alumni.example", "first@alumni.example"], messages.Select(m => m.To));
        Assert.Equal(["Third", "Second", "First"], messages.Select(m => m.Subject));
        Assert.Equal([Start.AddHours(2), Start.AddMinutes(5), Start], messages.Select(m => m.SentAt));
        Assert.All(messages, m => Assert.Equal(TimeSpan.Zero, m.SentAt.Offset));
        Assert.Equal(["Three.", "Two.", "One."], messages.Select(m => m.Text.TrimEnd()));
        Assert.Equal(Directory.GetFiles(folder).Select(Path.GetFileNameWithoutExtension).OrderDescending(StringComparer.Ordinal), messages.Select(m => m.Id));
    }

    [Fact]
    public async Task The_mailbox_lists_each_messages_files_and_gives_each_back()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 8, 7];
        var ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray();
        await Sender.SendAsync(new EmailMessage("plain@alumni.example", null, "Plain", "p", "<p>p</p>"), Ct);
        clock.Now = Start.AddMinutes(1);
        await Sender.SendAsync(new EmailMessage("files@alumni.example", null, "Files", "f", "<p>f</p><img src=\"cid:qr\">",
            [new EmailAttachment("event.ics", "text/calendar; method=PUBLISH", ics), new EmailAttachment("qr.png", "image/png", png, "qr")]), Ct);

        var messages = await Mailbox.ListAsync(DevMailbox.DefaultLimit, Ct);

        Assert.Empty(messages[1].Attachments);
        Assert.Equal(["f"], [messages[0].Text.TrimEnd()]);
        Assert.Equal(
            [new MailboxAttachment(0, "qr.png", "image/png", png.Length, "qr"), new MailboxAttachment(1, "event.ics", "text/calendar", ics.Length, null)],
            messages[0].Attachments);
        var image = await Mailbox.FileAsync(messages[0].Id, 0, Ct);
        Assert.Equal(("qr.png", "image/png"), (image!.FileName, image.MediaType));
        Assert.Equal(png, image.Content);
        Assert.Equal(ics, (await Mailbox.FileAsync(messages[0].Id, 1, Ct))!.Content);
        Assert.Null(await Mailbox.FileAsync(messages[0].Id, 2, Ct));
        Assert.Null(await Mailbox.FileAsync(messages[1].Id, 0, Ct));
        Assert.Null(await Mailbox.FileAsync("../" + messages[0].Id, 0, Ct));
        Assert.Null(await Mailbox.FileAsync("no-such-message", 0, Ct));
    }

    [Fact]
    public async Task The_mailbox_returns_at_most_the_limit_newest_first()
    {
        for (var i = 0; i < 4; i++)
        {
            clock.Now = Start.AddSeconds(i);
            await Sender.SendAsync(new EmailMessage($"m{i}@alumni.example", null, $"Message {i}", $"{i}", $"<p>{i}</p>"), Ct);
        }

        var messages = await Mailbox.ListAsync(2, Ct);

        Assert.Equal(["Message 3", "Message 2"], messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task A_file_that_is_not_a_message_is_skipped()
    {
        clock.Now = Start;
        await Sender.SendAsync(new EmailMessage("older@alumni.example", null, "Older", "o", "<p>o</p>"), Ct);
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "99991231T2359599999999-junk.eml"), [0x00, 0xFF, 0x13, 0x37], Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.eml"), "just some notes, no headers at all\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "empty.eml"), "", Ct);

        var messages = await Mailbox.ListAsync(DevMailbox.DefaultLimit, Ct);

        Assert.Equal(["Older"], messages.Select(m => m.Subject));
    }

    [Fact]
    public async Task A_missing_mail_folder_is_an_empty_mailbox()
    {
        Assert.False(Directory.Exists(folder));

        Assert.Empty(await Mailbox.ListAsync(DevMailbox.DefaultLimit, Ct));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
