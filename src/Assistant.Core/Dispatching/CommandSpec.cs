using Assistant.Core.Teams;

namespace Assistant.Core.Dispatching;

/// <summary>What a command needs after its name, for the commands whose permission depends on it.</summary>
public enum CommandArguments
{
    /// <summary>Any arguments, or none.</summary>
    Any,

    /// <summary>Only without arguments (<c>/finding</c> starts a finding).</summary>
    None,

    /// <summary>Only with arguments (<c>/finding G7-012</c> opens one).</summary>
    Some,
}

/// <summary>
/// One command as the router, /help and Telegram's command menu know it: its name, who may use it, where, and how
/// /help shows it. A handler declares all of its commands in one list; a command whose permission depends on its
/// first word (<c>/schedule add</c>) or on having arguments (<c>/finding</c> vs <c>/finding G7-012</c>) has one spec
/// per form. The router picks the most specific spec that matches, checks it, then calls the handler with it.
/// </summary>
/// <param name="Name">The command without the slash.</param>
/// <param name="Permission">What the sender's role must allow.</param>
/// <param name="Scope">Where it may be used.</param>
/// <param name="HelpKey">Its line in /help (catalog key), or null when /help does not list it.</param>
/// <param name="Usage">How /help writes it (<c>/ledger [FILTERS]</c>).</param>
public sealed record CommandSpec(string Name, Permission Permission, ChatScope Scope, string? HelpKey, string Usage)
{
    /// <summary>Other names typed for the same command (<c>/language</c> for <c>/lang</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>First words that select this form (<c>add</c>, <c>新增</c>); empty: any first word.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>Whether this form needs arguments, none, or either.</summary>
    public CommandArguments Arguments { get; init; } = CommandArguments.Any;

    /// <summary>Whether Telegram's command menu lists it (in the order handlers are registered).</summary>
    public bool InMenu { get; init; }

    /// <summary>Whether the command line is this form; more specific forms are tried first (<see cref="Specificity"/>).</summary>
    public bool Matches(CommandLine command)
    {
        if (command.Name != Name && !Aliases.Contains(command.Name))
        {
            return false;
        }

        if (Words.Count > 0)
        {
            return command.Words.Count > 0 && Words.Contains(command.Words[0].ToLowerInvariant());
        }

        return Arguments switch
        {
            CommandArguments.None => command.Arguments.Length == 0,
            CommandArguments.Some => command.Arguments.Length > 0,
            _ => true,
        };
    }

    /// <summary>2 for a form chosen by its first word, 1 for one chosen by having arguments or not, 0 for the rest.</summary>
    public int Specificity => Words.Count > 0 ? 2 : Arguments == CommandArguments.Any ? 0 : 1;
}

/// <summary>
/// Buttons whose data starts with <see cref="Prefix"/> (and, when <see cref="Action"/> is set, that action as the next
/// part: <c>sc:e:…</c>). The router checks the permission and scope before the handler runs; the handler still checks
/// every object the data names, since callback data can be forged.
/// </summary>
public sealed record ButtonSpec(string Prefix, Permission Permission, ChatScope Scope = ChatScope.Anywhere)
{
    /// <summary>The first part of the payload this spec is for; null: every action without a spec of its own.</summary>
    public string? Action { get; init; }
}
