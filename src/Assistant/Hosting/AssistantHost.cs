using Assistant.Channels.Console;
using Assistant.Channels.Telegram;
using Assistant.Core;
using Assistant.Core.Dispatching;
using Assistant.Core.General;
using Assistant.Core.Jobs;
using Assistant.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Telegram.Bot;

namespace Assistant.Hosting;

/// <summary>How this process runs.</summary>
public enum HostMode
{
    Telegram,
    Console,

    /// <summary>An operator verb: services only, no hosted services started.</summary>
    Operator,
}

/// <summary>Composition of the application: settings, core capabilities and one channel.</summary>
public static class AssistantHost
{
    public const string TelegramUsernameKey = "telegram-username";

    /// <summary>The logging category of the generic host itself.</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Builds the host for an invocation. <paramref name="configure"/> runs after the default
    /// configuration sources and before the mode is chosen (tests add settings and fakes there).
    /// </summary>
    public static (HostApplicationBuilder Builder, HostMode Mode) CreateBuilder(Invocation invocation, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = invocation.ConfigurationArgs,
            ContentRootPath = ContentRoot(),
        });
        AddUserSecretsBeforeEnvironment(builder.Configuration);
        configure?.Invoke(builder);

        var hasToken = !string.IsNullOrWhiteSpace(builder.Configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.BotToken)}"]);
        var mode = invocation.Verb is not null ? HostMode.Operator
            : invocation.Console || !hasToken ? HostMode.Console
            : HostMode.Telegram;

        ConfigureLogging(builder, mode);
        UseCompiledActivators(builder);
        builder.Services.AddSingleton<ExitCode>();
        builder.AddSettings<TelegramOptions>(TelegramOptions.Section);
        builder.Services.AddSingleton<IConfigureOptions<TelegramOptions>, AdminUserIdsSetup>();
        builder.AddAssistantCore();
        builder.Services.AddSingleton(sp => new Administrators(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.AdminUserIds));
        builder.Services.AddSingleton(sp => new BotIdentity { Username = sp.GetRequiredService<KeyValueStore>().Get(TelegramUsernameKey) });

        // The Mini App serves alongside a chat channel; operator verbs only check its settings.
        builder.AddMiniApp(serve: mode != HostMode.Operator);
        switch (mode)
        {
            case HostMode.Telegram:
                AddTelegram(builder);
                break;
            case HostMode.Console:
                AddConsole(builder);
                break;
            default:
                builder.Services.TryAddSingleton<IMessageTransport, NoTransport>();
                break;
        }

        return (builder, mode);
    }

    /// <summary>The folder holding appsettings.json: the current one if it has it (a checkout, a service's WorkingDirectory), else the program's.</summary>
    public static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) ? current : AppContext.BaseDirectory;
    }

    /// <summary>
    /// The registered classes built by the factories written at compile time (<see cref="CompiledActivation"/>), the
    /// container validated as the host's default one is (in Development only).
    /// </summary>
    private static void UseCompiledActivators(HostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.ConfigureContainer(new CompiledActivation(CompiledFactories(), new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development }));
    }

    /// <summary>The factories of the classes both assemblies register, by type.</summary>
    internal static Dictionary<Type, Func<IServiceProvider, object>> CompiledFactories()
    {
        var factories = new Dictionary<Type, Func<IServiceProvider, object>>();
        Core.CompiledActivators.AddTo(factories);
        CompiledActivators.AddTo(factories);
        return factories;
    }

    private static void AddTelegram(HostApplicationBuilder builder)
    {
        BotApiJson.UseGeneratedContract();
        var services = builder.Services;
        services.AddHttpClient("telegram")
            .RemoveAllLoggers() // the token is part of every request URL
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .ConfigureHttpClient(http => http.Timeout = TimeSpan.FromSeconds(100))
            .AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                var clientOptions = new TelegramBotClientOptions(options.BotToken, options.UsesDefaultApi ? null : options.ApiBaseUrl)
                {
                    // 429s are waited out by the outbox sender, which knows about every chat's queue.
                    RetryThreshold = 0,
                };
                return new TelegramBotClient(clientOptions, http);
            });
        services.AddSingleton<TelegramTransport>();
        services.AddSingleton<IMessageTransport>(sp => sp.GetRequiredService<TelegramTransport>());
        services.AddSingleton<IFileSource, TelegramFileSource>();
        services.AddSingleton<TelegramMenu>();
        services.AddSingleton<TelegramChatMenu>();
        services.AddSingleton<IChatMenuLanguage>(sp => sp.GetRequiredService<TelegramChatMenu>());
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<TelegramChatMenu>());
        services.AddSingleton<StorageOutageNotice>();
        services.AddHostedService<TelegramPoller>();
    }

    private static void AddConsole(HostApplicationBuilder builder)
    {
        System.Console.InputEncoding = Encoding.UTF8;
        System.Console.OutputEncoding = Encoding.UTF8;
        var services = builder.Services;
        services.TryAddSingleton(_ => new ConsoleSession(System.Console.In, System.Console.Out, interactive: !System.Console.IsInputRedirected));
        services.AddSingleton<ConsoleWorkspace>();
        services.AddSingleton<IMessageTransport, ConsoleTransport>();
        services.AddHostedService<ConsoleChannel>();
    }

    private static void ConfigureLogging(HostApplicationBuilder builder, HostMode mode)
    {
        if (mode == HostMode.Telegram)
        {
            return;
        }

        // The console channel and operator verbs own stdout; logs go to stderr, warnings and above.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);

        // A failed background service is reported by Program in one line (StartupFailure); the host's own
        // report is a stack trace logged twice, which a person at a terminal does not need.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(HostCategory, LogLevel.None);
    }

    private static void AddUserSecretsBeforeEnvironment(ConfigurationManager configuration)
    {
        // User secrets hold the token on a developer machine; environment variables and arguments still win.
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var environment = sources.OfType<EnvironmentVariablesConfigurationSource>().FirstOrDefault();
        var index = environment is null ? sources.Count : sources.IndexOf(environment);
        var secrets = new ConfigurationBuilder().AddUserSecrets(typeof(AssistantHost).Assembly, optional: true, reloadOnChange: false).Sources;
        foreach (var source in secrets)
        {
            sources.Insert(index++, source);
        }
    }

    /// <summary>Operator verbs send nothing; the outbox keeps anything queued for the next run.</summary>
    private sealed class NoTransport : IMessageTransport
    {
        public DeliveryLimits Limits => DeliveryLimits.Unlimited;

        public Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken) =>
            Task.FromResult<DeliveryResult>(new DeliveryResult.RetryLater("no channel in operator mode"));
    }
}
