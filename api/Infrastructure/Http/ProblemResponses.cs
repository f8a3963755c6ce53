using Microsoft.AspNetCore.Diagnostics;

namespace Alumni.Api.Infrastructure.Http;

/// <summary>
/// Turns every error the pipeline produces into a problem: unhandled exceptions (500, or the status of a
/// bad request Kestrel rejected, such as 413), and bodiless error statuses from routing (404, 405, 415).
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
                var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
                var problem = exception is BadHttpRequestException bad
                    ? Problems.Create(context, bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                        ? "The request body is larger than this operation accepts."
                        : "The request could not be read.")
                    : Problems.Create(context, StatusCodes.Status500InternalServerError,
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
