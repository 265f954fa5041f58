namespace Assistant.Core.Dispatching;

public static class HandlerRegistration
{
    /// <summary>
    /// Registers a handler once: as itself, as <see cref="ICommandHandler"/> and <see cref="ICallbackHandler"/> when it is
    /// one, and its declared specs for the <see cref="CommandTable"/>.
    /// </summary>
    public static IServiceCollection AddHandler<T>(this IServiceCollection services)
        where T : class, IDeclaresSpecs
    {
        services.AddSingleton<T>();
        services.AddSingleton(new HandlerSpecs(typeof(T), T.Commands, T.Buttons));
        if (typeof(ICommandHandler).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (ICommandHandler)sp.GetRequiredService<T>());
        }

        if (typeof(ICallbackHandler).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (ICallbackHandler)sp.GetRequiredService<T>());
        }

        return services;
    }
}
