using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Identity;

/// <summary>Asks for a one-time sign-in code by e-mail.</summary>
public sealed record RequestCodeRequest
{
    /// <summary>The address to send the code to.</summary>
    [Required] public string Email { get; init; } = "";
}

/// <summary>The same answer whether or not the address is known.</summary>
public sealed record CodeRequestedResponse
{
    /// <summary>What to tell the person.</summary>
    [Required] public string Message { get; init; } = "";

    /// <summary>How long a code is valid.</summary>
    [Required] public int ExpiresInMinutes { get; init; }
}

/// <summary>Signs in with the code that was e-mailed.</summary>
public sealed record SignInRequest
{
    /// <summary>The address the code was sent to.</summary>
    [Required] public string Email { get; init; } = "";

    /// <summary>The code from the e-mail (letters and digits; case, spaces and hyphens do not matter).</summary>
    [Required] public string Code { get; init; } = "";
}

/// <summary>A department a coordinator works for.</summary>
public sealed record DepartmentRef
{
    /// <summary>The department's code.</summary>
    [Required] public string Code { get; init; } = "";

    /// <summary>Name in Swedish.</summary>
    [Required] public string NameSv { get; init; } = "";

    /// <summary>Name in English.</summary>
    [Required] public string NameEn { get; init; } = "";
}

/// <summary>Who is signed in.</summary>
public sealed record MeResponse
{
    /// <summary>The person's user id.</summary>
    [Required] public Guid UserId { get; init; }

    /// <summary>The address they sign in with.</summary>
    [Required] public string Email { get; init; } = "";

    /// <summary>Their name, where known.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Roles: <c>admin</c> (central office), <c>coordinator</c> (has departments), <c>alumnus</c> (neither).</summary>
    [Required] public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The departments a coordinator works for.</summary>
    [Required] public IReadOnlyList<DepartmentRef> Departments { get; init; } = [];

    /// <summary>Send this in the <c>X-CSRF-Token</c> header of every POST, PUT, PATCH and DELETE made with the session cookie.</summary>
    [Required] public string CsrfToken { get; init; } = "";
}

/// <summary>One of my sessions (a signed-in browser).</summary>
public sealed record SessionResponse
{
    /// <summary>The session's id.</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>When it was signed in.</summary>
    [Required] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last used.</summary>
    [Required] public DateTimeOffset LastSeenAt { get; init; }

    /// <summary>When it ends if not used again (idle expiry, at most the absolute expiry).</summary>
    [Required] public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The browser, as it described itself.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The address it signed in from.</summary>
    public string? ClientIp { get; init; }

    /// <summary>True for the session making this request.</summary>
    [Required] public bool IsCurrent { get; init; }
}

/// <summary>Addresses one of my sessions.</summary>
public sealed record SessionByIdRequest
{
    /// <summary>The session's id.</summary>
    [Required] public Guid Id { get; init; }
}
