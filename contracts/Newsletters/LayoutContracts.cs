using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Newsletters;

/// <summary>
/// A layout as admins write it: the header and footer around every mail's body (Markdown, per language, with member
/// fields such as <c>{{ member.first_name }}</c> allowed) and the postal address. The visible "change what you get /
/// unsubscribe" link is always added below the address.
/// </summary>
public record LayoutInput
{
    [Required] public string Name { get; init; } = "";

    /// <summary>Markdown.</summary>
    [MultiLine] public string? HeaderSv { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? HeaderEn { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? FooterSv { get; init; }

    /// <summary>Markdown.</summary>
    [MultiLine] public string? FooterEn { get; init; }

    /// <summary>The sender's postal address, shown in every mail (one or more lines).</summary>
    [Required, MultiLine] public string PostalAddress { get; init; } = "";

    /// <summary>True: campaigns without a layout of their own get this one (the previous default stops being it).</summary>
    public bool IsDefault { get; init; }
}

/// <summary>A new layout.</summary>
public sealed record CreateLayoutRequest : LayoutInput;

/// <summary>A change of a layout (If-Match required).</summary>
public sealed record UpdateLayoutRequest : LayoutInput
{
    /// <summary>The layout (from the route).</summary>
    [Required] public Guid Id { get; init; }
}

/// <summary>Addresses a layout by its id.</summary>
public sealed record LayoutByIdRequest
{
    [Required] public Guid Id { get; init; }
}

/// <summary>A layout with its version (also its ETag).</summary>
public sealed record LayoutResponse
{
    [Required] public Guid Id { get; init; }

    [Required] public string Name { get; init; } = "";

    public string? HeaderSv { get; init; }

    public string? HeaderEn { get; init; }

    public string? FooterSv { get; init; }

    public string? FooterEn { get; init; }

    [Required] public string PostalAddress { get; init; } = "";

    [Required] public bool IsDefault { get; init; }

    [Required] public DateTimeOffset CreatedAt { get; init; }

    [Required] public DateTimeOffset UpdatedAt { get; init; }

    [Required] public int Version { get; init; }
}
