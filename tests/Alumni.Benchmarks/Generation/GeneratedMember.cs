using Alumni.Contracts.Members;

namespace Alumni.Benchmarks.Generation;

/// <summary>One study at the university, as the student register would export it.</summary>
public sealed record GeneratedStudy(string DepartmentCode, string? Programme, DegreeType DegreeType, int StartYear, int EndYear, decimal Credits);

/// <summary>One synthetic member: who they are, what they studied here, their profile and consents.</summary>
public sealed class GeneratedMember
{
    public required long Index { get; init; }
    public required Guid Id { get; init; }
    public required string ExternalId { get; init; }
    public required string? PersonalIdentityNumber { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string Email { get; init; }
    public required IReadOnlyList<string> OtherEmails { get; init; }
    public required string PreferredLanguage { get; init; }
    public required string Country { get; init; }
    public required string? City { get; init; }
    public required string? Employer { get; init; }
    public required string? JobTitle { get; init; }
    public required string? Industry { get; init; }
    public required string? LinkedInUrl { get; init; }
    public required string? Bio { get; init; }
    public required IReadOnlyList<string> Interests { get; init; }
    public required bool OffersMentor { get; init; }
    public required bool OffersGuestLecture { get; init; }
    public required bool OffersStudyVisit { get; init; }
    public required bool OffersPanel { get; init; }
    public required string DirectoryFields { get; init; }
    public required MemberSource Source { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<GeneratedStudy> Studies { get; init; }

    /// <summary>Granted or withdrawn, for every channel (in <see cref="ConsentChannel"/> order).</summary>
    public required IReadOnlyList<bool> Consents { get; init; }

    public bool DirectoryListed => Consents[(int)ConsentChannel.Directory];
}
