using System.Collections.Frozen;
using Assistant.Core.Teams;

namespace Assistant.Core.Dispatching;

/// <summary>
/// Decides what an update is (a command, a button, input to an open flow, free input) and hands it to
/// the right handler, after checking who the sender is and what their role allows. Strangers get one
/// polite answer; messages from bots and channels are ignored.
/// </summary>
public sealed class Router
{
    private readonly CommandTable _table;
    private readonly FrozenDictionary<Type, ICommandHandler> _commands;
    private readonly FrozenDictionary<Type, ICallbackHandler> _callbacks;
    private readonly IConversationRunner _conversations;
    private readonly IFreeInputHandler _freeInput;
    private readonly TeamStore _teams;
    private readonly AuditLog _audit;
    private readonly BotIdentity _bot;
    private readonly TextCatalog _catalog;

    public Router(
        CommandTable table,
        IEnumerable<ICommandHandler> commands,
        IEnumerable<ICallbackHandler> callbacks,
        IConversationRunner conversations,
        IFreeInputHandler freeInput,
        TeamStore teams,
        AuditLog audit,
        BotIdentity bot,
        TextCatalog catalog)
    {
        _table = table;
        _commands = commands.ToFrozenDictionary(h => h.GetType());
        _callbacks = callbacks.ToFrozenDictionary(h => h.GetType());
        _conversations = conversations;
        _freeInput = freeInput;
        _teams = teams;
        _audit = audit;
        _bot = bot;
        _catalog = catalog;
    }

    public void Route(UpdateContext context)
    {
        var update = context.Update;
        if (update.FromBot || update.ChatKind == ChatKind.Channel || update.Kind is UpdateKind.ChannelPost or UpdateKind.Other)
        {
            return;
        }

        var command = update.Kind == UpdateKind.Message ? CommandLine.Parse(update.Text) : null;
        if (command is not null && !_bot.IsAddressedToUs(command.AddressedTo))
        {
            return;
        }

        if (context.InGroup)
        {
            RouteGroup(context, command);
            return;
        }

        if (context.Member is null && !context.IsAdmin)
        {
            RouteStranger(context, command);
            return;
        }

        switch (update.Kind)
        {
            case UpdateKind.EditedMessage:
                context.Reply(context.T["edited.ignored"]);
                return;
            case UpdateKind.Callback:
                RouteCallback(context);
                return;
        }

        if (command is not null)
        {
            RouteCommand(context, command);
            return;
        }

        if (_conversations.TryContinue(context))
        {
            return;
        }

        if (context.Member is null)
        {
            context.Reply(context.T["admin.no_team_hint"]);
            return;
        }

        _freeInput.Handle(context);
    }

    private void RouteCommand(UpdateContext context, CommandLine command)
    {
        if (_table.Find(command) is not { } found)
        {
            context.Reply(context.T.Format("command.unknown", "/" + command.Name));
            return;
        }

        if (Allowed(context, found.Spec.Permission, found.Spec.Scope, "/" + command.Name))
        {
            _commands[found.Handler].Handle(context, found.Spec, command);
        }
    }

    /// <summary>
    /// The one check of every command and button: the role's permission, then the chat. A refusal is one answer
    /// (the roles that may, or "in a private chat") and one audit line.
    /// </summary>
    private bool Allowed(UpdateContext context, Permission permission, ChatScope scope, string action)
    {
        if (!context.Can(permission))
        {
            var roles = string.Join(context.T["list.separator"], AccessPolicy.RolesWith(permission).Select(r => context.T[r.CatalogKey()]));
            context.Reply(context.T.Format("command.denied", roles));
            _audit.Write(context.UserId, context.Member?.TeamId, "denied", $"{action} needs {permission}");
            return false;
        }

        if (context.InGroup && scope == ChatScope.PrivateOnly)
        {
            context.Reply(context.T["command.private_only"]);
            _audit.Write(context.UserId, context.Member?.TeamId, "denied", $"{action} in a group");
            return false;
        }

        return true;
    }

    private void RouteCallback(UpdateContext context)
    {
        var data = context.Update.CallbackData;
        if (string.IsNullOrEmpty(data))
        {
            return;
        }

        if (_conversations.TryHandleCallback(context, data))
        {
            return;
        }

        if (_table.FindButton(data) is not { } found)
        {
            context.Reply(context.T["callback.expired"]);
            return;
        }

        if (Allowed(context, found.Spec.Permission, found.Spec.Scope, "button " + found.Spec.Prefix + (found.Spec.Action is null ? "" : ":" + found.Spec.Action)))
        {
            _callbacks[found.Handler].Handle(context, found.Payload);
        }
    }

    private void RouteStranger(UpdateContext context, CommandLine? command)
    {
        if (command is { Name: "start" } && command.Arguments.Length > 0 && _table.Find(command) is { } start)
        {
            _commands[start.Handler].Handle(context, start.Spec, command);
            return;
        }

        _audit.Write(context.UserId, null, "stranger.refused", context.Update.Kind.ToString());
        context.Reply(StrangerAnswer());
    }

    /// <summary>The one answer a stranger gets, in both languages since we do not know theirs.</summary>
    public string StrangerAnswer() => _catalog.Chinese["stranger.refused"] + "\n\n" + _catalog.English["stranger.refused"];

    private void RouteGroup(UpdateContext context, CommandLine? command)
    {
        // In a group the bot speaks only when spoken to: commands (and its own buttons).
        var isCallback = context.Update.Kind == UpdateKind.Callback;
        if (command is null && !isCallback)
        {
            return;
        }

        if (command is { Name: "start" } && command.Arguments.Length > 0 && _table.Find(command) is { } start)
        {
            // An invitation code sent in a group is never tried there, but it counts against guessing (StartCommand).
            _commands[start.Handler].Handle(context, start.Spec, command);
            return;
        }

        if (context.Member is null && !context.IsAdmin)
        {
            if (command is not null)
            {
                _audit.Write(context.UserId, null, "stranger.refused", "group");
                context.Reply(StrangerAnswer());
            }

            return;
        }

        var groupTeam = _teams.FindTeamByGroup(context.Update.ChatId);
        if (command is { Name: "linkgroup" })
        {
            RouteCommand(context, command);
            return;
        }

        if (groupTeam is null)
        {
            context.Reply(context.T["group.not_linked"]);
            return;
        }

        if (context.Member is null || groupTeam.Id != context.Member.TeamId)
        {
            _audit.Write(context.UserId, context.Member?.TeamId, "denied", $"group of team {groupTeam.Id}");
            context.Reply(context.T["group.other_team"]);
            return;
        }

        if (isCallback)
        {
            RouteCallback(context);
            return;
        }

        RouteCommand(context, command!);
    }
}
