using Alumni.Api.Features.Newsletters.Preferences;
using Alumni.Api.Infrastructure.Data;
using Alumni.Contracts.Newsletters;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alumni.Api.Features.Newsletters.Bounces;

/// <summary>
/// Reads the bounce mailbox over IMAP when one is configured (<see cref="NewsletterOptions.BounceImapHost"/>): every
/// unseen message in INBOX that is a delivery status notification (RFC 3464) has its bounced recipients recorded
/// (source <c>dsn</c>, the campaign taken from the returned headers' unsubscribe link), and is then marked seen; other
/// mail is marked seen and left. Each message's bounces are recorded in one transaction before it is marked, so a crash
/// between the two reads it again (a bounce counted twice at worst, never lost). Several instances may read the same
/// mailbox: the flag is set by whichever gets there first, and a doubled bounce only adds a row.
/// </summary>
public sealed class BounceMailbox(Database db, BounceRecorder bounces, PreferenceLinks links, IOptions<NewsletterOptions> options, TimeProvider time,
    ILogger<BounceMailbox> logger) : BackgroundService
{
    /// <summary>The unseen messages of INBOX read at most per pass.</summary>
    public const int MaxPerPass = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.BounceImapHost))
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(10, settings.BounceImapPollSeconds)), time);
        do
        {
            try
            {
                var recorded = await ReadOnceAsync(stoppingToken);
                if (recorded > 0)
                {
                    logger.LogInformation("Recorded {Count} bounces from the bounce mailbox", recorded);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading the bounce mailbox failed; trying again at the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Connects, reads the unseen messages once, and disconnects; the number of bounces recorded.</summary>
    public async Task<int> ReadOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        using var client = new ImapClient();
        await client.ConnectAsync(settings.BounceImapHost!, settings.BounceImapPort,
            settings.BounceImapPort == 993 ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (!string.IsNullOrEmpty(settings.BounceImapUsername))
        {
            await client.AuthenticateAsync(settings.BounceImapUsername, settings.BounceImapPassword ?? "", ct);
        }

        var recorded = await ReadAsync(client.Inbox, ct);
        await client.DisconnectAsync(true, ct);
        return recorded;
    }

    /// <summary>Reads the unseen messages of an open-able folder (INBOX) once; the number of bounces recorded.</summary>
    public async Task<int> ReadAsync(IMailFolder inbox, CancellationToken ct)
    {
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var recorded = 0;
        foreach (var uid in (await inbox.SearchAsync(SearchQuery.NotSeen, ct)).Take(MaxPerPass))
        {
            var message = await inbox.GetMessageAsync(uid, ct);
            recorded += await RecordAsync(message, ct);
            await inbox.AddFlagsAsync(uid, MessageFlags.Seen, true, ct);
        }

        return recorded;
    }

    /// <summary>Records the bounces one message reports (none when it is no DSN); how many.</summary>
    public async Task<int> RecordAsync(MimeMessage message, CancellationToken ct)
    {
        var found = DsnReport.Bounces(message);
        if (found.Count == 0)
        {
            return 0;
        }

        await links.EnsureKeyAsync(ct);
        var campaign = DsnReport.UnsubscribeToken(message) is { } token ? links.Read(token)?.CampaignId : null;
        var now = time.GetUtcNow();
        await using var session = await db.BeginAsync(ct);
        foreach (var bounce in found)
        {
            await bounces.RecordAsync(session, bounce.Email, bounce.Kind, bounce.Reason, BounceSource.Dsn, campaign, null, now, ct);
        }

        await session.CommitAsync(ct);
        return found.Count;
    }
}
