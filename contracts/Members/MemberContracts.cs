using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Members;

/// <summary>A member's study at the university.</summary>
public sealed record AffiliationResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string DepartmentCode { get; init; } = "";

    /// <summary>Programme or course name.</summary>
    public string? Programme { get; init; }

    [Required] public DegreeType DegreeType { get; init; }

    public int? StartYear { get; init; }

    /// <summary>The year studies ended (graduation year).</summary>
    public int? EndYear { get; init; }

    /// <summary>Higher-education credits (hp).</summary>
    [Required] public decimal Credits { get; init; }

    /// <summary>Confirmed by an import from the student records; self-declared ones are unverified.</summary>
    [Required] public bool Verified { get; init; }
}

/// <summary>A study to add (self-declared, so unverified until an import confirms it).</summary>
public sealed record AffiliationInput
{
    [Required] public string DepartmentCode { get; init; } = "";

    public string? Programme { get; init; }

    [Required] public DegreeType DegreeType { get; init; }

    public int? StartYear { get; init; }

    public int? EndYear { get; init; }

    [Required] public decimal Credits { get; init; }
}

/// <summary>The state of one consent (a channel not listed was never answered: not given).</summary>
public sealed record ConsentResponse
{
    [Required] public ConsentChannel Channel { get; init; }

    [Required] public bool Granted { get; init; }

    /// <summary>Given; withdrawn (given once, then taken back); or not given (never given).</summary>
    [Required] public ConsentState State { get; init; }

    [Required] public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>One change of a consent.</summary>
public sealed record ConsentHistoryResponse
{
    [Required] public ConsentChannel Channel { get; init; }

    [Required] public bool Granted { get; init; }

    [Required] public ConsentMethod Method { get; init; }

    [Required] public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>The profile fields a member (or staff) can change.</summary>
public record ProfileInput
{
    [Required] public string FirstName { get; init; } = "";

    [Required] public string LastName { get; init; } = "";

    /// <summary><c>sv</c> or <c>en</c>.</summary>
    [Required] public string PreferredLanguage { get; init; } = "sv";

    /// <summary>Other addresses of the member (at most 5).</summary>
    [Required] public IReadOnlyList<string> OtherEmails { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 country code, e.g. SE.</summary>
    public string? Country { get; init; }

    public string? City { get; init; }

    public string? Employer { get; init; }

    public string? JobTitle { get; init; }

    public string? Industry { get; init; }

    /// <summary>A LinkedIn profile address, https://www.linkedin.com/in/...</summary>
    public string? LinkedInUrl { get; init; }

    /// <summary>A short bio, at most 2000 characters.</summary>
    [MultiLine] public string? Bio { get; init; }

    /// <summary>Interests as tags (at most 20, each at most 50 characters).</summary>
    [Required] public IReadOnlyList<string> Interests { get; init; } = [];

    /// <summary>What the member offers.</summary>
    [Required] public IReadOnlyList<MemberOffer> Offers { get; init; } = [];

    /// <summary>Listed in the alumni directory (also needs the directory consent).</summary>
    [Required] public bool DirectoryListed { get; init; }

    /// <summary>The fields other members see in the directory.</summary>
    [Required] public IReadOnlyList<DirectoryField> DirectoryFields { get; init; } = [];
}

/// <summary>Everything about a member, as the member or staff sees it.</summary>
public sealed record MemberResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string Email { get; init; } = "";

    [Required] public string FirstName { get; init; } = "";

    [Required] public string LastName { get; init; } = "";

    [Required] public string PreferredLanguage { get; init; } = "sv";

    [Required] public IReadOnlyList<string> OtherEmails { get; init; } = [];

    public string? Country { get; init; }

    public string? City { get; init; }

    public string? Employer { get; init; }

    public string? JobTitle { get; init; }

    public string? Industry { get; init; }

    public string? LinkedInUrl { get; init; }

    public string? Bio { get; init; }

    [Required] public IReadOnlyList<string> Interests { get; init; } = [];

    [Required] public IReadOnlyList<MemberOffer> Offers { get; init; } = [];

    [Required] public bool DirectoryListed { get; init; }

    [Required] public IReadOnlyList<DirectoryField> DirectoryFields { get; init; } = [];

    [Required] public MemberStatus Status { get; init; }

    [Required] public MemberSource Source { get; init; }

    /// <summary>At least 1 hp in total: an alumnus by the university's rule.</summary>
    [Required] public bool Eligible { get; init; }

    [Required] public IReadOnlyList<AffiliationResponse> Affiliations { get; init; } = [];

    [Required] public IReadOnlyList<ConsentResponse> Consents { get; init; } = [];

    [Required] public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Concurrency version; the ETag carries it.</summary>
    [Required] public int Version { get; init; }
}
