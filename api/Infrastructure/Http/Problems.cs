using Alumni.Api.Infrastructure.Text;
using System.Diagnostics;
using System.Text.Json;
using Alumni.Contracts.Problems;
using FluentValidation.Results;
using Microsoft.AspNetCore.WebUtilities;

namespace Alumni.Api.Infrastructure.Http;

/// <summary>
/// Builds and writes the RFC 9457 problems that every error response carries (<see cref="Problem"/>),
/// with a stable type, a trace id, and field errors for validation.
/// </summary>
public static class Problems
{
    /// <summary>The media type of every error body.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>The failure name under which the JSON reader reports a body it cannot read.</summary>
    public const string SerializerErrorsField = "$body";

    /// <summary>The stable type for a status that has no more specific one.</summary>
    public static string TypeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ProblemTypes.MalformedRequest,
        StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
        StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
        StatusCodes.Status404NotFound => ProblemTypes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
        StatusCodes.Status409Conflict => ProblemTypes.Conflict,
        StatusCodes.Status412PreconditionFailed => ProblemTypes.PreconditionFailed,
        StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
        StatusCodes.Status428PreconditionRequired => ProblemTypes.PreconditionRequired,
        StatusCodes.Status429TooManyRequests => ProblemTypes.TooManyRequests,
        >= 500 => ProblemTypes.InternalError,
        _ => ProblemTypes.Http,
    };

    /// <summary>A problem about this request.</summary>
    public static Problem Create(HttpContext context, int status, string? detail = null, string? type = null,
        string? title = null, IDictionary<string, string[]>? errors = null) => new()
    {
        Type = type ?? TypeFor(status),
        Title = title ?? ReasonPhrases.GetReasonPhrase(status),
        Status = status,
        Detail = detail,
        Instance = context.Request.Path.Value,
        TraceId = TraceId(context),
        Errors = errors,
    };

    /// <summary>The validation problem for a set of failures (also used by FastEndpoints for every failed validation).</summary>
    public static Problem FromFailures(IEnumerable<ValidationFailure> failures, HttpContext context, int status)
    {
        var list = failures.ToList();
        var malformed = list.FirstOrDefault(f => f.PropertyName == SerializerErrorsField);
        if (malformed is not null)
        {
            return Create(context, StatusCodes.Status400BadRequest, malformed.ErrorMessage, ProblemTypes.MalformedRequest, "Malformed request");
        }

        var errors = list
            .GroupBy(f => FieldName(f.PropertyName), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
        return Create(context, status, "One or more fields are invalid; see errors.",
            status == StatusCodes.Status400BadRequest ? ProblemTypes.ValidationFailed : null,
            status == StatusCodes.Status400BadRequest ? "Validation failed" : null, errors);
    }

    /// <summary>
    /// The failure FastEndpoints records when the body is not JSON it can read: a field error when a value could not be
    /// converted to its field's type (an unknown enum value, text for a number), otherwise a malformed request.
    /// </summary>
    public static ValidationFailure FromJsonException(JsonException exception)
    {
        var field = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        if (field is not null && exception.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return new ValidationFailure(field, Text.Texts.Get("common.thisValueIsNotOne"));
        }

        var where = new List<string>();
        if (!string.IsNullOrEmpty(exception.Path) && exception.Path != "$")
        {
            where.Add("at " + exception.Path);
        }

        if (exception.LineNumber is { } line)
        {
            where.Add($"line {line + 1}");
        }

        if (exception.BytePositionInLine is { } position)
        {
            where.Add($"position {position + 1}");
        }

        return new ValidationFailure(SerializerErrorsField,
            "The request body is not valid JSON for this operation" + (where.Count > 0 ? $" ({string.Join(", ", where)})." : "."));
    }

    /// <summary>The field error FastEndpoints records when a route, query or header value cannot be read as its type.</summary>
    public static string BindingFailure(Type type, string name, Microsoft.Extensions.Primitives.StringValues value)
    {
        var kind = (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(bool) => Text.Texts.Get("common.trueOrFalse"),
            var t when t == typeof(int) || t == typeof(long) => Text.Texts.Get("common.aWholeNumber"),
            var t when t == typeof(Guid) => Text.Texts.Get("common.aUuid"),
            var t when t == typeof(DateTimeOffset) || t == typeof(DateOnly) => Text.Texts.Get("common.aDateInIso8601"),
            _ => Text.Texts.Get("common.aValidValue"),
        };
        return Text.Texts.Get("common.isNot", value, kind);
    }

    /// <summary>Field errors are keyed by the JSON name of the field: <c>FacultyCode</c> and <c>Items[0].Name</c> become <c>facultyCode</c> and <c>items[0].name</c>.</summary>
    private static string FieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>Writes a problem as the response.</summary>
    public static Task WriteAsync(HttpContext context, Problem problem)
    {
        context.Response.StatusCode = problem.Status;
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: MediaType);
    }

    private static string TraceId(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;
}

/// <summary>Sending problems from an endpoint.</summary>
public static class ProblemHttpContextExtensions
{
    /// <summary>Ends the request with 429 and a <c>Retry-After</c> header.</summary>
    public static Task SendTooManyRequestsAsync(this HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.SendProblemAsync(StatusCodes.Status429TooManyRequests, $"Too many requests. Try again in {seconds} seconds.");
    }

    /// <summary>Ends the request with a problem of this status.</summary>
    public static Task SendProblemAsync(this HttpContext context, int status, string detail, string? type = null) =>
        Problems.WriteAsync(context, Problems.Create(context, status, detail, type));
}
