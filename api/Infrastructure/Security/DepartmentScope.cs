using System.Security.Claims;

namespace Alumni.Api.Infrastructure.Security;

/// <summary>
/// The departments a staff caller may see and change: all of them for an admin or an integration key, only their
/// own for a coordinator. Every staff query over department-owned rows filters by it, in SQL, with the predicate the
/// slice owning the department assignments publishes, passing <see cref="ScopeAll"/> and <see cref="ScopeUserId"/>. A
/// test fails for any statement that reads a table with a <c>department_id</c> column without <c>@ScopeAll</c>, unless
/// its field is marked <see cref="UnscopedAttribute"/> with a reason.
/// </summary>
public sealed record DepartmentScope(bool ScopeAll, Guid ScopeUserId)
{
    /// <summary>The scope of a caller; nothing at all for a caller who is neither staff nor a key.</summary>
    public static DepartmentScope Of(ClaimsPrincipal user) =>
        user.IsAdmin() || user.IsKey()
            ? new DepartmentScope(true, Guid.Empty)
            : new DepartmentScope(false, user.PersonId() ?? Guid.Empty);
}

/// <summary>Marks a statement that reads department-owned rows without the department scope, saying why that is right.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class UnscopedAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
