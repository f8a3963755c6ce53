using Alumni.Api.Infrastructure.Text;

namespace Alumni.Api.Features.Departments;

/// <summary>The rules department use cases share.</summary>
internal static class DepartmentRules
{
    /// <summary>The field error for a faculty code that names no faculty.</summary>
    public static string UnknownFaculty(string code) =>
        Texts.Get("departments.noFacultyHasTheCode", code);

    /// <summary>Route codes are matched case-insensitively: <c>/departments/dsv</c> is DSV.</summary>
    public static string NormaliseCode(string code) => code.Trim().ToUpperInvariant();
}
