namespace Assistant.Core.Common;

/// <summary>
/// The container, with the classes the assemblies register built by the factories written at compile time
/// (<c>CompiledActivators</c>, from src/Assistant.Generators) instead of by reading their constructors through reflection.
/// Same services, same lifetimes, same order; a class without a factory stays with the container's reflection. In the
/// native program reflection reads metadata and invoke stubs spread over the executable and makes generic types at run
/// time (README, Performance).
/// </summary>
public sealed class CompiledActivation(IReadOnlyDictionary<Type, Func<IServiceProvider, object>> factories, ServiceProviderOptions options)
    : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services) => services;

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder)
    {
        Apply(containerBuilder, factories);
        return containerBuilder.BuildServiceProvider(options);
    }

    /// <summary>Replaces each registration by type that has a factory with the same registration by factory; returns how many.</summary>
    public static int Apply(IServiceCollection services, IReadOnlyDictionary<Type, Func<IServiceProvider, object>> factories)
    {
        var replaced = 0;
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (!descriptor.IsKeyedService && descriptor.ImplementationType is { } type && factories.TryGetValue(type, out var factory))
            {
                services[i] = new ServiceDescriptor(descriptor.ServiceType, factory, descriptor.Lifetime);
                replaced++;
            }
        }

        return replaced;
    }
}
