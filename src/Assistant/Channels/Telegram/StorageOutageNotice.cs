using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Assistant.Channels.Telegram;

/// <summary>
/// While the database cannot be written, tells each person who writes, once per outage, that their
/// message is kept by Telegram and will be handled when storage works again. Sent directly, not
/// through the outbox (which lives in the database). In the language their Telegram app uses.
/// </summary>
public sealed class StorageOutageNotice(ITelegramBotClient client, TextCatalog catalog, IOptions<TelegramOptions> options, ILogger<StorageOutageNotice> logger)
{
    private readonly HashSet<long> _told = [];

    public async Task TellAsync(IEnumerable<IncomingUpdate> waiting, CancellationToken cancellationToken)
    {
        foreach (var update in waiting.Where(u => u.ChatKind == ChatKind.Private && u.UserId != 0 && !u.FromBot))
        {
            if (!_told.Add(update.ChatId))
            {
                continue;
            }

            var language = update.LanguageCode?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? Language.English : Language.Chinese;
            try
            {
                await client.SendMessage(update.ChatId, catalog.For(language)["error.storage"], ParseMode.Html, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex is ApiRequestException or RequestException or HttpRequestException or OperationCanceledException)
            {
                logger.LogDebug("The storage notice to chat {Chat} was not sent: {Error}", update.ChatId, TokenRedaction.Redact(ex.Message, options.Value.BotToken));
            }
        }
    }

    /// <summary>Storage works again: a later outage tells people again.</summary>
    public void Over() => _told.Clear();
}
