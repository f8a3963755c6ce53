namespace Alumni.Api.Features.Identity;

/// <summary>
/// The department scope in SQL, published by Identity, which owns the staff's department assignments
/// (<c>user_departments</c>). Every staff statement over department-owned rows carries it, with the arguments of
/// <see cref="Infrastructure.Security.DepartmentScope"/> (<c>@ScopeAll</c>, <c>@ScopeUserId</c>). Other slices embed
/// these texts and never name the table themselves.
/// </summary>
public static class StaffScope
{
    /// <summary>The ids of the departments the staff caller <c>@ScopeUserId</c> is assigned to.</summary>
    public const string CallerDepartments = "SELECT department_id FROM user_departments WHERE user_id = @ScopeUserId";

    /// <summary>The condition "this department column is in the caller's scope" (always true for an admin or a key).</summary>
    public static string Predicate(string departmentColumn) => $"(@ScopeAll = 1 OR {departmentColumn} IN ({CallerDepartments}))";
}
