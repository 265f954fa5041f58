namespace Assistant.Core.Common;

/// <summary>Registration as a table: a capability's singletons in one statement instead of a line each.</summary>
public static class ServiceTable
{
    /// <summary>Registers each type as a singleton of itself, in this order.</summary>
    public static IServiceCollection AddSingletons(this IServiceCollection services, params Type[] types)
    {
        foreach (var type in types)
        {
            services.AddSingleton(type);
        }

        return services;
    }

    /// <summary>Registers a singleton that is also a hosted service (the same instance).</summary>
    public static IServiceCollection AddHostedSingleton<T>(this IServiceCollection services)
        where T : class, Microsoft.Extensions.Hosting.IHostedService
    {
        services.AddSingleton<T>();
        return services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
