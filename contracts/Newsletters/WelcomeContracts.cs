using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Newsletters;

/// <summary>When a step of the welcome series is skipped for a member because they have already done what it asks.</summary>
public enum WelcomeSkipRule
{
    /// <summary>Never skipped for what the member did (only when they are unsubscribed, inactive or bounced).</summary>
    None,

    /// <summary>
    /// Skipped when the profile is complete: a country, at least one study (affiliation), an employer or a job title,
    /// and at least one interest.
    /// </summary>
    ProfileComplete,

    /// <summary>Skipped when the member already offers any help: mentoring, a guest lecture, a study visit or a panel.</summary>
    OffersHelp,
}

/// <summary>
/// A step of the welcome series a newly verified member gets: sent <see cref="DelayDays"/> after their verification,
/// in their language (or the other one when theirs is not written), once, unless skipped.
/// </summary>
public sealed record WelcomeStepResponse
{
    [Required] public Guid Id { get; init; }

    /// <summary>The step's fixed key: <c>welcome</c>, <c>complete-profile</c>, <c>offer-help</c>.</summary>
    [Required] public string StepKey { get; init; } = "";

    /// <summary>The order of the steps (1 first).</summary>
    [Required] public int Position { get; init; }

    /// <summary>Days after the member's verification the step is sent (0: at once).</summary>
    [Required] public int DelayDays { get; init; }

    /// <summary>When the step is skipped because the member has already done it.</summary>
    [Required] public WelcomeSkipRule SkipRule { get; init; }

    /// <summary>Subject in Swedish (Liquid fields such as <c>{{ member.first_name }}</c> allowed).</summary>
    public string? SubjectSv { get; init; }

    /// <summary>Subject in English.</summary>
    public string? SubjectEn { get; init; }

    /// <summary>Body in Swedish: Markdown with Liquid fields.</summary>
    [MultiLine] public string? BodySv { get; init; }

    /// <summary>Body in English: Markdown with Liquid fields.</summary>
    [MultiLine] public string? BodyEn { get; init; }

    /// <summary>False: the step is not sent (members who reach it while it is off have it skipped).</summary>
    [Required] public bool Active { get; init; }

    /// <summary>Members this step has been sent to.</summary>
    [Required] public int Sent { get; init; }

    /// <summary>Members for whom this step was skipped (already done, unsubscribed, inactive, bounced, step off).</summary>
    [Required] public int Skipped { get; init; }

    /// <summary>Members waiting for this step (not yet due, or being sent).</summary>
    [Required] public int Waiting { get; init; }

    /// <summary>Members this step did not reach: refused by the mail server after the retries, or uncertain after a crash mid-send (not sent again).</summary>
    [Required] public int Failed { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Concurrency version; the <c>ETag</c> header carries it quoted, and updates send it back in <c>If-Match</c>.</summary>
    [Required] public int Version { get; init; }
}

/// <summary>
/// New texts, delay and state of a welcome step. A language is written when it has both a subject and a body; at
/// least one language must be. Members whose step is already planned keep the delay it had when they were verified.
/// </summary>
public sealed record UpdateWelcomeStepRequest
{
    /// <summary>The step (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>Subject in Swedish, at most 300 characters.</summary>
    public string? SubjectSv { get; init; }

    /// <summary>Subject in English, at most 300 characters.</summary>
    public string? SubjectEn { get; init; }

    /// <summary>Body in Swedish (Markdown with Liquid fields), at most 20,000 characters.</summary>
    [MultiLine] public string? BodySv { get; init; }

    /// <summary>Body in English (Markdown with Liquid fields), at most 20,000 characters.</summary>
    [MultiLine] public string? BodyEn { get; init; }

    /// <summary>Days after verification, 0–365.</summary>
    [Required] public int DelayDays { get; init; }

    /// <summary>False turns the step off.</summary>
    [Required] public bool Active { get; init; }
}
