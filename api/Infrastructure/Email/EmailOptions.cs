namespace Alumni.Api.Infrastructure.Email;

/// <summary>Configuration section <c>Smtp</c>: the relay that sends mail, or where mail goes without one.</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Smtp";

    /// <summary>Host name of the SMTP relay; empty (default) means no relay: mail is written to <see cref="MailDirectory"/>.</summary>
    public string Host { get; set; } = "";

    /// <summary>Port of the relay (default 587, submission).</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection to the relay is secured (default <see cref="SmtpSecurity.Auto"/>).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>User name for the relay; the sender authenticates only when it is set.</summary>
    public string? Username { get; set; }

    /// <summary>Password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>The From header of every message (default <c>Alumni &lt;alumni@localhost&gt;</c>).</summary>
    public string From { get; set; } = "Alumni <alumni@localhost>";

    /// <summary>Folder that receives mail as .eml files when no relay is set (default <c>data/mail</c>, relative to the content root).</summary>
    public string MailDirectory { get; set; } = "data/mail";

    /// <summary>True when mail goes to an SMTP relay rather than into <see cref="MailDirectory"/>.</summary>
    public bool HasRelay => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>How the connection to the SMTP relay is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it.</summary>
    Auto,

    /// <summary>No TLS at all (a local relay or test sink).</summary>
    None,

    /// <summary>STARTTLS, required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
