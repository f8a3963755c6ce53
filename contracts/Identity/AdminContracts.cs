using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Identity;

/// <summary>A person who can sign in, with their staff roles.</summary>
public sealed record UserResponse
{
    /// <summary>The user id.</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>The address they sign in with.</summary>
    [Required] public string Email { get; init; } = "";

    /// <summary>Their name as given when they were added, where known.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The name to show: the name they were given, else their name as a member; null when neither is known or they are erased.</summary>
    public string? Name { get; init; }

    /// <summary>Erased at their request: their address and name are gone (show "erased person").</summary>
    [Required] public bool Erased { get; init; }

    /// <summary>A central admin.</summary>
    [Required] public bool IsAdmin { get; init; }

    /// <summary>Codes of the departments they coordinate.</summary>
    [Required] public IReadOnlyList<string> DepartmentCodes { get; init; } = [];

    /// <summary>When the user was added.</summary>
    [Required] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When they last signed in.</summary>
    public DateTimeOffset? LastSignInAt { get; init; }
}

/// <summary>Filters the people list.</summary>
public sealed record ListUsersRequest
{
    /// <summary>Part of an address or name.</summary>
    public string? Search { get; init; }

    /// <summary>Only staff (admins and coordinators).</summary>
    public bool StaffOnly { get; init; }
}

/// <summary>Adds a person by address (idempotent: an existing one is returned as it is).</summary>
public sealed record CreateUserRequest
{
    /// <summary>The address they will sign in with.</summary>
    [Required] public string Email { get; init; } = "";

    /// <summary>Their name.</summary>
    public string? DisplayName { get; init; }
}

/// <summary>Addresses one user.</summary>
public sealed record UserByIdRequest
{
    /// <summary>The user id.</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>An API key for an integration (never with its secret).</summary>
public sealed record ApiKeyResponse
{
    /// <summary>The key's id.</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>What the key is for.</summary>
    [Required] public string Name { get; init; } = "";

    /// <summary>The visible start of the key, to recognise it.</summary>
    [Required] public string Prefix { get; init; } = "";

    /// <summary>What the key may do.</summary>
    [Required] public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>When it was made.</summary>
    [Required] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops working by itself.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When it was last used.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>When it was revoked.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>A new API key.</summary>
public sealed record CreateApiKeyRequest
{
    /// <summary>What the key is for, e.g. "Ladok import".</summary>
    [Required] public string Name { get; init; } = "";

    /// <summary>What it may do; see the scopes list.</summary>
    [Required] public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>When it stops working by itself (optional, in the future).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>The new key and, this once only, its secret.</summary>
public sealed record CreatedApiKeyResponse
{
    /// <summary>The key.</summary>
    [Required] public ApiKeyResponse Key { get; init; } = new();

    /// <summary>The whole key to send as <c>Authorization: Bearer ...</c>. It is not stored and cannot be shown again.</summary>
    [Required] public string Secret { get; init; } = "";
}

/// <summary>Addresses one API key.</summary>
public sealed record ApiKeyByIdRequest
{
    /// <summary>The key's id.</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>A scope an API key can be given.</summary>
public sealed record ScopeResponse
{
    /// <summary>The scope, e.g. <c>departments:write</c>.</summary>
    [Required] public string Name { get; init; } = "";

    /// <summary>What the scope is called, in the request's language.</summary>
    [Required] public string Label { get; init; } = "";

    /// <summary>What a key with it may do, in the request's language.</summary>
    [Required] public string Description { get; init; } = "";

    /// <summary>The area it belongs to, e.g. <c>members</c>, for grouping.</summary>
    [Required] public string Area { get; init; } = "";

    /// <summary>The area's name, in the request's language.</summary>
    [Required] public string AreaLabel { get; init; } = "";

    /// <summary>The operations it lets a key call.</summary>
    [Required] public IReadOnlyList<string> Operations { get; init; } = [];
}

/// <summary>Filters and pages the audit log.</summary>
public sealed record ListAuditRequest : IPageRequest
{
    /// <summary>Only entries of this kind of event.</summary>
    public AuditKind? Kind { get; init; }

    /// <summary>Only entries of this action, e.g. <c>auth.sign-in</c>.</summary>
    public string? Action { get; init; }

    /// <summary>Only entries by this actor (user or key id).</summary>
    public string? ActorId { get; init; }

    /// <summary>Only entries about this kind of entity.</summary>
    public string? EntityType { get; init; }

    /// <summary>Only entries about this entity.</summary>
    public string? EntityId { get; init; }

    /// <summary>From this instant (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Until this instant (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Page number, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Entries per page, 1–200.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>One audit log entry.</summary>
public sealed record AuditEntryResponse
{
    /// <summary>The entry's id.</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>When it happened.</summary>
    [Required] public DateTimeOffset At { get; init; }

    /// <summary><c>user</c>, <c>key</c>, <c>anonymous</c> or <c>system</c>.</summary>
    [Required] public string ActorType { get; init; } = "";

    /// <summary>The user or key id.</summary>
    public string? ActorId { get; init; }

    /// <summary>
    /// Who acted, to show: a person's name (else their address), a key's name; null for the system, an anonymous
    /// caller and an erased person.
    /// </summary>
    public string? ActorName { get; init; }

    /// <summary>The actor is a person erased since: show "erased person".</summary>
    [Required] public bool ActorErased { get; init; }

    /// <summary>What was done.</summary>
    [Required] public string Action { get; init; } = "";

    /// <summary>The kind of event the action is; null for an action of no known kind.</summary>
    public AuditKind? Kind { get; init; }

    /// <summary>The kind of thing acted on.</summary>
    public string? EntityType { get; init; }

    /// <summary>Its id.</summary>
    public string? EntityId { get; init; }

    /// <summary>The name of the person, member or key acted on, where known and not erased.</summary>
    public string? EntityName { get; init; }

    /// <summary>The member or person acted on has been erased since: show "erased person".</summary>
    [Required] public bool EntityErased { get; init; }

    /// <summary>Where the request came from.</summary>
    public string? ClientIp { get; init; }

    /// <summary><c>success</c>, <c>failure</c> or <c>denied</c>.</summary>
    [Required] public string Outcome { get; init; } = "";

    /// <summary>A short note.</summary>
    public string? Detail { get; init; }
}

/// <summary>The kinds of event in the audit log, for filtering.</summary>
public enum AuditKind
{
    /// <summary>Sign-in codes, sign-ins, sign-outs and sessions.</summary>
    SignIn,

    /// <summary>Staff reading, changing, exporting and erasing members.</summary>
    Members,

    /// <summary>Bulk imports of members.</summary>
    Imports,

    /// <summary>Departments and faculties.</summary>
    Departments,

    /// <summary>People who sign in and their staff roles.</summary>
    People,

    /// <summary>API keys.</summary>
    ApiKeys,

    /// <summary>Recruitment campaigns.</summary>
    Recruitment,

    /// <summary>Events (created, changed, published, cancelled, completed) and occasions abroad.</summary>
    Events,

    /// <summary>Newsletters: topics, segments, messages, layouts, campaigns and their sends, bounces, the welcome series.</summary>
    Newsletters,

    /// <summary>The coordinator network: assignments, the toolkit, initiatives, support requests, meetings' notes and news.</summary>
    Network,
}
