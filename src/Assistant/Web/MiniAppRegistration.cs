using Assistant.Channels.Telegram;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Assistant.Web;

public static class MiniAppRegistration
{
    /// <summary>
    /// The <c>Web</c> settings (always validated), and, when <c>Web:PublicUrl</c> is set, the Mini App: its server as a
    /// hosted service and its address for the chat's buttons. Unset, nothing is served and no port is opened.
    /// </summary>
    public static IHostApplicationBuilder AddMiniApp(this IHostApplicationBuilder builder, bool serve = true)
    {
        builder.AddSettings<WebOptions>(WebOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<WebOptions>, NeedsBotToken>();
        var enabled = !string.IsNullOrWhiteSpace(builder.Configuration[$"{WebOptions.Section}:{nameof(WebOptions.PublicUrl)}"]);
        if (!enabled || !serve)
        {
            return builder;
        }

        var services = builder.Services;
        services.Replace(ServiceDescriptor.Singleton<IMiniAppLink, MiniAppLink>());
        services.AddSingleton<MiniAppAccess>();
        services.AddSingleton<WebAssets>();
        services.AddSingleton<SessionEndpoint>();
        services.AddSingleton<LedgerEndpoint>();
        services.AddSingleton<ItemEndpoints>();
        services.AddSingleton<DashboardEndpoint>();
        services.AddSingleton<MiniAppServer>();
        services.AddHostedService(sp => sp.GetRequiredService<MiniAppServer>());

        // One line per request at Information is noise in the assistant's log (and would carry filter words).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        return builder;
    }

    /// <summary>The page proves who is asking with the bot token: a Mini App without one could admit nobody.</summary>
    private sealed class NeedsBotToken(IOptions<TelegramOptions> telegram) : IValidateOptions<WebOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebOptions options) =>
            options.Enabled && !telegram.Value.HasToken
                ? ValidateOptionsResult.Fail("Web:PublicUrl is set but Telegram:BotToken is empty: the Mini App proves who is asking with the bot token. Set Telegram:BotToken, or leave Web:PublicUrl empty.")
                : ValidateOptionsResult.Success;
    }
}
