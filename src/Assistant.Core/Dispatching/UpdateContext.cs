using Assistant.Core.Localization;
using Assistant.Core.Messaging;
using Assistant.Core.Teams;

namespace Assistant.Core.Dispatching;

/// <summary>
/// One update being handled: who sent it, their team and language, the time, and the replies the
/// handler produces. Replies are written to the outbox in the same transaction as the handler's
/// changes, after it returns.
/// </summary>
public sealed class UpdateContext
{
    private readonly List<OutgoingMessage> _outgoing = [];
    private readonly TextCatalog _catalog;

    public UpdateContext(IncomingUpdate update, Member? member, Team? team, bool isAdmin, Language language, DateTime utcNow, TimeZoneInfo zone, TextCatalog catalog)
    {
        Update = update;
        Member = member;
        Team = team;
        IsAdmin = isAdmin;
        Language = language;
        UtcNow = utcNow;
        Zone = zone;
        _catalog = catalog;
        T = catalog.For(language);
    }

    public IncomingUpdate Update { get; }

    /// <summary>The sender's membership; null for strangers and for administrators outside any team.</summary>
    public Member? Member { get; }

    public Team? Team { get; }

    public bool IsAdmin { get; }

    public Language Language { get; private set; }

    /// <summary>The catalog in the sender's language.</summary>
    public Texts T { get; private set; }

    public DateTime UtcNow { get; }

    /// <summary>The team's time zone (the default zone for people outside a team).</summary>
    public TimeZoneInfo Zone { get; }

    public DateTime LocalNow => Common.TimeZones.ToLocal(UtcNow, Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    /// <summary>How a day typed in this update is read: the one rule of <see cref="Common.YearlessDay"/>, with the team's visit.</summary>
    public Common.DateInputOptions DateOptions(Common.DateQuestion question) => new(question, Team?.VisitFrom, Team?.VisitTo);

    public bool InGroup => Update.ChatKind == ChatKind.Group;

    public long UserId => Update.UserId;

    public IReadOnlyList<OutgoingMessage> Outgoing => _outgoing;

    public Texts TextsFor(Language language) => _catalog.For(language);

    /// <summary>Switches the language of the rest of this turn (after /lang).</summary>
    public void UseLanguage(Language language)
    {
        Language = language;
        T = _catalog.For(language);
    }

    public bool Can(Permission permission) => AccessPolicy.Allows(Member, IsAdmin, permission);

    /// <summary>Replies in the chat the update came from.</summary>
    public void Reply(string html, IReadOnlyList<IReadOnlyList<Button>>? keyboard = null, OutgoingFile? file = null) =>
        _outgoing.Add(new OutgoingMessage
        {
            ChatId = Update.ChatId,
            Html = html,
            Keyboard = keyboard,
            File = file,
            IsGroup = InGroup,
            Purpose = "reply",
        });

    /// <summary>Edits the message whose button was pressed (no-op for other updates).</summary>
    public void EditOrigin(string html, IReadOnlyList<IReadOnlyList<Button>>? keyboard = null)
    {
        if (Update.Kind == UpdateKind.Callback && Update.MessageId is { } messageId)
        {
            _outgoing.Add(new OutgoingMessage { ChatId = Update.ChatId, Html = html, Keyboard = keyboard, EditMessageId = messageId, IsGroup = InGroup, Purpose = "edit" });
        }
    }

    /// <summary>Removes the buttons of the message whose button was pressed, so it cannot be pressed twice.</summary>
    public void RemoveOriginKeyboard()
    {
        if (Update.Kind == UpdateKind.Callback && Update.MessageId is { } messageId)
        {
            _outgoing.Add(new OutgoingMessage { ChatId = Update.ChatId, Html = "", EditMessageId = messageId, KeyboardOnly = true, IsGroup = InGroup, Purpose = "edit" });
        }
    }

    /// <summary>Sends to another member's private chat, rendered in that member's language.</summary>
    public void Notify(Member recipient, Func<Texts, string> render, IReadOnlyList<IReadOnlyList<Button>>? keyboard = null) =>
        _outgoing.Add(new OutgoingMessage
        {
            ChatId = recipient.ChatId,
            Html = render(_catalog.For(recipient.Language)),
            Keyboard = keyboard,
            Purpose = "notify",
        });

    /// <summary>Sends to a chat by id (a linked group). Never put confidential content here.</summary>
    public void SendToChat(long chatId, bool isGroup, string html) =>
        _outgoing.Add(new OutgoingMessage { ChatId = chatId, Html = html, IsGroup = isGroup, Purpose = "chat" });
}
