using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Alumni.Api.Tests.Newsletters;

/// <summary>
/// A minimal, fast SMTP server on 127.0.0.1 and a free port for the newsletter sender's tests and benchmark: ESMTP with
/// PIPELINING, no TLS, no authentication, any sender. It counts each accepted delivery per envelope recipient (counted
/// when the message's data has fully arrived, before the 250 goes back, so a sender killed after that may not know it was
/// accepted), keeps the messages when asked, and answers a recipient as <see cref="RecipientReply"/> says (a 4xx or
/// 5xx reply instead of 250). Also the benchmark's sink (linked into tests/Alumni.Benchmarks).
/// </summary>
public sealed class SendingSink : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<SinkMessage> messages = new();
    private readonly ConcurrentDictionary<int, Task> connections = new();
    private readonly bool keep;
    private readonly Task accepting;
    private long delivered;
    private long firstTicks;
    private long lastTicks;
    private int nextConnection;

    private SendingSink(bool keepMessages)
    {
        keep = keepMessages;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(512);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    /// <summary>The port it listens on, at 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The reply to <c>RCPT TO</c> for an address, such as "451 4.3.0 Try again later"; null accepts it.</summary>
    public Func<string, string?>? RecipientReply { get; set; }

    /// <summary>Deliveries accepted so far (one per recipient of each message).</summary>
    public long Delivered => Interlocked.Read(ref delivered);

    /// <summary>Seconds between the first and the latest accepted delivery.</summary>
    public double DeliverySeconds => Stopwatch.GetElapsedTime(Interlocked.Read(ref firstTicks), Interlocked.Read(ref lastTicks)).TotalSeconds;

    /// <summary>How many times each address had a message delivered.</summary>
    public IReadOnlyDictionary<string, int> Counts => new Dictionary<string, int>(counts, StringComparer.OrdinalIgnoreCase);

    /// <summary>The messages accepted, when kept (<see cref="Start"/>).</summary>
    public IReadOnlyList<SinkMessage> Messages => messages.ToArray();

    /// <summary>How many messages this address received.</summary>
    public int CountFor(string address) => counts.GetValueOrDefault(address);

    public static SendingSink Start(bool keepMessages = false) => new(keepMessages);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        await Task.WhenAll(connections.Values.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stop.Token);
            client.NoDelay = true;
            var id = Interlocked.Increment(ref nextConnection);
            connections[id] = Task.Run(async () =>
            {
                try
                {
                    await ServeAsync(client, stop.Token);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client went away (or was killed).
                }
                finally
                {
                    client.Dispose();
                    connections.TryRemove(id, out _);
                }
            });
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken ct)
    {
        await using var stream = client.GetStream();
        var reader = new LineReader(stream);
        var output = new MemoryStream();
        async Task Reply(string line, bool flush)
        {
            output.Write(Encoding.ASCII.GetBytes(line + "\r\n"));
            // Replies of a pipelined group go out together once no more commands are waiting.
            if (flush || !reader.HasBuffered)
            {
                await stream.WriteAsync(output.GetBuffer().AsMemory(0, (int)output.Length), ct);
                output.SetLength(0);
            }
        }

        await Reply("220 sink.localhost ESMTP", true);
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await Reply("250-sink.localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800", false);
                    break;
                case "HELO":
                    await Reply("250 sink.localhost", false);
                    break;
                case "MAIL":
                    recipients.Clear();
                    await Reply("250 2.1.0 OK", false);
                    break;
                case "RCPT":
                {
                    var address = Address(line);
                    var answer = RecipientReply?.Invoke(address);
                    if (answer is null)
                    {
                        recipients.Add(address);
                        await Reply("250 2.1.5 OK", false);
                    }
                    else
                    {
                        await Reply(answer, false);
                    }

                    break;
                }

                case "DATA":
                    if (recipients.Count == 0)
                    {
                        await Reply("554 5.5.1 No valid recipients", false);
                        break;
                    }

                    await Reply("354 End data with <CR><LF>.<CR><LF>", true);
                    var data = await reader.ReadDataAsync(keep, ct);
                    if (data is null)
                    {
                        return;
                    }

                    foreach (var recipient in recipients)
                    {
                        counts.AddOrUpdate(recipient, 1, (_, n) => n + 1);
                        var now = Stopwatch.GetTimestamp();
                        Interlocked.CompareExchange(ref firstTicks, now, 0);
                        Interlocked.Exchange(ref lastTicks, now);
                        Interlocked.Increment(ref delivered);
                    }

                    if (keep)
                    {
                        messages.Enqueue(new SinkMessage(recipients.ToList(), data));
                    }

                    recipients.Clear();
                    await Reply("250 2.0.0 OK queued", false);
                    break;
                case "RSET":
                    recipients.Clear();
                    await Reply("250 2.0.0 OK", false);
                    break;
                case "NOOP":
                    await Reply("250 2.0.0 OK", false);
                    break;
                case "QUIT":
                    await Reply("221 2.0.0 Bye", true);
                    return;
                default:
                    await Reply("502 5.5.2 Command not implemented", false);
                    break;
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    /// <summary>Reads CRLF-terminated lines and message data from a stream, through its own buffer.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        public bool HasBuffered => end > start;

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = await ReadRawLineAsync(null, ct);
            return line is null ? null : Encoding.UTF8.GetString(line.Value.Span);
        }

        /// <summary>The message up to the line with a single dot, dots unstuffed; null when the connection closed first.</summary>
        public async Task<byte[]?> ReadDataAsync(bool keep, CancellationToken ct)
        {
            var data = keep ? new MemoryStream() : null;
            while (true)
            {
                var line = await ReadRawLineAsync(data, ct);
                if (line is null)
                {
                    return null;
                }

                if (line.Value.Length == 1 && line.Value.Span[0] == (byte)'.')
                {
                    if (data is not null)
                    {
                        // The terminating dot line was appended with the rest; take it back off.
                        data.SetLength(data.Length - 3);
                    }

                    return data?.ToArray() ?? [];
                }
            }
        }

        /// <summary>One line without its CRLF (also appended, with CRLF and unstuffed, to <paramref name="copy"/>).</summary>
        private async Task<ReadOnlyMemory<byte>?> ReadRawLineAsync(MemoryStream? copy, CancellationToken ct)
        {
            var pending = new List<byte[]>();
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline >= 0)
                {
                    var length = newline - start;
                    byte[] line;
                    if (pending.Count == 0)
                    {
                        line = buffer.AsSpan(start, length).ToArray();
                    }
                    else
                    {
                        pending.Add(buffer.AsSpan(start, length).ToArray());
                        line = pending.SelectMany(p => p).ToArray();
                    }

                    start = newline + 1;
                    var text = line.AsMemory(0, line.Length > 0 && line[^1] == '\r' ? line.Length - 1 : line.Length);
                    if (copy is not null)
                    {
                        var body = text.Span.Length > 0 && text.Span[0] == (byte)'.' ? text.Span[1..] : text.Span;
                        copy.Write(text.Length == 1 && text.Span[0] == (byte)'.' ? text.Span : body);
                        copy.Write("\r\n"u8);
                    }

                    return text;
                }

                if (end > start)
                {
                    pending.Add(buffer.AsSpan(start, end - start).ToArray());
                }

                start = end = 0;
                var read = await stream.ReadAsync(buffer, ct);
                if (read == 0)
                {
                    return null;
                }

                end = read;
            }
        }
    }
}

/// <summary>A message the sink accepted: its envelope recipients and its data as sent (dots unstuffed).</summary>
public sealed record SinkMessage(IReadOnlyList<string> Recipients, byte[] Data);
