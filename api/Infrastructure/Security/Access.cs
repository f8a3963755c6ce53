namespace Alumni.Api.Infrastructure.Security;

/// <summary>Who may call an endpoint. Every endpoint declares one with <see cref="AccessAttribute"/>.</summary>
public enum Caller
{
    /// <summary>Anyone, signed in or not, with or without a key.</summary>
    Anonymous,

    /// <summary>Any signed-in person (alumnus, coordinator or admin), acting on their own data; with <see cref="AccessAttribute.Claim"/>, only those who hold that claim.</summary>
    SignedIn,

    /// <summary>Staff: a coordinator (restricted to their departments by <see cref="DepartmentScope"/>) or an admin; or a key with the scope.</summary>
    Staff,

    /// <summary>A central admin; or a key with the scope.</summary>
    Admin,
}

/// <summary>
/// The access rule of an endpoint: who may call it and, optionally, the API-key scope that also lets an integration
/// call it. An endpoint without one is refused to everyone, and the authorization matrix test fails for it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AccessAttribute(Caller caller) : Attribute
{
    public Caller Caller { get; } = caller;

    /// <summary>An API key with this scope may call the endpoint too (only for Staff and Admin rules).</summary>
    public string? Scope { get; init; }

    /// <summary>
    /// Only signed-in persons who hold this claim (with the value <c>true</c>), which a slice's claims contributor adds at
    /// sign-in (such as "is an active member"); only for <see cref="Caller.SignedIn"/> rules.
    /// </summary>
    public string? Claim { get; init; }

    /// <summary>Who holds <see cref="Claim"/>, in words for the contract ("active members of the alumni network").</summary>
    public string? ClaimHolders { get; init; }

    /// <summary>The name of the authorization policy that enforces the rule.</summary>
    public string PolicyName => $"access:{Caller}" + (Scope is null ? "" : $":{Scope}") + (Claim is null ? "" : $":{Claim}");

    public override string ToString() => (Claim is null ? Caller.ToString() : $"{Caller} with {Claim}") + (Scope is null ? "" : $" or key with {Scope}");
}
