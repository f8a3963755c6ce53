using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Alumni.Api.Tests.Email;

/// <summary>A message the sink received: the parsed message, the envelope's recipients and who authenticated, if anyone.</summary>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> Recipients, string? User);

/// <summary>
/// A real SMTP server in this process (the SmtpServer package) on 127.0.0.1 and a free port, without TLS, that
/// keeps every message it receives. It accepts any recipient, and any user name with the password
/// <see cref="Password"/> (over the plain connection).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    /// <summary>The one password the sink accepts.</summary>
    public const string Password = "sink-password";

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly HashSet<ReceivedMail> taken = [];
    private readonly CancellationTokenSource stop = new();
    private readonly EndpointListenerFactory listeners = new();
    private readonly TaskCompletionSource<int> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SmtpServer.SmtpServer server;
    private Task running = Task.CompletedTask;

    private SmtpSink()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).AllowUnsecureAuthentication())
            .Build();
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        services.Add(new Authenticator());
        server = new SmtpServer.SmtpServer(options, services);
    }

    /// <summary>The port the sink listens on (at 127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyCollection<ReceivedMail> Received => received.ToArray();

    /// <summary>Starts a sink and returns once it accepts connections.</summary>
    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink();
        sink.running = sink.server.StartAsync(sink.stop.Token);
        var first = await Task.WhenAny(sink.started.Task, sink.running, Task.Delay(DefaultWait));
        if (first != sink.started.Task)
        {
            await sink.DisposeAsync();
            throw new InvalidOperationException("The SMTP sink did not start listening.", sink.running.Exception);
        }

        sink.Port = await sink.started.Task;
        return sink;
    }

    /// <summary>
    /// The next message (not returned before) with this envelope recipient. It polls what has arrived and gives up
    /// after <paramref name="timeout"/> (10 seconds unless told) with a <see cref="TimeoutException"/>.
    /// </summary>
    public async Task<ReceivedMail> NextForAsync(string address, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            lock (taken)
            {
                var mail = received.FirstOrDefault(m => !taken.Contains(m) && m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase));
                if (mail is not null)
                {
                    taken.Add(mail);
                    return mail;
                }
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"No message for {address} reached the SMTP sink; it holds {received.Count} for others.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>
    /// The newest message for this address among those not returned before, marking every one of them as returned:
    /// for a sign-in code, where the latest mail's code is the one to use.
    /// </summary>
    public async Task<ReceivedMail> LatestForAsync(string address, TimeSpan? timeout = null)
    {
        var latest = await NextForAsync(address, timeout);
        lock (taken)
        {
            foreach (var mail in received.Where(m => !taken.Contains(m) && m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)))
            {
                taken.Add(mail);
                latest = mail;
            }
        }

        return latest;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var recipients = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            sink.received.Enqueue(new ReceivedMail(message, recipients, context.Authentication.User));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Authenticator : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
            Task.FromResult(password == Password);
    }
}
