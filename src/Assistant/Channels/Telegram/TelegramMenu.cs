using Assistant.Core.Dispatching;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>
/// At start: learns the bot's username (getMe) and makes sure no webhook blocks long polling (deleteWebhook),
/// both before the first poll; then registers the command menu in both languages (setMyCommands) while the
/// poller already runs, and, with a Mini App, its ledger as the private chats' menu button (setChatMenuButton, in
/// the default language; a member who picks another language gets their chat's own, see <see cref="TelegramChatMenu"/>). Failures are logged, never fatal: the bot works without a menu.
/// </summary>
public sealed class TelegramMenu(
    ITelegramBotClient client,
    CommandTable commands,
    BotIdentity identity,
    TextCatalog catalog,
    IMiniAppLink miniApp,
    IOptions<AssistantOptions> assistant,
    IOptions<TelegramOptions> options,
    ILogger<TelegramMenu> logger)
{
    /// <summary>What polling needs first: the username (to tell "/cmd@us" from "/cmd@another") and no webhook. The two calls go out together.</summary>
    public Task PrepareAsync(CancellationToken ct) => Task.WhenAll(LearnUsernameAsync(ct),
        // Long polling and a webhook exclude each other; keep pending updates (DropPendingUpdates = false).
        TryAsync("deleteWebhook", () => client.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct)));

    /// <summary>The command menu: nothing depends on it, so it is set while the bot already answers.</summary>
    public async Task PublishCommandsAsync(CancellationToken ct)
    {
        await TryAsync("setMyCommands (zh-CN)", () => client.SetMyCommands(Commands(catalog.Chinese), cancellationToken: ct));
        await TryAsync("setMyCommands (en)", () => client.SetMyCommands(Commands(catalog.English), languageCode: "en", cancellationToken: ct));

        // The menu button beside the text field opens the Mini App's ledger (or, without one, the command list).
        MenuButton button = miniApp.Url(MiniAppView.Ledger) is { } url
            ? new MenuButtonWebApp { Text = catalog.For(assistant.Value.DefaultLanguageValue)["web.menu_button"], WebApp = new WebAppInfo(url) }
            : new MenuButtonCommands();
        await TryAsync("setChatMenuButton", () => client.SetChatMenuButton(menuButton: button, cancellationToken: ct));
    }

    private async Task LearnUsernameAsync(CancellationToken ct)
    {
        try
        {
            var me = await client.GetMe(ct);
            identity.Username = me.Username;
            logger.LogInformation("Connected to Telegram as @{Username}.", me.Username);
        }
        catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning("getMe failed ({Error}); invitation links will show the code only until it succeeds.", Redact(ex.Message));
        }
    }

    public IReadOnlyList<BotCommand> Commands(Texts texts) =>
        commands.Commands
            .Where(spec => spec is { InMenu: true, HelpKey: not null })
            .Select(spec => new BotCommand(spec.Name, Describe(texts[spec.HelpKey!])))
            .DistinctBy(c => c.Command)
            .ToList();

    private static string Describe(string html)
    {
        var text = Html.ToPlainText(html);
        return text.Length <= 250 ? text : text[..250];
    }

    private async Task TryAsync(string what, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning("{What} failed ({Error}); the command menu may be out of date.", what, Redact(ex.Message));
        }
    }

    private string Redact(string text) => TokenRedaction.Redact(text, options.Value.BotToken);
}
