namespace Alumni.Api.Infrastructure.Security;

/// <summary>Who may call an endpoint. Every endpoint declares one with <see cref="AccessAttribute"/>.</summary>
public enum Caller
{
    /// <summary>Anyone, signed in or not, with or without a key.</summary>
    Anonymous,

    /// <summary>Any signed-in person (alumnus, coordinator or admin), acting on their own data.</summary>
    SignedIn,

    /// <summary>A signed-in person who is an active member of the alumni network.</summary>
    Member,

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

    /// <summary>The name of the authorization policy that enforces the rule.</summary>
    public string PolicyName => Scope is null ? $"access:{Caller}" : $"access:{Caller}:{Scope}";

    public override string ToString() => Scope is null ? Caller.ToString() : $"{Caller} or key with {Scope}";
}
