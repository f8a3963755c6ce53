using Alumni.Contracts.Problems;

namespace Alumni.Api.Infrastructure.Http;

/// <summary>Endpoint metadata: the operation requires an <c>If-Match</c> header (428 without it).</summary>
public sealed class RequiresIfMatch;

/// <summary>Endpoint metadata: the operation honours an optional <c>If-Match</c> header.</summary>
public sealed class AcceptsIfMatch;

/// <summary>Declaring an endpoint's problem responses, so the contract lists them.</summary>
public static class EndpointConventions
{
    /// <summary>The endpoint can answer with a problem of each of these statuses.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<Problem>(status, Problems.MediaType);
        }

        return builder;
    }
}
