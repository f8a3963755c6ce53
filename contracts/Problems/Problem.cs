using System.ComponentModel.DataAnnotations;

namespace Alumni.Contracts.Problems;

/// <summary>An RFC 9457 problem (<c>application/problem+json</c>), the body of every error response.</summary>
public sealed record Problem
{
    /// <summary>A stable URI naming the kind of problem; see <see cref="ProblemTypes"/>.</summary>
    [Required] public string Type { get; init; } = ProblemTypes.Http;

    /// <summary>A short human summary of the kind of problem.</summary>
    [Required] public string Title { get; init; } = "";

    /// <summary>The HTTP status code.</summary>
    [Required] public int Status { get; init; }

    /// <summary>A human explanation of this occurrence.</summary>
    public string? Detail { get; init; }

    /// <summary>The request path this occurrence is about.</summary>
    public string? Instance { get; init; }

    /// <summary>Identifies the request in the server's logs.</summary>
    public string? TraceId { get; init; }

    /// <summary>Validation errors: messages keyed by the request field's JSON name.</summary>
    public IDictionary<string, string[]>? Errors { get; init; }
}
