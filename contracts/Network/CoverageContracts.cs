using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Network;

/// <summary>
/// A department's member figures: its active members (each member affiliated with it, once), those who joined this
/// calendar year (UTC), and those its mailings reach: active members whose consent to department mailings
/// (<c>DepartmentMailings</c>, the channel a department's own mailings go out on) is in force. Counts only.
/// </summary>
public sealed record DepartmentMemberFigures
{
    [Required] public Guid DepartmentId { get; init; }

    [Required] public string DepartmentCode { get; init; } = "";

    [Required] public string NameSv { get; init; } = "";

    [Required] public string NameEn { get; init; } = "";

    [Required] public string FacultyCode { get; init; } = "";

    /// <summary>Active members affiliated with the department.</summary>
    [Required] public int Members { get; init; }

    /// <summary>Of them, those who joined this calendar year (a sign-up when confirmed, an imported member when imported).</summary>
    [Required] public int NewMembersThisYear { get; init; }

    /// <summary>Of them, those with their consent to department mailings in force.</summary>
    [Required] public int Reachable { get; init; }

    /// <summary>Reachable divided by members (0–1, rounded to three decimals); null when the department has no members.</summary>
    public double? ReachableShare { get; init; }
}

/// <summary>
/// The university's member figures: every active member once (affiliated with one department, several or none), those
/// who joined this calendar year, and those with their consent to department mailings in force.
/// </summary>
public sealed record MemberFiguresTotals
{
    [Required] public int Members { get; init; }

    [Required] public int NewMembersThisYear { get; init; }

    [Required] public int Reachable { get; init; }

    /// <summary>Reachable divided by members (0–1, three decimals); null when there are no members.</summary>
    public double? ReachableShare { get; init; }
}

/// <summary>Why a department needs the office's support.</summary>
public enum CoverageReason
{
    /// <summary>No active coordinator assignment.</summary>
    NoCoordinator,

    /// <summary>Neither an event (organised or co-hosted, not a draft nor cancelled, started) nor a mailing (started) in the last 12 months.</summary>
    NoActivity,

    /// <summary>The reachable share is below the configured threshold (<c>Network:Coverage:LowReachShare</c>), or there are no members to reach.</summary>
    LowReach,
}

/// <summary>One active department's coverage.</summary>
public sealed record DepartmentCoverage
{
    [Required] public DepartmentMemberFigures Figures { get; init; } = new();

    /// <summary>Active coordinator assignments (started, not ended).</summary>
    [Required] public int Coordinators { get; init; }

    /// <summary>The coordinators' names, in alphabetical order.</summary>
    [Required] public IReadOnlyList<string> CoordinatorNames { get; init; } = [];

    /// <summary>When the department's latest event that has started began (organised or co-hosted; drafts and cancelled events left out).</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>When the department's latest mailing started sending.</summary>
    public DateTimeOffset? LastMailingAt { get; init; }

    /// <summary>The last event began within the last 12 months.</summary>
    [Required] public bool EventInLast12Months { get; init; }

    /// <summary>The last mailing started within the last 12 months.</summary>
    [Required] public bool MailingInLast12Months { get; init; }

    /// <summary>Why it needs support; empty when it does not.</summary>
    [Required] public IReadOnlyList<CoverageReason> Reasons { get; init; } = [];
}

/// <summary>The whole university's coverage figures.</summary>
public sealed record CoverageTotals
{
    /// <summary>Active departments.</summary>
    [Required] public int Departments { get; init; }

    /// <summary>Active departments with at least one active coordinator.</summary>
    [Required] public int WithCoordinator { get; init; }

    /// <summary>Active departments with an event or a mailing in the last 12 months.</summary>
    [Required] public int ActiveInLast12Months { get; init; }

    /// <summary>Active departments with at least one reason for support.</summary>
    [Required] public int NeedingSupport { get; init; }

    /// <summary>People with at least one active coordinator assignment to an active department.</summary>
    [Required] public int Coordinators { get; init; }

    [Required] public MemberFiguresTotals Members { get; init; } = new();
}

/// <summary>
/// The office's coverage of the network: every active department (by faculty, then code), the ones needing support
/// first in their own list, and the university's totals.
/// </summary>
public sealed record CoverageResponse
{
    /// <summary>The moment the figures were read.</summary>
    [Required] public DateTimeOffset AsOf { get; init; }

    /// <summary>The calendar year (UTC) "new members this year" counts.</summary>
    [Required] public int Year { get; init; }

    /// <summary>The threshold below which a reachable share is low (configuration <c>Network:Coverage:LowReachShare</c>).</summary>
    [Required] public double LowReachShare { get; init; }

    [Required] public IReadOnlyList<DepartmentCoverage> Departments { get; init; } = [];

    /// <summary>The departments with a reason for support: most reasons first, then by code.</summary>
    [Required] public IReadOnlyList<DepartmentCoverage> NeedsSupport { get; init; } = [];

    [Required] public CoverageTotals Totals { get; init; } = new();
}
