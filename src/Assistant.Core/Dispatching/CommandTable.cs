using Assistant.Core.Teams;

namespace Assistant.Core.Dispatching;

/// <summary>The commands and buttons a handler type declares, read from the type (no instance is needed).</summary>
public interface IDeclaresSpecs
{
    /// <summary>Its commands, in the order /help shows them.</summary>
    static virtual IReadOnlyList<CommandSpec> Commands => [];

    /// <summary>Its buttons.</summary>
    static virtual IReadOnlyList<ButtonSpec> Buttons => [];
}

/// <summary>What one registered handler type declares (see <see cref="HandlerRegistration.AddHandler{T}"/>).</summary>
public sealed record HandlerSpecs(Type Handler, IReadOnlyList<CommandSpec> Commands, IReadOnlyList<ButtonSpec> Buttons);

/// <summary>
/// Every command and button spec, in registration order: what the router enforces, what /help lists and what Telegram's
/// menu shows. Built from the declarations, not from the handlers, so /help (a command itself) can depend on it.
/// </summary>
public sealed class CommandTable
{
    private readonly IReadOnlyList<HandlerSpecs> _handlers;

    public CommandTable(IEnumerable<HandlerSpecs> handlers)
    {
        _handlers = handlers.ToList();
        var buttons = _handlers.SelectMany(h => h.Buttons).GroupBy(b => (b.Prefix, b.Action)).FirstOrDefault(g => g.Count() > 1);
        if (buttons is not null)
        {
            throw new InvalidOperationException($"Two button specs for {buttons.Key.Prefix}:{buttons.Key.Action}.");
        }
    }

    /// <summary>Every command spec, in the order handlers were registered and then as each declares them.</summary>
    public IEnumerable<CommandSpec> Commands => _handlers.SelectMany(h => h.Commands);

    /// <summary>The form of a command the line is, and its handler's type; null for an unknown command.</summary>
    public (CommandSpec Spec, Type Handler)? Find(CommandLine command) =>
        _handlers.SelectMany(h => h.Commands.Select(spec => (spec, h.Handler)))
            .Where(x => x.spec.Matches(command))
            .OrderByDescending(x => x.spec.Specificity)
            .Select(x => ((CommandSpec, Type)?)x)
            .FirstOrDefault();

    /// <summary>The spec of a button's data (prefix, then the action's own spec or the prefix's), and its handler's type.</summary>
    public (ButtonSpec Spec, Type Handler, string Payload)? FindButton(string data)
    {
        var colon = data.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var prefix = data[..colon];
        var payload = data[(colon + 1)..];
        var action = payload.Split(':', 2)[0];
        var candidates = _handlers.SelectMany(h => h.Buttons.Where(b => b.Prefix == prefix).Select(b => (b, h.Handler))).ToList();
        var match = candidates.FirstOrDefault(x => x.b.Action == action);
        match = match.b is null ? candidates.FirstOrDefault(x => x.b.Action is null) : match;
        return match.b is null ? null : (match.b, match.Handler, payload);
    }

    /// <summary>The /help lines this person may use.</summary>
    public IEnumerable<CommandSpec> HelpFor(Member? member, bool isAdmin) =>
        Commands.Where(c => c.HelpKey is not null && AccessPolicy.Allows(member, isAdmin, c.Permission));
}
