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

    /// <summary>
    /// Registers <typeparamref name="T"/> as a singleton of itself, and as the same instance for each of
    /// <paramref name="alsoAs"/> (the interfaces it serves: a job handler, a flow…).
    /// </summary>
    public static IServiceCollection AddSingletonAs<T>(this IServiceCollection services, params Type[] alsoAs)
        where T : class
    {
        services.AddSingleton<T>();
        foreach (var type in alsoAs)
        {
            if (!type.IsAssignableFrom(typeof(T)))
            {
                throw new ArgumentException($"{typeof(T).Name} is not a {type.Name}.", nameof(alsoAs));
            }

            services.AddSingleton(type, sp => sp.GetRequiredService<T>());
        }

        return services;
    }

    /// <summary>Registers a singleton that is also a hosted service (the same instance).</summary>
    public static IServiceCollection AddHostedSingleton<T>(this IServiceCollection services)
        where T : class, IHostedService
    {
        services.AddSingleton<T>();
        return services.AddHostedService(sp => sp.GetRequiredService<T>());
    }
}
