namespace Alumni.Api.Infrastructure.Hosting;

/// <summary>
/// What a slice adds to the host (authentication handlers, rate-limit policies, options) and the tables it owns.
/// Implementations are found by assembly scan and created with their parameterless constructor; one per slice.
/// </summary>
public interface ISliceModule : ITableOwner
{
    void Add(WebApplicationBuilder builder);
}
