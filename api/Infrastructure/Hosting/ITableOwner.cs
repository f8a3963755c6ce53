namespace Alumni.Api.Infrastructure.Hosting;

/// <summary>
/// The tables and views one part of the application owns, and what of them it publishes. Only the owner's SQL reads
/// and writes its tables; another slice reads only what the owner publishes. Each slice declares this on its
/// <see cref="ISliceModule"/>; the infrastructure's own plumbing tables are declared by <see cref="InfrastructureTables"/>.
/// The owner is named by the namespace of the declaring type (<c>Alumni.Api.Features.&lt;Slice&gt;</c>, or
/// <c>Alumni.Api.Infrastructure</c>); a test checks that every table the migrations create has exactly one owner.
/// </summary>
public interface ITableOwner
{
    /// <summary>The tables and views this owner's migrations create, by their unqualified names.</summary>
    IReadOnlyList<string> OwnedTables { get; }

    /// <summary>What other slices may read: views among <see cref="OwnedTables"/>, or named SQL fragments.</summary>
    IReadOnlyList<Published> Published { get; }
}

/// <summary>
/// Something an owner lets other slices read: a view it owns (<see cref="View"/>), or a named SQL fragment
/// (<see cref="Fragment"/>) that other slices embed verbatim in their statements; a statement holding the fragment's
/// text may read the owner's tables the fragment names.
/// </summary>
/// <param name="Name">The view's name, or the fragment's (its declaring member, such as <c>DepartmentSql.Names</c>).</param>
/// <param name="Text">The fragment's SQL; null for a view.</param>
public sealed record Published(string Name, string? Text)
{
    /// <summary>A view other slices may read like a table.</summary>
    public static Published View(string name) => new(name, null);

    /// <summary>A SQL fragment other slices may embed; it must be the text they embed, character for character.</summary>
    public static Published Fragment(string name, string text) => new(name, text);
}

/// <summary>
/// The tables of the infrastructure: generic plumbing that names no slice (the job queue, the application's own
/// secrets, DbUp's journal).
/// </summary>
public sealed class InfrastructureTables : ITableOwner
{
    /// <summary>DbUp's journal of applied scripts (its default name on both providers); DbUp creates it, no migration does.</summary>
    public const string MigrationJournal = "SchemaVersions";

    /// <inheritdoc />
    public IReadOnlyList<string> OwnedTables { get; } = ["jobs", "job_status", "app_secrets", MigrationJournal];

    /// <inheritdoc />
    public IReadOnlyList<Published> Published { get; } = [Hosting.Published.View("job_status")];
}
