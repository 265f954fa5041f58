using Assistant.Core.Messaging;

namespace Assistant.Channels.Console;

/// <summary>The terminal the console channel talks to, and the buttons of the last message shown there.</summary>
public sealed class ConsoleSession(TextReader input, TextWriter output)
{
    private readonly Lock _gate = new();
    private IReadOnlyList<OutboxButton> _buttons = [];

    public TextReader Input { get; } = input;

    public TextWriter Output { get; } = output;

    /// <summary>Buttons of the latest message with buttons, numbered from 1 in the order shown.</summary>
    public IReadOnlyList<OutboxButton> Buttons
    {
        get
        {
            lock (_gate)
            {
                return _buttons;
            }
        }
    }

    public void ShowButtons(IReadOnlyList<OutboxButton> buttons)
    {
        lock (_gate)
        {
            _buttons = buttons;
        }
    }

    /// <summary>The button a typed line means: its number, or its label (case-insensitive, with or without its symbol); null otherwise.</summary>
    public OutboxButton? Match(string line)
    {
        var buttons = Buttons;
        var text = line.Trim();
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= buttons.Count)
        {
            return buttons[n - 1];
        }

        return buttons.FirstOrDefault(b => string.Equals(b.Label.Trim(), text, StringComparison.OrdinalIgnoreCase))
            ?? buttons.FirstOrDefault(b => ButtonLabel.Matches(b.Label, text));
    }
}
