using Microsoft.AspNetCore.Diagnostics;

namespace Alumni.Api.Infrastructure.Http;

/// <summary>
/// Turns every error the pipeline produces into a problem: unhandled exceptions (500; a bad request Kestrel rejected,
/// such as 413, is <see cref="BadRequestExceptionHandler"/>'s), and bodiless error statuses from routing (404, 405, 415).
/// Problems from validation and from the slices themselves are written by <see cref="Problems"/> directly.
/// </summary>
public static class ProblemResponses
{
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                var problem = Problems.Create(context, StatusCodes.Status500InternalServerError,
                    "An unexpected error occurred. It has been logged; quote the trace id when reporting it.");
                return Problems.WriteAsync(context, problem);
            },
        });

        app.UseStatusCodePages(context =>
        {
            var response = context.HttpContext.Response;
            return response.HasStarted || response.ContentLength > 0 || !string.IsNullOrEmpty(response.ContentType)
                ? Task.CompletedTask
                : Problems.WriteAsync(context.HttpContext, Problems.Create(context.HttpContext, response.StatusCode));
        });
        return app;
    }
}

/// <summary>
/// Answers a request Kestrel refused while the app read it (a body over the size limit: 413; a body it could not read:
/// 400) with its problem. That is the client's mistake, not a fault: one warning line, no stack trace.
/// </summary>
public sealed class BadRequestExceptionHandler(ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        logger.LogWarning("Refused {Method} {Path}: {Status} {Reason}", context.Request.Method, context.Request.Path.Value,
            bad.StatusCode, bad.Message);
        await Problems.WriteAsync(context, Problems.Create(context, bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than this operation accepts."
            : "The request could not be read."));
        return true;
    }
}
