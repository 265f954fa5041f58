using Assistant.Core.General;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Core.Dispatching;

public static class DispatchingRegistration
{
    /// <summary>The dispatcher, the router, the general commands (help, lang, cancel) and the catalogs.</summary>
    public static IHostApplicationBuilder AddDispatching(this IHostApplicationBuilder builder)
    {
        builder.AddSettings<AssistantOptions>(AssistantOptions.Section);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(TextCatalog.Default);
        services.TryAddSingleton(new Administrators([]));
        services.TryAddSingleton<BotIdentity>();
        services.AddSingletons(typeof(ContextFactory), typeof(CommandTable), typeof(Router), typeof(Dispatcher), typeof(HelpRenderer));
        services.AddHandler<HelpCommand>();
        services.AddHandler<LanguageCommand>();
        services.TryAddSingleton<IChatMenuLanguage, NoChatMenuLanguage>();
        services.AddHandler<CancelCommand>();
        return builder;
    }
}
