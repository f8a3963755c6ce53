using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Members;

/// <summary>A public sign-up to the alumni network.</summary>
public sealed record SignUpRequest
{
    [Required] public string FirstName { get; init; } = "";

    [Required] public string LastName { get; init; } = "";

    [Required] public string Email { get; init; } = "";

    /// <summary><c>sv</c> or <c>en</c>.</summary>
    [Required] public string PreferredLanguage { get; init; } = "sv";

    /// <summary>What the person studied here (at least one).</summary>
    [Required] public IReadOnlyList<AffiliationInput> Affiliations { get; init; } = [];

    /// <summary>The channels the person agrees to; every other channel stays off.</summary>
    public IReadOnlyList<ConsentChannel> Consents { get; init; } = [];

    /// <summary>"I have earned at least 1 hp at the university": must be true.</summary>
    [Required] public bool ConfirmsCredits { get; init; }

    /// <summary>The recruitment link's token, when the person came through one.</summary>
    public string? CampaignToken { get; init; }
}

/// <summary>The same answer for a new address and a known one.</summary>
public sealed record SignUpResponse
{
    /// <summary>What to tell the person: verify the address with the code that is sent next.</summary>
    [Required] public string Message { get; init; } = "";
}

/// <summary>
/// A sign-up made for my address that I have not confirmed: what it says. Anyone can sign up with any address, so
/// nothing of it counts until the owner of the address, signed in, confirms it (or rejects it).
/// </summary>
public sealed record PendingSignUpResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string Email { get; init; } = "";

    [Required] public string FirstName { get; init; } = "";

    [Required] public string LastName { get; init; } = "";

    /// <summary><c>sv</c> or <c>en</c>.</summary>
    [Required] public string PreferredLanguage { get; init; } = "sv";

    /// <summary>The studies it declares (unverified).</summary>
    [Required] public IReadOnlyList<AffiliationResponse> Affiliations { get; init; } = [];

    /// <summary>The channels it asks consent for; none is granted until confirmed.</summary>
    [Required] public IReadOnlyList<ConsentChannel> RequestedConsents { get; init; } = [];

    [Required] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its version, also its ETag: confirm with it in <c>If-Match</c>, so that a newer sign-up is not confirmed unseen.</summary>
    [Required] public int Version { get; init; }
}

/// <summary>Confirms the sign-up made for my address, with the consents I give.</summary>
public sealed record ConfirmSignUpRequest
{
    /// <summary>The channels I agree to, each one the sign-up asked for; every other channel stays off.</summary>
    [Required] public IReadOnlyList<ConsentChannel> Consents { get; init; } = [];
}

/// <summary>Changes of consents; channels not named are left as they are.</summary>
public sealed record UpdateConsentsRequest
{
    [Required] public IReadOnlyList<ConsentChange> Changes { get; init; } = [];
}

/// <summary>One consent to give or withdraw.</summary>
public sealed record ConsentChange
{
    [Required] public ConsentChannel Channel { get; init; }

    [Required] public bool Granted { get; init; }
}

/// <summary>Addresses one of my affiliations.</summary>
public sealed record AffiliationByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>The erasure code is on its way.</summary>
public sealed record ErasureCodeResponse
{
    /// <summary>What to tell me: look for the code in my mail.</summary>
    [Required] public string Message { get; init; } = "";

    /// <summary>How long the code lasts (0 when none could be sent now).</summary>
    [Required] public int ExpiresInMinutes { get; init; }
}

/// <summary>Erases me, confirmed by a fresh code sent to my address.</summary>
public sealed record EraseMeRequest
{
    /// <summary>A code from <c>members_requestErasureCode</c> (or <c>identity_requestCode</c>), asked for just before.</summary>
    [Required] public string Code { get; init; } = "";
}

/// <summary>Everything the university holds about me (GDPR access).</summary>
public sealed record MyDataExport
{
    [Required] public DateTimeOffset ExportedAt { get; init; }

    /// <summary>A short account, in my language, of what the export holds.</summary>
    [Required] public string Summary { get; init; } = "";

    /// <summary>My record: profile, studies (<c>affiliations</c>) and consents as they stand.</summary>
    [Required] public MemberResponse Profile { get; init; } = new();

    /// <summary>Every change of my consents, oldest first.</summary>
    [Required] public IReadOnlyList<ConsentHistoryResponse> ConsentHistory { get; init; } = [];

    /// <summary>What staff have noted about me, oldest first.</summary>
    [Required] public IReadOnlyList<ExportedNote> Notes { get; init; } = [];

    /// <summary>The recruitment campaign I signed up through, if any.</summary>
    public string? Campaign { get; init; }
}

/// <summary>A staff note about me, as my data export shows it.</summary>
public sealed record ExportedNote
{
    [Required] public DateTimeOffset WrittenAt { get; init; }

    /// <summary>Who wrote it, by role (alumni staff, or a connected system): staff's own addresses are not disclosed.</summary>
    [Required] public string WrittenBy { get; init; } = "";

    [Required] public string Text { get; init; } = "";
}
