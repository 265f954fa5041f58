using Assistant.Core.Teams;

namespace Assistant.Core.Dispatching;

/// <summary>
/// One update being handled: who sent it, their team and language, the time, and the replies the
/// handler produces. Replies are written to the outbox in the same transaction as the handler's
/// changes, after it returns.
/// </summary>
public sealed class UpdateContext
{
    /// <summary>Between the replies joined into one live card (<see cref="ReplyInPlaceOfOrigin"/>).</summary>
    private const string CardSeparator = "\n\n";

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

    /// <summary>A page of a list: in place of the page whose button was pressed when <paramref name="inPlace"/>, else a new message.</summary>
    public void ReplyOrEditOrigin(bool inPlace, string html, IReadOnlyList<IReadOnlyList<Button>> keyboard)
    {
        if (inPlace)
        {
            EditOrigin(html, keyboard);
        }
        else
        {
            Reply(html, keyboard);
        }
    }

    /// <summary>
    /// The live card: the replies to this chat added from <paramref name="from"/> on become one edit of the message
    /// whose button was pressed (one Bot API call instead of an edit plus a new message). Replies are joined into it
    /// while they are text without a file, only the last of them has buttons and together they fit one message; the
    /// rest follow as new messages. When the first reply cannot be an edit (a file, too long, none), the pressed
    /// message only loses its buttons. No-op for other updates.
    /// </summary>
    public void ReplyInPlaceOfOrigin(int from)
    {
        if (Update.Kind != UpdateKind.Callback || Update.MessageId is not { } messageId)
        {
            return;
        }

        var replies = Enumerable.Range(from, _outgoing.Count - from)
            .Where(i => _outgoing[i].ChatId == Update.ChatId && _outgoing[i].EditMessageId is null)
            .ToList();
        var joined = 0;
        var length = 0;
        foreach (var i in replies)
        {
            var reply = _outgoing[i];
            length += reply.Html.Length + (joined == 0 ? 0 : CardSeparator.Length);
            if (reply.File is not null || length > TextSplitter.MaxLength)
            {
                break;
            }

            joined++;
            if (reply.Keyboard is { Count: > 0 })
            {
                break;
            }
        }

        if (joined == 0)
        {
            RemoveOriginKeyboard();
            return;
        }

        var parts = replies.Take(joined).Select(i => _outgoing[i]).ToList();
        _outgoing[replies[0]] = parts[^1] with
        {
            Html = string.Join(CardSeparator, parts.Select(p => p.Html)),
            EditMessageId = messageId,
            Purpose = "card",
        };
        foreach (var i in replies.Skip(1).Take(joined - 1).OrderDescending())
        {
            _outgoing.RemoveAt(i);
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
