using Assistant.Core.Common;
using Assistant.Hosting;
using Assistant.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Tests.Hosting;

/// <summary>
/// The classes the program registers are built by the factories written at compile time (src/Assistant.Generators),
/// and those build what the container's reflection builds.
/// </summary>
public sealed class CompiledActivationTests
{
    public static TheoryData<string> Modes => ["console", "telegram", "telegram with the Mini App"];

    [Theory]
    [MemberData(nameof(Modes))]
    public void CompiledFactories_CoverEveryClassTheProgramRegistersByType_ButTheKnownOnes(string mode)
    {
        using var folder = new TempFolder();
        var builder = Builder(mode, folder);
        var factories = AssistantHost.CompiledFactories();

        var left = builder.Services
            .Where(d => !d.IsKeyedService && d.ImplementationType is { } t && IsTheProgram(t) && !factories.ContainsKey(t))
            .Select(d => d.ImplementationType!.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        // A settings validator is one generic class closed per settings type at run time; a private nested class cannot
        // be named outside its class; with two public constructors the container chooses by what is registered. These
        // stay with the container's reflection.
        Assert.All(left, name => Assert.True(name is "SettingsValidator`1" or "NeedsBotToken" or "RuleSuggester", name));
        Assert.Contains(builder.Services, d => d.ImplementationType is { } t && IsTheProgram(t) && factories.ContainsKey(t));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void CompiledFactories_BuildTheSameServicesInTheSameOrderAsReflection(string mode)
    {
        using var reflectedFolder = new TempFolder();
        using var compiledFolder = new TempFolder();
        var reflected = Builder(mode, reflectedFolder).Services;
        var compiled = Builder(mode, compiledFolder).Services;
        var replaced = CompiledActivation.Apply(compiled, AssistantHost.CompiledFactories());
        Assert.True(replaced > 100, $"{replaced} registrations replaced");

        using var byReflection = reflected.BuildServiceProvider();
        using var byFactories = compiled.BuildServiceProvider();
        var checkedTypes = 0;
        foreach (var serviceType in compiled.Where(d => d.ImplementationFactory is not null && !d.IsKeyedService && IsTheProgram(d.ServiceType))
                     .Select(d => d.ServiceType).Distinct())
        {
            var expected = byReflection.GetServices(serviceType).Select(s => s?.GetType()).ToList();
            var actual = byFactories.GetServices(serviceType).Select(s => s?.GetType()).ToList();
            Assert.Equal(expected, actual);
            checkedTypes++;
        }

        Assert.True(checkedTypes > 80, $"{checkedTypes} service types compared");
    }

    [Fact]
    public void Apply_KeepsServiceTypeLifetimeAndPlace_AndLeavesOtherRegistrationsAlone()
    {
        var services = new ServiceCollection();
        services.AddTransient<IFirst, First>();
        services.AddSingleton<IFirst>(_ => new First());
        services.AddKeyedSingleton<IFirst, First>("key");
        services.AddScoped<Second>();
        var factories = new Dictionary<Type, Func<IServiceProvider, object>> { [typeof(First)] = _ => new First(), [typeof(Second)] = _ => new Second() };

        Assert.Equal(2, CompiledActivation.Apply(services, factories));

        Assert.Equal((typeof(IFirst), ServiceLifetime.Transient, true), (services[0].ServiceType, services[0].Lifetime, services[0].ImplementationFactory is not null));
        Assert.Null(services[0].ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, services[1].Lifetime);
        Assert.True(services[2].IsKeyedService);
        Assert.Equal(typeof(First), services[2].KeyedImplementationType);
        Assert.Equal((typeof(Second), ServiceLifetime.Scoped), (services[3].ServiceType, services[3].Lifetime));
        Assert.NotNull(services[3].ImplementationFactory);
    }

    [Fact]
    public void TheHost_BuildsWithTheCompiledFactories()
    {
        using var folder = new TempFolder();
        var builder = Builder("console", folder);
        var factories = AssistantHost.CompiledFactories();
        Assert.Contains(builder.Services, d => d.ImplementationType is { } t && factories.ContainsKey(t));

        using var host = builder.Build();

        Assert.DoesNotContain(builder.Services, d => d.ImplementationType is { } t && factories.ContainsKey(t));
        Assert.NotEmpty(host.Services.GetServices<IHostedService>());
    }

    private static bool IsTheProgram(Type type) =>
        type.Assembly == typeof(AssistantHost).Assembly || type.Assembly == typeof(CompiledActivation).Assembly;

    private static HostApplicationBuilder Builder(string mode, TempFolder folder)
    {
        var args = mode == "console" ? new[] { "--console" } : [];
        var (builder, _) = AssistantHost.CreateBuilder(Invocation.Parse(args), b =>
        {
            var values = new Dictionary<string, string?> { ["Storage:DatabasePath"] = folder.DatabasePath };
            if (mode != "console")
            {
                values["Telegram:BotToken"] = "123456:TEST-token-for-composition";
            }

            if (mode.EndsWith("Mini App", StringComparison.Ordinal))
            {
                values["Web:PublicUrl"] = "https://inspection.example.org/app";
            }

            b.Configuration.AddInMemoryCollection(values);
        });
        return builder;
    }

    private interface IFirst;

    private sealed class First : IFirst;

    private sealed class Second;
}
