namespace Alumni.Api.Infrastructure.Hosting;

/// <summary>
/// Services a slice adds to the host (authentication handlers, rate-limit policies, options). Implementations are
/// found by assembly scan and created with their parameterless constructor.
/// </summary>
public interface ISliceModule
{
    void Add(WebApplicationBuilder builder);
}
