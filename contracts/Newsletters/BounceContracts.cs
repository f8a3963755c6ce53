using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Newsletters;

/// <summary>Where a recorded bounce came from (stored in <c>newsletter_bounces.source</c>).</summary>
public enum BounceSource
{
    /// <summary>An integration with a <c>mail:bounces</c> key (a mail provider's bounce feed).</summary>
    Api,

    /// <summary>An admin recorded it by hand.</summary>
    Staff,

    /// <summary>Read from a delivery status notification (RFC 3464) in the bounce mailbox.</summary>
    Dsn,
}

/// <summary>Why mail to an address stopped (stored in <c>newsletter_suppressions.reason</c>).</summary>
public enum SuppressionReason
{
    /// <summary>One hard bounce: the address does not exist.</summary>
    HardBounce,

    /// <summary>As many soft bounces as the configuration allows, within its window.</summary>
    SoftBounces,
}

/// <summary>A bounced mail to record.</summary>
public sealed record RecordBounceRequest
{
    [Required] public string Email { get; init; } = "";

    [Required] public BounceKind Kind { get; init; }

    /// <summary>The receiving server's words (e.g. <c>550 5.1.1 user unknown</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>The campaign whose mail bounced, when known.</summary>
    public Guid? CampaignId { get; init; }
}

/// <summary>A recorded bounce.</summary>
public sealed record BounceResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string Email { get; init; } = "";

    [Required] public BounceKind Kind { get; init; }

    public string? Reason { get; init; }

    [Required] public BounceSource Source { get; init; }

    public Guid? CampaignId { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Mail to the address is stopped now (by this bounce or an earlier one).</summary>
    [Required] public bool Suppressed { get; init; }
}

/// <summary>A page of recorded bounces, newest first.</summary>
public sealed record ListBouncesRequest : IPageRequest
{
    /// <summary>Only bounces of this address.</summary>
    public string? Email { get; init; }

    /// <summary>Only bounces of this kind.</summary>
    public BounceKind? Kind { get; init; }

    /// <summary>Page number, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Bounces per page, 1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>An address whose suppression an admin lifts (in the route).</summary>
public sealed record SuppressionByEmailRequest
{
    [Required] public string Email { get; init; } = "";
}

/// <summary>A member whose delivery staff look at (in the route).</summary>
public sealed record MemberDeliveryRequest
{
    [Required] public Guid MemberId { get; init; }
}

/// <summary>Whether newsletter mail to a member's address is stopped, why and since when, with its bounces.</summary>
public sealed record MemberDeliveryResponse
{
    /// <summary>Mail to the member's address is stopped (bounced).</summary>
    [Required] public bool Stopped { get; init; }

    public SuppressionReason? Reason { get; init; }

    public DateTimeOffset? Since { get; init; }

    /// <summary>The address's bounces, newest first (at most 50).</summary>
    [Required] public IReadOnlyList<BounceResponse> Bounces { get; init; } = [];
}
