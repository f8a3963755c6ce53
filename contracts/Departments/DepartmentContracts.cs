using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Departments;

/// <summary>A department (institution) of the university, which members, coordinators and events belong to.</summary>
public sealed record DepartmentResponse
{
    /// <summary>Stable identifier (UUID v7).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>Short code, unique across the university, used in routes and imports (e.g. <c>DSV</c>).</summary>
    [Required] public string Code { get; init; } = "";

    /// <summary>Name in Swedish.</summary>
    [Required] public string NameSv { get; init; } = "";

    /// <summary>Name in English.</summary>
    [Required] public string NameEn { get; init; } = "";

    /// <summary>Code of the faculty the department belongs to.</summary>
    [Required] public string FacultyCode { get; init; } = "";

    /// <summary>Inactive departments keep their history but take no new members or events.</summary>
    [Required] public bool IsActive { get; init; }

    /// <summary>Concurrency version; the <c>ETag</c> header carries it quoted, and updates send it back in <c>If-Match</c>.</summary>
    [Required] public int Version { get; init; }
}

/// <summary>A faculty (fakultet / område) with its departments.</summary>
public sealed record FacultyResponse
{
    /// <summary>Short code of the faculty (e.g. <c>SOC</c>).</summary>
    [Required] public string Code { get; init; } = "";

    /// <summary>Name in Swedish.</summary>
    [Required] public string NameSv { get; init; } = "";

    /// <summary>Name in English.</summary>
    [Required] public string NameEn { get; init; } = "";

    /// <summary>The faculty's departments, ordered by code.</summary>
    [Required] public IReadOnlyList<DepartmentResponse> Departments { get; init; } = [];
}

/// <summary>Query of the faculty listing.</summary>
public sealed record ListFacultiesRequest
{
    /// <summary>Include inactive departments (default: only active ones).</summary>
    public bool IncludeInactive { get; init; }
}

/// <summary>Query of the department listing.</summary>
public sealed record ListDepartmentsRequest
{
    /// <summary>Only departments of this faculty.</summary>
    public string? FacultyCode { get; init; }

    /// <summary>Include inactive departments (default: only active ones).</summary>
    public bool IncludeInactive { get; init; }
}

/// <summary>Addresses one department by its code.</summary>
public sealed record DepartmentByCodeRequest
{
    /// <summary>The department's code.</summary>
    [Required] public string Code { get; init; } = "";
}

/// <summary>A new department.</summary>
public sealed record CreateDepartmentRequest
{
    /// <summary>2–16 characters: an upper-case letter, then upper-case letters, digits or hyphens.</summary>
    [Required] public string Code { get; init; } = "";

    /// <summary>Name in Swedish, at most 200 characters.</summary>
    [Required] public string NameSv { get; init; } = "";

    /// <summary>Name in English, at most 200 characters.</summary>
    [Required] public string NameEn { get; init; } = "";

    /// <summary>Code of an existing faculty.</summary>
    [Required] public string FacultyCode { get; init; } = "";
}

/// <summary>New names and faculty of a department; the code itself never changes.</summary>
public sealed record UpdateDepartmentRequest
{
    /// <summary>The department's code (from the route).</summary>
    [Required] public string Code { get; init; } = "";

    /// <summary>Name in Swedish, at most 200 characters.</summary>
    [Required] public string NameSv { get; init; } = "";

    /// <summary>Name in English, at most 200 characters.</summary>
    [Required] public string NameEn { get; init; } = "";

    /// <summary>Code of an existing faculty.</summary>
    [Required] public string FacultyCode { get; init; } = "";
}
