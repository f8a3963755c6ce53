namespace Alumni.Api.Features.Identity;

/// <summary>Configuration section <c>Identity</c>: codes, sessions and rate limits.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>How long an e-mailed code is valid.</summary>
    public int CodeLifetimeMinutes { get; set; } = 10;

    /// <summary>Wrong tries before a code stops working.</summary>
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>A session ends after this many days without use.</summary>
    public int SessionIdleDays { get; set; } = 14;

    /// <summary>A session ends this many days after sign-in, used or not.</summary>
    public int SessionAbsoluteDays { get; set; } = 30;

    /// <summary>Codes one client may ask for one address per <see cref="RateLimitWindowMinutes"/>; past it, a 429.</summary>
    public int CodeRequestsPerAddressAndClient { get; set; } = 5;

    /// <summary>
    /// Codes one address may be sent per window, whoever asks; past it no code is sent but the answer stays the same
    /// (the codes already sent still work).
    /// </summary>
    public int CodeRequestsPerAddress { get; set; } = 20;

    /// <summary>The live codes of an address one client keeps: a new code retires this client's oldest beyond these.</summary>
    public int LiveCodesPerClient { get; set; } = 3;

    /// <summary>Code requests one client address may make per window.</summary>
    public int CodeRequestsPerClient { get; set; } = 20;

    /// <summary>Sign-in attempts one client address may make per window.</summary>
    public int SignInAttemptsPerClient { get; set; } = 30;

    /// <summary>The window of the rate limits.</summary>
    public int RateLimitWindowMinutes { get; set; } = 15;

    /// <summary>A base64 key (32 bytes or more) for hashing codes; without one, a key is generated once and kept in the database.</summary>
    public string? SecretKey { get; set; }
}
