using Alumni.Api.Features.Events.Occasions;
using Alumni.Api.Infrastructure.Hosting;

namespace Alumni.Api.Features.Events;

/// <summary>What the Events slice adds to the host.</summary>
public sealed class EventsModule : ISliceModule
{
    /// <inheritdoc />
    public IReadOnlyList<string> OwnedTables { get; } = [.. OccasionTables.Owned];

    /// <inheritdoc />
    public IReadOnlyList<Published> Published { get; } = [];

    public void Add(WebApplicationBuilder builder)
    {
    }
}
