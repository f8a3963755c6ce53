using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Network;

/// <summary>How a coordinator was given their department (stored in <c>coordinator_assignments.kind</c> as the camel-case name).</summary>
public enum CoordinatorKind
{
    /// <summary>Formally appointed by the department.</summary>
    Formal,

    /// <summary>Does the work without a formal appointment.</summary>
    Informal,
}

/// <summary>The fields of an assignment an admin sets when assigning and may change while it is active.</summary>
public abstract record AssignmentInput
{
    /// <summary>Formally appointed or informal.</summary>
    [Required] public CoordinatorKind Kind { get; init; }

    /// <summary>The share of a full-time post, 1–100 percent, when known.</summary>
    public int? TimeShare { get; init; }

    /// <summary>Since when (not in the future); today when left out.</summary>
    public DateOnly? StartedOn { get; init; }

    /// <summary>The coordinator's title in the role, e.g. "Alumnisamordnare", at most 200 characters.</summary>
    public string? RoleTitle { get; init; }

    /// <summary>The address the network reaches them at for this department (shown in the directory).</summary>
    public string? ContactEmail { get; init; }

    /// <summary>The telephone number the network reaches them at (shown in the directory), at most 40 characters.</summary>
    public string? ContactPhone { get; init; }
}

/// <summary>Makes a person a coordinator of a department: it gives them the department's scope at once.</summary>
public sealed record CreateAssignmentRequest : AssignmentInput
{
    /// <summary>The person (a user id; add the person first by address when they have none).</summary>
    [Required] public Guid UserId { get; init; }

    /// <summary>The department's code (an active department).</summary>
    [Required] public string DepartmentCode { get; init; } = "";
}

/// <summary>Changes an active assignment (If-Match: its version).</summary>
public sealed record UpdateAssignmentRequest : AssignmentInput
{
    /// <summary>The assignment (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Ends an active assignment today; the department's scope is taken at once.</summary>
public sealed record EndAssignmentRequest
{
    /// <summary>The assignment (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>Why it ended, at most 500 characters (kept in the history).</summary>
    public string? Reason { get; init; }
}

/// <summary>One assignment, by id (from the route).</summary>
public sealed record AssignmentRequest
{
    /// <summary>The assignment.</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Filters and pages the assignments.</summary>
public sealed record ListAssignmentsRequest : IPageRequest
{
    /// <summary>Only this person's.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Only this department's (its code, any letter case).</summary>
    public string? DepartmentCode { get; init; }

    /// <summary>Include ended assignments (the history); only active ones by default.</summary>
    public bool IncludeEnded { get; init; }

    /// <summary>Page number, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Assignments per page, 1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>A person's assignment as coordinator of a department, active or ended.</summary>
public sealed record AssignmentResponse
{
    /// <summary>The assignment's id.</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>The person.</summary>
    [Required] public Guid UserId { get; init; }

    /// <summary>The person's name to show (else their address); null once they are erased.</summary>
    public string? PersonName { get; init; }

    /// <summary>The department.</summary>
    [Required] public Guid DepartmentId { get; init; }

    /// <summary>The department's code.</summary>
    [Required] public string DepartmentCode { get; init; } = "";

    /// <summary>The department's name in Swedish.</summary>
    [Required] public string DepartmentNameSv { get; init; } = "";

    /// <summary>The department's name in English.</summary>
    [Required] public string DepartmentNameEn { get; init; } = "";

    /// <summary>The code of the department's faculty.</summary>
    [Required] public string FacultyCode { get; init; } = "";

    /// <summary>Formally appointed or informal.</summary>
    [Required] public CoordinatorKind Kind { get; init; }

    /// <summary>The share of a full-time post in percent, when known.</summary>
    public int? TimeShare { get; init; }

    /// <summary>Since when.</summary>
    [Required] public DateOnly StartedOn { get; init; }

    /// <summary>The day it ended; null while active.</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>Why it ended, when given.</summary>
    public string? EndReason { get; init; }

    /// <summary>The title in the role.</summary>
    public string? RoleTitle { get; init; }

    /// <summary>The address shown to the network.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>The telephone number shown to the network.</summary>
    public string? ContactPhone { get; init; }

    /// <summary>When it was recorded.</summary>
    [Required] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    [Required] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Concurrency version; the <c>ETag</c> header carries it quoted, and updates send it back in <c>If-Match</c>.</summary>
    [Required] public int Version { get; init; }
}

/// <summary>A coordinator in the network directory: an active assignment with what the network may know of it.</summary>
public sealed record DirectoryCoordinator
{
    /// <summary>The assignment's id.</summary>
    [Required] public Guid AssignmentId { get; init; }

    /// <summary>The department.</summary>
    [Required] public Guid DepartmentId { get; init; }

    /// <summary>The department's code.</summary>
    [Required] public string DepartmentCode { get; init; } = "";

    /// <summary>The department's name in Swedish.</summary>
    [Required] public string DepartmentNameSv { get; init; } = "";

    /// <summary>The department's name in English.</summary>
    [Required] public string DepartmentNameEn { get; init; } = "";

    /// <summary>The code of the department's faculty.</summary>
    [Required] public string FacultyCode { get; init; } = "";

    /// <summary>The person.</summary>
    [Required] public Guid UserId { get; init; }

    /// <summary>The person's name to show (else their address); null once they are erased.</summary>
    public string? Name { get; init; }

    /// <summary>Formally appointed or informal.</summary>
    [Required] public CoordinatorKind Kind { get; init; }

    /// <summary>The share of a full-time post in percent, when known.</summary>
    public int? TimeShare { get; init; }

    /// <summary>Coordinator since.</summary>
    [Required] public DateOnly Since { get; init; }

    /// <summary>The title in the role.</summary>
    public string? RoleTitle { get; init; }

    /// <summary>The address to reach them at.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>The telephone number to reach them at.</summary>
    public string? ContactPhone { get; init; }
}

/// <summary>An active department in the directory that has no active coordinator.</summary>
public sealed record DirectoryDepartment
{
    /// <summary>The department.</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>Its code.</summary>
    [Required] public string Code { get; init; } = "";

    /// <summary>Its name in Swedish.</summary>
    [Required] public string NameSv { get; init; } = "";

    /// <summary>Its name in English.</summary>
    [Required] public string NameEn { get; init; } = "";

    /// <summary>The code of its faculty.</summary>
    [Required] public string FacultyCode { get; init; } = "";
}

/// <summary>
/// The network directory: who covers which department, ordered by faculty, then department, then since when; and the
/// active departments no one covers, in the same order.
/// </summary>
public sealed record NetworkDirectoryResponse
{
    /// <summary>The active assignments.</summary>
    [Required] public IReadOnlyList<DirectoryCoordinator> Coordinators { get; init; } = [];

    /// <summary>Active departments without an active coordinator.</summary>
    [Required] public IReadOnlyList<DirectoryDepartment> Uncovered { get; init; } = [];
}
