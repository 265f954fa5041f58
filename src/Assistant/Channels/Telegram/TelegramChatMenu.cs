using Assistant.Core.General;
using Assistant.Core.Jobs;
using LiteDB;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Assistant.Channels.Telegram;

/// <summary>
/// With a Mini App, a member who picks a language gets the private chat's menu button labelled in it
/// (setChatMenuButton with the chat's id). Queued as a job in the update's transaction, sent by the job runner:
/// a network failure is retried, a refusal (the chat is gone) ends it with one line in the log.
/// </summary>
public sealed class TelegramChatMenu(
    JobStore jobs,
    ITelegramBotClient client,
    IMiniAppLink miniApp,
    TextCatalog catalog,
    IOptions<TelegramOptions> options,
    ILogger<TelegramChatMenu> logger) : IChatMenuLanguage, IJobHandler
{
    public const string JobKind = "chat-menu";

    public string Kind => JobKind;

    public void Changed(long chatId, Language language, DateTime utcNow)
    {
        if (miniApp.Url(MiniAppView.Ledger) is not null)
        {
            jobs.Enqueue(JobKind, new BsonDocument { ["chat"] = chatId, ["lang"] = language.Code() }, utcNow);
        }
    }

    public async Task<JobResult> RunAsync(Job job, CancellationToken cancellationToken)
    {
        if (miniApp.Url(MiniAppView.Ledger) is not { } url)
        {
            return JobResult.Done; // the Mini App was switched off since: the default button stays
        }

        var chatId = job.Payload["chat"].AsInt64;
        var texts = catalog.For(LanguageCodes.Parse(job.Payload["lang"].AsString) ?? Language.Chinese);
        try
        {
            await client.SetChatMenuButton(chatId, new MenuButtonWebApp { Text = texts["web.menu_button"], WebApp = new WebAppInfo(url) }, cancellationToken);
            return JobResult.Done;
        }
        catch (ApiRequestException ex)
        {
            logger.LogWarning("setChatMenuButton for chat {ChatId} refused ({Error}); the chat keeps the default menu button.", chatId, Redact(ex.Message));
            return new JobResult.Failed(Redact(ex.Message));
        }
        catch (Exception ex) when (ex is RequestException or HttpRequestException)
        {
            return new JobResult.Retry(TimeSpan.FromMinutes(1), Redact(ex.Message));
        }
    }

    private string Redact(string text) => TokenRedaction.Redact(text, options.Value.BotToken);
}
