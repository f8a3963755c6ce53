using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts;

/// <summary>A request for one page of a list: every paged list takes these two query parameters.</summary>
public interface IPageRequest
{
    /// <summary>The page, from 1.</summary>
    int Page { get; }

    /// <summary>Items per page, 1–200.</summary>
    int PageSize { get; }
}

/// <summary>
/// One page of a list. <c>total</c> counts every match across pages exactly up to 1,000; when more match it says 1,000
/// and <c>totalExact</c> is false (page on until a page is not full).
/// </summary>
public sealed record Paged<T>
{
    [Required] public IReadOnlyList<T> Items { get; init; } = [];

    /// <summary>This page's number, from 1.</summary>
    [Required] public int Page { get; init; }

    /// <summary>Items per page.</summary>
    [Required] public int PageSize { get; init; }

    /// <summary>All matches, across pages, counted exactly up to 1,000.</summary>
    [Required] public int Total { get; init; }

    /// <summary>False when more match than <c>total</c> says.</summary>
    [Required] public bool TotalExact { get; init; }
}
