namespace Alumni.Contracts.Problems;

/// <summary>
/// The stable <c>type</c> URIs of the API's RFC 9457 problem responses. Integrators may switch on them;
/// they never change meaning.
/// </summary>
public static class ProblemTypes
{
    /// <summary>400: one or more fields are invalid; see <c>errors</c>.</summary>
    public const string ValidationFailed = "urn:alumni:problem:validation-failed";

    /// <summary>400: the request could not be read (malformed JSON, wrong content type, bad header).</summary>
    public const string MalformedRequest = "urn:alumni:problem:malformed-request";

    /// <summary>401: the request needs a signed-in person or an API key, and had neither (or a revoked or expired one).</summary>
    public const string Unauthorized = "urn:alumni:problem:unauthorized";

    /// <summary>403: the caller is known but may not do this.</summary>
    public const string Forbidden = "urn:alumni:problem:forbidden";

    /// <summary>403: a request with the session cookie lacked the session's <c>X-CSRF-Token</c> header.</summary>
    public const string AntiForgeryFailed = "urn:alumni:problem:anti-forgery-failed";

    /// <summary>429: too many requests; wait the number of seconds in <c>Retry-After</c>.</summary>
    public const string TooManyRequests = "urn:alumni:problem:too-many-requests";

    /// <summary>404: nothing exists at that address.</summary>
    public const string NotFound = "urn:alumni:problem:not-found";

    /// <summary>405: the resource exists but not with that method.</summary>
    public const string MethodNotAllowed = "urn:alumni:problem:method-not-allowed";

    /// <summary>409: the request conflicts with existing data (e.g. a code already taken).</summary>
    public const string Conflict = "urn:alumni:problem:conflict";

    /// <summary>412: the <c>If-Match</c> version is stale; read the resource again.</summary>
    public const string PreconditionFailed = "urn:alumni:problem:precondition-failed";

    /// <summary>428: the operation needs an <c>If-Match</c> header.</summary>
    public const string PreconditionRequired = "urn:alumni:problem:precondition-required";

    /// <summary>
    /// 422: the <c>Idempotency-Key</c> was already used by this caller for another request (another body or options);
    /// send a new key for a new request.
    /// </summary>
    public const string IdempotencyKeyReused = "urn:alumni:problem:idempotency-key-reused";

    /// <summary>413: the request body is larger than allowed.</summary>
    public const string PayloadTooLarge = "urn:alumni:problem:payload-too-large";

    /// <summary>415: the request body has a media type the operation does not accept.</summary>
    public const string UnsupportedMediaType = "urn:alumni:problem:unsupported-media-type";

    /// <summary>500: an unexpected error; quote <c>traceId</c> when reporting it.</summary>
    public const string InternalError = "urn:alumni:problem:internal-error";

    /// <summary>Any other status without a more specific type.</summary>
    public const string Http = "urn:alumni:problem:http";
}
