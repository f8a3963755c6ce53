using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Network;

/// <summary>What a toolkit item is (stored in <c>toolkit_items.kind</c> as the lower-case name).</summary>
public enum ToolkitItemKind
{
    /// <summary>A ready message (a post, a mail, a slide text).</summary>
    Message,

    /// <summary>A template to fill in.</summary>
    Template,

    /// <summary>A guide: how to do something.</summary>
    Guide,

    /// <summary>A checklist.</summary>
    Checklist,
}

/// <summary>
/// A toolkit item as the office writes it: its kind, a title, summary and body (Markdown) in Swedish and English (at
/// least one language with a title and a body), and tags. The texts may hold the placeholders
/// <c>{{department.name}}</c>, <c>{{department.code}}</c>, <c>{{department.recruitment_link}}</c>,
/// <c>{{department.recruitment_qr}}</c>, <c>{{coordinator.name}}</c>, <c>{{coordinator.email}}</c> and
/// <c>{{coordinator.phone}}</c>, filled for the reader's department; any other is refused.
/// </summary>
public record ToolkitItemInput
{
    [Required] public ToolkitItemKind Kind { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    /// <summary>A line or two on what it is for.</summary>
    [MultiLine] public string? SummarySv { get; init; }

    [MultiLine] public string? SummaryEn { get; init; }

    /// <summary>Markdown with placeholders.</summary>
    [MultiLine] public string? BodySv { get; init; }

    /// <summary>Markdown with placeholders.</summary>
    [MultiLine] public string? BodyEn { get; init; }

    /// <summary>Tags, up to 10 (matched without regard to case; the first spelling is kept).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>A new toolkit item (its version 1).</summary>
public sealed record CreateToolkitItemRequest : ToolkitItemInput;

/// <summary>A change of a toolkit item: its next version, with a note of what changed (If-Match required).</summary>
public sealed record UpdateToolkitItemRequest : ToolkitItemInput
{
    /// <summary>The item (from the route).</summary>
    [Required] public Guid Id { get; init; }

    /// <summary>What changed, for the network to read in the item's history.</summary>
    [Required] public string ChangeNote { get; init; } = "";
}

/// <summary>Addresses a toolkit item by its id.</summary>
public sealed record ToolkitItemByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>Addresses one version of a toolkit item.</summary>
public sealed record ToolkitItemVersionRequest
{
    [Required] public Guid Id { get; init; }

    /// <summary>The version's number, from 1.</summary>
    [Required] public int Number { get; init; }
}

/// <summary>A page of the toolkit, latest change first.</summary>
public sealed record ListToolkitItemsRequest : IPageRequest
{
    /// <summary>Words in a title, summary or body of the current version.</summary>
    public string? Q { get; init; }

    public ToolkitItemKind? Kind { get; init; }

    /// <summary>Only items with this tag (without regard to case).</summary>
    public string? Tag { get; init; }

    /// <summary>Only items changed (created or given a new version) at or after this instant.</summary>
    public DateTimeOffset? ChangedSince { get; init; }

    /// <summary>Archived items instead of those in use (admins).</summary>
    public bool Archived { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <summary>A toolkit item as the list shows it: its current version's titles and summaries, and when it last changed.</summary>
public sealed record ToolkitItemSummary
{
    [Required] public Guid Id { get; init; }

    [Required] public ToolkitItemKind Kind { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? SummarySv { get; init; }

    public string? SummaryEn { get; init; }

    [Required] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The number of the current version.</summary>
    [Required] public int CurrentVersion { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the current version was made (the item's last change).</summary>
    [Required] public DateTimeOffset ChangedAt { get; init; }

    public DateTimeOffset? ArchivedAt { get; init; }
}

/// <summary>A toolkit item with its current version's texts; its version (also its ETag) guards changes.</summary>
public sealed record ToolkitItemResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public ToolkitItemKind Kind { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? SummarySv { get; init; }

    public string? SummaryEn { get; init; }

    public string? BodySv { get; init; }

    public string? BodyEn { get; init; }

    [Required] public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The number of the current version.</summary>
    [Required] public int CurrentVersion { get; init; }

    /// <summary>The current version's note of what changed (none for version 1).</summary>
    public string? ChangeNote { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the current version was made.</summary>
    [Required] public DateTimeOffset ChangedAt { get; init; }

    /// <summary>Who made the current version (a name, none once erased or for the seeded items).</summary>
    public string? ChangedBy { get; init; }

    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>The item's version for If-Match (changes with every new version and with archiving).</summary>
    [Required] public int Version { get; init; }
}

/// <summary>One version in an item's history: its number, when and by whom it was made, and what changed.</summary>
public sealed record ToolkitItemVersionSummary
{
    [Required] public int Number { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public string? ChangeNote { get; init; }
}

/// <summary>One version of a toolkit item, whole.</summary>
public sealed record ToolkitItemVersionResponse
{
    [Required] public Guid ItemId { get; init; }

    [Required] public int Number { get; init; }

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? SummarySv { get; init; }

    public string? SummaryEn { get; init; }

    public string? BodySv { get; init; }

    public string? BodyEn { get; init; }

    public string? ChangeNote { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }
}

/// <summary>A toolkit item's current texts filled for a department of the caller.</summary>
public sealed record FilledToolkitItemRequest
{
    [Required] public Guid Id { get; init; }

    /// <summary>The department's code: a coordinator's own (default their first), any for an admin (default the first).</summary>
    public string? Department { get; init; }
}

/// <summary>The department texts are filled for.</summary>
public sealed record ToolkitDepartment
{
    [Required] public Guid Id { get; init; }

    [Required] public string Code { get; init; } = "";

    [Required] public string NameSv { get; init; } = "";

    [Required] public string NameEn { get; init; } = "";
}

/// <summary>
/// A toolkit item's current texts with its placeholders filled for a department. A placeholder without a value (no open
/// recruitment link, no coordinator, no phone number) is left as a visible marker such as
/// <c>[saknas: department.recruitment_link]</c> / <c>[missing: department.recruitment_link]</c> and named in
/// <c>missing</c>.
/// </summary>
public sealed record FilledToolkitItemResponse
{
    [Required] public Guid ItemId { get; init; }

    [Required] public ToolkitItemKind Kind { get; init; }

    /// <summary>The version filled (the current one).</summary>
    [Required] public int Number { get; init; }

    [Required] public ToolkitDepartment Department { get; init; } = new();

    public string? TitleSv { get; init; }

    public string? TitleEn { get; init; }

    public string? SummarySv { get; init; }

    public string? SummaryEn { get; init; }

    public string? BodySv { get; init; }

    public string? BodyEn { get; init; }

    /// <summary>The department's newest open recruitment link, if it has one.</summary>
    public string? RecruitmentLink { get; init; }

    /// <summary>The address of that link's QR code (an image the API serves), if there is a link.</summary>
    public string? RecruitmentQrUrl { get; init; }

    /// <summary>The placeholders the item uses that have no value for this department (such as <c>department.recruitment_link</c>).</summary>
    [Required] public IReadOnlyList<string> Missing { get; init; } = [];
}

/// <summary>The QR code of a department's newest open recruitment link.</summary>
public sealed record ToolkitQrRequest
{
    /// <summary>The department's code: a coordinator's own, any for an admin.</summary>
    [Required] public string Department { get; init; } = "";
}
