using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Infrastructure.Email;

/// <summary>One message in the mail folder.</summary>
/// <param name="Id">The file name without its extension.</param>
/// <param name="To">The first recipient's address.</param>
/// <param name="Subject">The subject line (empty when it has none).</param>
/// <param name="SentAt">The message's Date, in UTC.</param>
/// <param name="Text">The plain-text body (empty when it has none).</param>
/// <param name="Attachments">The files sent with it (attachments and inline images), in the order they appear.</param>
/// <param name="Headers">The message's header fields, in order, each value unfolded (one line).</param>
public sealed record MailboxEntry(string Id, string To, string Subject, DateTimeOffset SentAt, string Text,
    IReadOnlyList<MailboxAttachment> Attachments, IReadOnlyList<MailboxHeader> Headers);

/// <summary>A header field of a message in the mail folder.</summary>
/// <param name="Name">The field's name as written (<c>List-Unsubscribe</c>).</param>
/// <param name="Value">Its value, unfolded to one line and trimmed.</param>
public sealed record MailboxHeader(string Name, string Value);

/// <summary>A file sent with a message in the mail folder.</summary>
/// <param name="Index">Its position among the message's files, from 0: how it is asked for.</param>
/// <param name="FileName">Its file name.</param>
/// <param name="MediaType">Its media type, without parameters (<c>text/calendar</c>).</param>
/// <param name="Size">Its size in bytes, decoded.</param>
/// <param name="ContentId">The content id an inline image is shown by in the HTML body; null for an attachment.</param>
public sealed record MailboxAttachment(int Index, string FileName, string MediaType, long Size, string? ContentId);

/// <summary>One file of a message in the mail folder, with its bytes.</summary>
public sealed record MailboxFile(string FileName, string MediaType, byte[] Content);

/// <summary>
/// Reads the mail <see cref="FileEmailSender"/> wrote into <see cref="EmailOptions.MailDirectory"/>, for developers
/// who run without an SMTP relay. Files are taken newest first by name (which starts with the time they were
/// written); hidden files are left out, and a file that is no message with a recipient and a date is skipped.
/// </summary>
public sealed class DevMailbox(IOptions<EmailOptions> options, ILogger<DevMailbox> logger)
{
    /// <summary>How many messages a listing returns unless asked otherwise.</summary>
    public const int DefaultLimit = 50;

    private readonly string directory = options.Value.MailDirectory;

    /// <summary>At most <paramref name="limit"/> messages, newest first; none when the folder does not exist.</summary>
    public async Task<IReadOnlyList<MailboxEntry>> ListAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var entries = new List<MailboxEntry>();
        if (!Directory.Exists(directory))
        {
            return entries;
        }

        var files = Directory.EnumerateFiles(directory, "*" + FileEmailSender.Extension)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Reverse();
        foreach (var file in files)
        {
            if (entries.Count >= limit)
            {
                break;
            }

            if (await ReadAsync(file, ct) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>
    /// The file at <paramref name="index"/> of the message <paramref name="id"/> (as listed); null when there is no
    /// such message or file. An id that is not a plain file name of the folder is no message.
    /// </summary>
    public async Task<MailboxFile?> FileAsync(string id, int index, CancellationToken ct)
    {
        if (!IsMessageId(id) || index < 0)
        {
            return null;
        }

        var path = Path.Combine(directory, id + FileEmailSender.Extension);
        if (!File.Exists(path) || await LoadAsync(path, ct) is not { } message)
        {
            return null;
        }

        if (FilesOf(message).ElementAtOrDefault(index) is not { } part)
        {
            return null;
        }

        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content, ct);
        return new MailboxFile(part.FileName!, part.ContentType.MimeType, content.ToArray());
    }

    /// <summary>True for what <see cref="FileEmailSender"/> names a message: letters, digits, '-' and '_', not hidden.</summary>
    private static bool IsMessageId(string id) =>
        id.Length is > 0 and <= 100 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The parts of a message that carry a file name: its attachments and inline images, in order.</summary>
    private static IEnumerable<MimePart> FilesOf(MimeMessage message) =>
        message.BodyParts.OfType<MimePart>().Where(p => !string.IsNullOrEmpty(p.FileName) && p.Content is not null);

    private async Task<MimeMessage?> LoadAsync(string file, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(file);
            return await MimeMessage.LoadAsync(stream, ct);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            logger.LogWarning("Skipped {File} in the mail folder: {Reason}", Path.GetFileName(file), e.Message);
            return null;
        }
    }

    private async Task<MailboxEntry?> ReadAsync(string file, CancellationToken ct)
    {
        if (await LoadAsync(file, ct) is not { } message)
        {
            return null;
        }

        var to = message.To.Mailboxes.FirstOrDefault()?.Address;
        if (string.IsNullOrEmpty(to) || !message.Headers.Contains(HeaderId.Date))
        {
            logger.LogWarning("Skipped {File} in the mail folder: it has no recipient or no date", Path.GetFileName(file));
            return null;
        }

        return new MailboxEntry(
            Path.GetFileNameWithoutExtension(file),
            to,
            message.Subject ?? "",
            message.Date.ToUniversalTime(),
            message.TextBody ?? "",
            await AttachmentsOfAsync(message, ct),
            HeadersOf(message));
    }

    /// <summary>The message's own header fields (not its parts'), in order; a folded value becomes one line.</summary>
    private static IReadOnlyList<MailboxHeader> HeadersOf(MimeMessage message) =>
        message.Headers.Select(h => new MailboxHeader(h.Field, Unfold(h.Value))).ToList();

    private static string Unfold(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim())).Trim();

    private static async Task<IReadOnlyList<MailboxAttachment>> AttachmentsOfAsync(MimeMessage message, CancellationToken ct)
    {
        var files = new List<MailboxAttachment>();
        foreach (var part in FilesOf(message))
        {
            await using var counter = new CountingStream();
            await part.Content!.DecodeToAsync(counter, ct);
            files.Add(new MailboxAttachment(files.Count, part.FileName!, part.ContentType.MimeType, counter.Length,
                string.IsNullOrEmpty(part.ContentId) ? null : part.ContentId));
        }

        return files;
    }

    /// <summary>A stream that keeps nothing but how many bytes were written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
