namespace Alumni.Contracts.Newsletters;

/// <summary>What a topic is for (stored in <c>newsletter_topics.kind</c> as the camel-case name).</summary>
public enum TopicKind
{
    /// <summary>The central office's recurring newsletter.</summary>
    Central,

    /// <summary>One department's mailings to its own alumni.</summary>
    Department,

    /// <summary>Invitations to events.</summary>
    Events,

    /// <summary>Another list the office added.</summary>
    Custom,
}

/// <summary>Where a campaign stands (stored in <c>newsletter_campaigns.status</c> as the camel-case name).</summary>
public enum CampaignStatus
{
    Draft,
    Scheduled,
    Sending,
    Paused,
    Sent,
    Cancelled,
}

/// <summary>What a campaign is (stored in <c>newsletter_campaigns.kind</c>).</summary>
public enum CampaignKind
{
    Newsletter,

    /// <summary>An invitation to an event (<c>event_id</c>), with a register button.</summary>
    Invitation,
}

/// <summary>Where one recipient of a campaign stands (stored in <c>newsletter_recipients.state</c>).</summary>
public enum RecipientState
{
    /// <summary>Waiting for its batch.</summary>
    Queued,

    /// <summary>Handed to SMTP and not yet accepted.</summary>
    Sending,

    /// <summary>Accepted by the SMTP server.</summary>
    Sent,

    /// <summary>Refused for good, or out of retries (reason given).</summary>
    Failed,

    /// <summary>Not sent, with the reason (unsubscribed, consent withdrawn, bounced, erased).</summary>
    Skipped,

    /// <summary>Was being sent when its sender stopped; may or may not have arrived. The operator resends or not.</summary>
    Uncertain,
}

/// <summary>How a bounce was recorded.</summary>
public enum BounceKind
{
    /// <summary>Permanent: the address does not exist; mail stops at once.</summary>
    Hard,

    /// <summary>Temporary (mailbox full, …); mail stops after the configured number.</summary>
    Soft,
}
