namespace Assistant.Core.General;

/// <summary>
/// Told when a member picks a language, so a channel can label the private chat's menu button in it (Telegram sets
/// the Mini App's menu button for all private chats in the default language; a member on English gets their own).
/// Called inside the update's transaction: an implementation queues its work, it does not call out.
/// </summary>
public interface IChatMenuLanguage
{
    void Changed(long chatId, Language language, DateTime utcNow);
}

/// <summary>A channel without a menu button (the console), or no Mini App: nothing to relabel.</summary>
public sealed class NoChatMenuLanguage : IChatMenuLanguage
{
    public void Changed(long chatId, Language language, DateTime utcNow)
    {
    }
}
