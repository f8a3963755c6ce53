using Alumni.Contracts.Problems;
using Microsoft.AspNetCore.Diagnostics;

namespace Alumni.Api.Infrastructure.Http;

/// <summary>
/// The one way a handler answers with an error: throw it, and <see cref="ProblemExceptionHandler"/> writes the RFC 9457
/// problem. The unit of work open in the handler is disposed on the way out, so nothing of the request is written.
/// </summary>
public sealed class ProblemException(int status, string detail, string? type = null, IDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>The stable problem type, or null for the status's own.</summary>
    public string? Type { get; } = type;

    /// <summary>Field errors, keyed by JSON field name.</summary>
    public IDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>Headers to send with the problem (such as <c>Retry-After</c>).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>404: nothing the caller may see has that address.</summary>
    public static ProblemException NotFound(string detail) => new(StatusCodes.Status404NotFound, detail);

    /// <summary>409: the request conflicts with what is stored.</summary>
    public static ProblemException Conflict(string detail) => new(StatusCodes.Status409Conflict, detail, ProblemTypes.Conflict);

    /// <summary>400 with one field error.</summary>
    public static ProblemException Field(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "One or more fields are invalid; see errors.", ProblemTypes.ValidationFailed,
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>429 with <c>Retry-After</c>.</summary>
    public static ProblemException TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var problem = new ProblemException(StatusCodes.Status429TooManyRequests, $"Too many requests. Try again in {seconds} seconds.");
        problem.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return problem;
    }
}

/// <summary>Writes a thrown <see cref="ProblemException"/> as its problem; being an answer, not a fault, it is not logged as an error.</summary>
public sealed class ProblemExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not ProblemException problem)
        {
            return false;
        }

        foreach (var (name, value) in problem.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var errors = problem.Errors;
        await Problems.WriteAsync(context, Problems.Create(context, problem.Status, problem.Message, problem.Type,
            title: errors is null ? null : "Validation failed", errors: errors));
        return true;
    }
}
