using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Network;

/// <summary>Where a support request stands (stored in <c>network_support_requests.status</c> as the camel-case name).</summary>
public enum SupportRequestStatus
{
    /// <summary>Asked, waiting for the office; the asking department may still change or withdraw it.</summary>
    Submitted,

    /// <summary>The office gives the help; it may link its co-hosted event, and is marked done afterwards.</summary>
    Approved,

    /// <summary>The office declined, with a reason.</summary>
    Declined,

    /// <summary>The activity took place with the help given.</summary>
    Done,

    /// <summary>The asking department took it back before the office decided.</summary>
    Withdrawn,
}

/// <summary>The help a request asks for (stored in <c>network_support_request_help.help</c>).</summary>
public enum SupportHelp
{
    Funding,
    Communication,
    Venue,

    /// <summary>A speaker from the alumni.</summary>
    Speaker,
}

/// <summary>A move of a support request's state machine (the history lists them; <c>submit</c> is the first).</summary>
public enum SupportMove
{
    Submit,
    Edit,
    Approve,
    Decline,
    Done,
    Withdraw,
    LinkEvent,
}

/// <summary>A request as its department writes it.</summary>
public record SupportRequestInput
{
    /// <summary>The asking department's code: one of the caller's departments (403 otherwise).</summary>
    [Required] public string DepartmentCode { get; init; } = "";

    [Required] public string Title { get; init; } = "";

    /// <summary>What the activity is.</summary>
    [MultiLine] public string? Description { get; init; }

    /// <summary>The activity's first day.</summary>
    [Required] public DateOnly StartsOn { get; init; }

    /// <summary>Its last day, on or after the first.</summary>
    [Required] public DateOnly EndsOn { get; init; }

    /// <summary>The codes of the departments taking part, at least one; the asking department is always among them.</summary>
    [Required] public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>The help asked for, at least one kind.</summary>
    [Required] public IReadOnlyList<SupportHelp> Help { get; init; } = [];

    /// <summary>A note on the help asked for.</summary>
    [MultiLine] public string? HelpNote { get; init; }
}

/// <summary>A new request (status submitted).</summary>
public sealed record CreateSupportRequestRequest : SupportRequestInput;

/// <summary>A change of a submitted request (If-Match required).</summary>
public sealed record UpdateSupportRequestRequest : SupportRequestInput
{
    /// <summary>The request (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Addresses a request by its id (done, withdraw; If-Match required on moves).</summary>
public sealed record SupportRequestByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>The office approves a submitted request, with an optional note.</summary>
public sealed record ApproveSupportRequestRequest
{
    /// <summary>The request (from the route).</summary>
    [Required] public Guid Id { get; init; }

    [MultiLine] public string? Note { get; init; }
}

/// <summary>The office declines a submitted request; the reason is required.</summary>
public sealed record DeclineSupportRequestRequest
{
    /// <summary>The request (from the route).</summary>
    [Required] public Guid Id { get; init; }

    [Required][MultiLine] public string Reason { get; init; } = "";
}

/// <summary>Links an approved request's co-hosted event: one hosted by one of the departments taking part.</summary>
public sealed record LinkSupportRequestEventRequest
{
    /// <summary>The request (from the route).</summary>
    [Required] public Guid Id { get; init; }

    [Required] public Guid EventId { get; init; }
}

/// <summary>The requests the caller sees (a coordinator: those their departments ask for or take part in), newest first.</summary>
public sealed record ListSupportRequestsRequest : IPageRequest
{
    public SupportRequestStatus? Status { get; init; }

    /// <summary>Requests whose activity starts in this year.</summary>
    public int? Year { get; init; }

    /// <summary>A department's code: requests it asks for or takes part in.</summary>
    public string? Department { get; init; }

    /// <summary>Page number, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Requests per page, 1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>A department as a request names it.</summary>
public sealed record SupportRequestDepartment
{
    [Required] public Guid Id { get; init; }

    [Required] public string Code { get; init; } = "";

    [Required] public string NameSv { get; init; } = "";

    [Required] public string NameEn { get; init; } = "";
}

/// <summary>A request in a list.</summary>
public sealed record SupportRequestSummary
{
    [Required] public Guid Id { get; init; }

    [Required] public string DepartmentCode { get; init; } = "";

    [Required] public string Title { get; init; } = "";

    [Required] public DateOnly StartsOn { get; init; }

    [Required] public DateOnly EndsOn { get; init; }

    [Required] public SupportRequestStatus Status { get; init; }

    /// <summary>How many departments take part (the asking one included).</summary>
    [Required] public int DepartmentCount { get; init; }

    public Guid? EventId { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One move in a request's history.</summary>
public sealed record SupportRequestHistoryEntry
{
    [Required] public SupportMove Move { get; init; }

    [Required] public DateTimeOffset At { get; init; }

    /// <summary>Who made it (a person's name, else their address), when known.</summary>
    public string? ByName { get; init; }

    /// <summary>The note of an approval or the reason of a decline.</summary>
    public string? Note { get; init; }
}

/// <summary>A request with its departments, its help, the moves the caller may make now and its history.</summary>
public sealed record SupportRequestResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public SupportRequestDepartment Department { get; init; } = new();

    [Required] public string Title { get; init; } = "";

    public string? Description { get; init; }

    [Required] public DateOnly StartsOn { get; init; }

    [Required] public DateOnly EndsOn { get; init; }

    /// <summary>The departments taking part, by code (the asking one among them).</summary>
    [Required] public IReadOnlyList<SupportRequestDepartment> Departments { get; init; } = [];

    [Required] public IReadOnlyList<SupportHelp> Help { get; init; } = [];

    public string? HelpNote { get; init; }

    [Required] public SupportRequestStatus Status { get; init; }

    /// <summary>The office's note on approval, or its reason for declining.</summary>
    public string? DecisionReason { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>The co-hosted event, once linked.</summary>
    public Guid? EventId { get; init; }

    /// <summary>The moves the caller may make now (by the state machine and their role).</summary>
    [Required] public IReadOnlyList<SupportMove> AllowedMoves { get; init; } = [];

    /// <summary>The moves made so far, oldest first.</summary>
    [Required] public IReadOnlyList<SupportRequestHistoryEntry> History { get; init; } = [];

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    [Required] public int Version { get; init; }
}

/// <summary>The figures of one year (by the activity's first day).</summary>
public sealed record SupportRequestYearFigures
{
    [Required] public int Year { get; init; }

    [Required] public int Requests { get; init; }

    [Required] public int Submitted { get; init; }

    [Required] public int Approved { get; init; }

    [Required] public int Declined { get; init; }

    [Required] public int Done { get; init; }

    [Required] public int Withdrawn { get; init; }

    /// <summary>Approved and done over all decided (approved, done, declined), 0–1; null when none was decided.</summary>
    public double? ShareApproved { get; init; }
}

/// <summary>The figures per year, newest year first (a coordinator's: of the requests their departments ask for or take part in).</summary>
public sealed record SupportRequestFiguresResponse
{
    [Required] public IReadOnlyList<SupportRequestYearFigures> Years { get; init; } = [];
}
