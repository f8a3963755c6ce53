using Alumni.Api.Infrastructure.Hosting;

namespace Alumni.Api.Features.Departments;

/// <summary>The Departments slice: the organisation (faculties and their departments). It adds no services of its own.</summary>
public sealed class DepartmentsModule : ISliceModule
{
    /// <inheritdoc />
    public IReadOnlyList<string> OwnedTables { get; } = ["faculties", "departments", "department_directory"];

    /// <inheritdoc />
    public IReadOnlyList<Published> Published { get; } = [Infrastructure.Hosting.Published.View("department_directory")];

    public void Add(WebApplicationBuilder builder)
    {
    }
}
