namespace Alumni.Api.Features.Newsletters;

/// <summary>Configuration section <c>Newsletters</c>.</summary>
public sealed class NewsletterOptions
{
    public const string Section = "Newsletters";

    /// <summary>Where readers reach the web app: the preference page and unsubscribe links in mail start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>The address of the mailto unsubscribe in <c>List-Unsubscribe</c> (none when empty: the HTTPS link only).</summary>
    public string? UnsubscribeMailbox { get; set; }

    /// <summary>How long the link to the preference page in a mail works.</summary>
    public int PreferenceLinkDays { get; set; } = 90;

    /// <summary>Recipients per batch (one job per batch, so that several instances share a send).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// The most recipients handed to SMTP and not yet recorded as accepted, per sender: after a crash no more than
    /// this many are uncertain.
    /// </summary>
    public int InFlightWindow { get; set; } = 50;

    /// <summary>SMTP connections kept open per sending instance.</summary>
    public int SmtpConnections { get; set; } = 4;

    /// <summary>The most messages per second, all instances' share together (0: no throttle).</summary>
    public double MessagesPerSecond { get; set; } = 20;

    /// <summary>The most messages per hour (0: no ceiling).</summary>
    public int MessagesPerHour { get; set; }

    /// <summary>How many times a temporary failure is tried before the recipient is recorded as failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Soft bounces of one address that stop mail to it, like one hard bounce does.</summary>
    public int SoftBouncesToStop { get; set; } = 3;

    /// <summary>Run the scheduler here (scheduled sends start, the welcome series); tests turn it off.</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>DKIM signing of newsletter mail: the signing domain (none: not signed).</summary>
    public string? DkimDomain { get; set; }

    /// <summary>DKIM selector (the DNS record <c>selector._domainkey.domain</c>).</summary>
    public string? DkimSelector { get; set; }

    /// <summary>Path of the DKIM private key (PEM).</summary>
    public string? DkimPrivateKeyPath { get; set; }

    /// <summary>The bounce mailbox read for DSN reports over IMAP (none: not read).</summary>
    public string? BounceImapHost { get; set; }

    public int BounceImapPort { get; set; } = 993;

    public string? BounceImapUsername { get; set; }

    public string? BounceImapPassword { get; set; }

    /// <summary>How often the bounce mailbox is read.</summary>
    public int BounceImapPollSeconds { get; set; } = 300;

    /// <summary>Requests one client address may make per hour to the preference page and the one-click unsubscribe (without signing in).</summary>
    public int PreferenceRequestsPerClientPerHour { get; set; } = 1000;

    /// <summary>The days within which <see cref="SoftBouncesToStop"/> soft bounces of one address stop mail to it.</summary>
    public int SoftBounceWindowDays { get; set; } = 90;

    /// <summary>How often the welcome series looks for newly verified members and due steps.</summary>
    public int WelcomePollSeconds { get; set; } = 300;

    /// <summary>
    /// Members verified within this many days before a run join the welcome series; those verified longer ago never
    /// do (so members verified before the series existed, or while it was stopped that long, get none of it).
    /// </summary>
    public int WelcomeEnrolDays { get; set; } = 7;

    /// <summary>How long an instance holds a welcome mail it is sending; one still held after that is marked uncertain and not sent again.</summary>
    public int WelcomeLeaseSeconds { get; set; } = 600;
}
