using System.Net.Sockets;
using System.Threading.Channels;
using Alumni.Api.Infrastructure.Email;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Newsletters.Sending;

/// <summary>Delivers campaign mail; throws <see cref="DeliveryFailedException"/> when the mail was not accepted.</summary>
public interface INewsletterTransport
{
    /// <summary>Sends the mail and returns its Message-ID once the server accepted it.</summary>
    Task<string> SendAsync(NewsletterMail mail, CancellationToken ct);
}

/// <summary>
/// A mail the server did not accept: <see cref="Permanent"/> for a 5xx reply (the address does not exist, the mail is
/// refused), otherwise temporary (a 4xx reply, a lost or refused connection), to be tried again later.
/// </summary>
public sealed class DeliveryFailedException(bool permanent, string reason, Exception? inner = null) : Exception(reason, inner)
{
    public bool Permanent { get; } = permanent;

    /// <summary>What the server said, or what went wrong, for the recipient's row.</summary>
    public string Reason { get; } = reason.Length > 1000 ? reason[..1000] : reason;
}

/// <summary>
/// <see cref="NewsletterOptions.SmtpConnections"/> MailKit connections to the configured relay
/// (<see cref="EmailOptions"/>), kept open between mails and batches and used by one sender at a time each. A connection
/// that failed is closed and opened again for its next mail; one idle for a while is checked with NOOP first (relays close
/// idle connections), so a mail is never lost to a connection the relay already closed.
/// </summary>
public sealed class SmtpPool : INewsletterTransport, IAsyncDisposable
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);

    private readonly EmailOptions settings;
    private readonly NewsletterMessages messages;
    private readonly TimeProvider time;
    private readonly ILogger<SmtpPool> logger;
    private readonly Channel<Connection> idle;
    private readonly List<Connection> all = [];

    public SmtpPool(IOptions<EmailOptions> email, IOptions<NewsletterOptions> options, NewsletterMessages messages, TimeProvider time, ILogger<SmtpPool> logger)
    {
        settings = email.Value;
        this.messages = messages;
        this.time = time;
        this.logger = logger;
        var size = Math.Max(1, options.Value.SmtpConnections);
        idle = Channel.CreateBounded<Connection>(size);
        for (var i = 0; i < size; i++)
        {
            var connection = new Connection();
            all.Add(connection);
            idle.Writer.TryWrite(connection);
        }
    }

    public async Task<string> SendAsync(NewsletterMail mail, CancellationToken ct)
    {
        var message = messages.Create(mail, time.GetUtcNow());
        var connection = await idle.Reader.ReadAsync(ct);
        try
        {
            await EnsureConnectedAsync(connection, ct);
            await connection.Client.SendAsync(message, ct);
            connection.LastUsed = time.GetUtcNow();
            return message.MessageId ?? messages.MessageId(mail.CampaignId, mail.MemberId);
        }
        catch (SmtpCommandException e)
        {
            // The server answered and the connection stays usable (MailKit has reset the transaction).
            connection.LastUsed = time.GetUtcNow();
            var code = (int)e.StatusCode;
            throw new DeliveryFailedException(code >= 500, $"{code} {e.Message}", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DeliveryFailedException)
        {
            // A broken or refused connection (or a protocol error): closed, and opened again for the next mail.
            await ResetAsync(connection);
            throw new DeliveryFailedException(false, $"connection: {e.Message}", e);
        }
        catch (OperationCanceledException)
        {
            // Cancelled mid-conversation: the connection is in no known state.
            await ResetAsync(connection);
            throw;
        }
        finally
        {
            idle.Writer.TryWrite(connection);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in all)
        {
            await ResetAsync(connection, quit: true);
            connection.Client.Dispose();
        }
    }

    private async Task EnsureConnectedAsync(Connection connection, CancellationToken ct)
    {
        var client = connection.Client;
        if (client.IsConnected && time.GetUtcNow() - connection.LastUsed > IdleCheck)
        {
            try
            {
                await client.NoOpAsync(ct);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException)
            {
                await ResetAsync(connection);
            }
        }

        if (client.IsConnected)
        {
            return;
        }

        try
        {
            // Our own socket, without Nagle's delay: the end of each message's data is a small write that would
            // otherwise wait for the server's delayed acknowledgement (tens of milliseconds per mail).
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(settings.Host, settings.Port, ct);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await client.ConnectAsync(socket, settings.Host, settings.Port, SmtpEmailSender.SocketOptions(settings.Security), ct);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
            }

            logger.LogDebug("Connected to {Host}:{Port} for newsletter mail", settings.Host, settings.Port);
        }
        catch (AuthenticationException e)
        {
            await ResetAsync(connection);
            throw new DeliveryFailedException(false, $"authentication: {e.Message}", e);
        }
    }

    private static async Task ResetAsync(Connection connection, bool quit = false)
    {
        try
        {
            if (connection.Client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await connection.Client.DisconnectAsync(quit, timeout.Token);
            }
        }
        catch (Exception)
        {
            // Closing a broken connection may fail too; a new client is made below either way.
        }

        if (!quit)
        {
            connection.Client.Dispose();
            connection.Client = new SmtpClient();
        }
    }

    private sealed class Connection
    {
        public SmtpClient Client { get; set; } = new();

        public DateTimeOffset LastUsed { get; set; }
    }
}

/// <summary>
/// Without an SMTP relay (development): campaign mail goes through <see cref="IEmailSender"/> into the mail folder,
/// with its list headers, so the dev mailbox shows it. Not signed.
/// </summary>
public sealed class MailboxTransport(IEmailSender sender) : INewsletterTransport
{
    public async Task<string> SendAsync(NewsletterMail mail, CancellationToken ct)
    {
        try
        {
            return await sender.SendAsync(
                new EmailMessage(mail.To, mail.ToName, mail.Content.Subject, mail.Content.Text, mail.Content.Html, Headers: mail.Headers), ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryFailedException(false, e.Message, e);
        }
    }
}
