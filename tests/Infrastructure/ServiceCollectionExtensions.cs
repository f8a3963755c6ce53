using Microsoft.Extensions.DependencyInjection;

namespace Alumni.Api.Tests.Infrastructure;

public static class ServiceCollectionExtensions
{
    /// <summary>Removes every registration of a service type.</summary>
    public static IServiceCollection RemoveAll<T>(this IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T)).ToList())
        {
            services.Remove(descriptor);
        }

        return services;
    }
}
