using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Members;

/// <summary>Searches members (staff): every filter is optional and they combine with AND.</summary>
public sealed record SearchMembersRequest : IPageRequest
{
    /// <summary>Free text over names, e-mail addresses and employer.</summary>
    public string? Q { get; init; }

    /// <summary>Affiliated with this department (code).</summary>
    public string? Department { get; init; }

    /// <summary>Affiliated with a department of this faculty (code).</summary>
    public string? Faculty { get; init; }

    /// <summary>Graduated (an affiliation's end year) this year or later.</summary>
    public int? GraduatedFrom { get; init; }

    /// <summary>Graduated this year or earlier.</summary>
    public int? GraduatedTo { get; init; }

    /// <summary>ISO country code.</summary>
    public string? Country { get; init; }

    public string? City { get; init; }

    /// <summary><c>sv</c> or <c>en</c>.</summary>
    public string? Language { get; init; }

    public MemberStatus? Status { get; init; }

    /// <summary>Has granted this consent.</summary>
    public ConsentChannel? Consent { get; init; }

    /// <summary>Offers this.</summary>
    public MemberOffer? Offers { get; init; }

    public string? Industry { get; init; }

    /// <summary>Has this interest tag.</summary>
    public string? Tag { get; init; }

    /// <summary>The order: by name (the default), or newest first by creation or last change.</summary>
    public MemberSort? Sort { get; init; }

    /// <summary>From 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>A member in a search result.</summary>
public sealed record MemberSummary
{
    [Required] public Guid Id { get; init; }

    [Required] public string FirstName { get; init; } = "";

    [Required] public string LastName { get; init; } = "";

    [Required] public string Email { get; init; } = "";

    public string? Country { get; init; }

    public string? City { get; init; }

    public string? Employer { get; init; }

    [Required] public MemberStatus Status { get; init; }

    /// <summary>The departments of the member's affiliations (codes).</summary>
    [Required] public IReadOnlyList<string> Departments { get; init; } = [];

    /// <summary>The latest graduation year.</summary>
    public int? GraduationYear { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Addresses one member.</summary>
public sealed record MemberByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>Staff's change of a member's profile (If-Match required).</summary>
public sealed record UpdateMemberRequest : ProfileInput
{
    /// <summary>The member (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>A staff note on a member.</summary>
public sealed record AddNoteRequest
{
    /// <summary>The member (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>The note, at most 4000 characters.</summary>
    [Required, MultiLine] public string Text { get; init; } = "";
}

/// <summary>A staff note.</summary>
public sealed record NoteResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string Text { get; init; } = "";

    public string? AuthorName { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A member as staff see them: the record and the staff notes.</summary>
public sealed record StaffMemberResponse
{
    [Required] public MemberResponse Member { get; init; } = new();

    [Required] public IReadOnlyList<NoteResponse> Notes { get; init; } = [];
}

/// <summary>Searches the alumni directory (signed-in members).</summary>
public sealed record SearchDirectoryRequest : IPageRequest
{
    /// <summary>Part of a name.</summary>
    public string? Q { get; init; }

    /// <summary>Affiliated with this department (code).</summary>
    public string? Department { get; init; }

    public string? Country { get; init; }

    public MemberOffer? Offers { get; init; }

    /// <summary>From 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>A member in the directory: the name, and only the fields the member chose to show.</summary>
public sealed record DirectoryEntry
{
    [Required] public Guid Id { get; init; }

    [Required] public string FirstName { get; init; } = "";

    [Required] public string LastName { get; init; } = "";

    public string? Email { get; init; }

    public string? Country { get; init; }

    public string? City { get; init; }

    public string? Employer { get; init; }

    public string? JobTitle { get; init; }

    public string? Industry { get; init; }

    public string? LinkedInUrl { get; init; }

    public string? Bio { get; init; }

    public IReadOnlyList<string>? Interests { get; init; }

    public IReadOnlyList<MemberOffer>? Offers { get; init; }

    /// <summary>Department codes and graduation years, when shown.</summary>
    public IReadOnlyList<string>? Affiliations { get; init; }
}

/// <summary>A new recruitment campaign: an invitation link for a department and a channel.</summary>
public sealed record CreateCampaignRequest
{
    [Required] public string DepartmentCode { get; init; } = "";

    /// <summary>Where the link is spread, e.g. "graduation 2026", "LinkedIn", "course evaluation".</summary>
    [Required] public string Channel { get; init; } = "";

    /// <summary>A label for staff.</summary>
    [Required] public string Label { get; init; } = "";
}

/// <summary>A recruitment campaign with its figures.</summary>
public sealed record CampaignResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string DepartmentCode { get; init; } = "";

    [Required] public string Channel { get; init; } = "";

    [Required] public string Label { get; init; } = "";

    /// <summary>The token of the sign-up link (/join/{token} in the web app).</summary>
    [Required] public string Token { get; init; } = "";

    /// <summary>Times the link was opened.</summary>
    [Required] public int Visits { get; init; }

    /// <summary>Sign-ups through the link.</summary>
    [Required] public int SignUps { get; init; }

    /// <summary>Of those, members who verified their address.</summary>
    [Required] public int Verified { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the campaign was closed; null while its link is open. A closed link counts no visits or sign-ups.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Concurrency version; the <c>ETag</c> header carries it quoted, and changes send it back in <c>If-Match</c>.</summary>
    [Required] public int Version { get; init; }
}

/// <summary>Addresses one recruitment campaign.</summary>
public sealed record CampaignByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>Staff's change of a campaign's channel and label (If-Match required). Its department and link stay.</summary>
public sealed record UpdateCampaignRequest
{
    /// <summary>The campaign (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>Where the link is spread.</summary>
    [Required] public string Channel { get; init; } = "";

    /// <summary>A label for staff.</summary>
    [Required] public string Label { get; init; } = "";
}

/// <summary>Addresses a campaign by its link token.</summary>
public sealed record CampaignByTokenRequest
{
    [Required] public string Token { get; init; } = "";
}

/// <summary>What a visitor of a recruitment link sees.</summary>
public sealed record CampaignLandingResponse
{
    [Required] public string DepartmentCode { get; init; } = "";

    [Required] public string DepartmentNameSv { get; init; } = "";

    [Required] public string DepartmentNameEn { get; init; } = "";

    [Required] public string Label { get; init; } = "";

    /// <summary>The campaign is closed: this visit was not counted, and a sign-up through the link is not counted either.</summary>
    [Required] public bool Closed { get; init; }
}
