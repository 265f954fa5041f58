namespace Assistant.Channels.Console;

/// <summary>
/// The terminal the console channel talks to, and the choices that are live there: the buttons of the latest
/// message shown to the operator. A later message without buttons ends them, so a number typed after a flow
/// ended picks nothing (and is not stored either: see <see cref="IsBareNumber"/>).
/// </summary>
public sealed class ConsoleSession(TextReader input, TextWriter output, bool interactive = false)
{
    private readonly Lock _gate = new();
    private IReadOnlyList<OutboxButton> _buttons = [];
    private IReadOnlyList<OutboxButton> _unprompted = [];

    public TextReader Input { get; } = input;

    public TextWriter Output { get; } = output;

    /// <summary>A person types at a terminal (stdin not redirected): questions can be asked again after a wrong answer.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>The live choices: buttons of the latest message shown to the operator, numbered from 1 in the order shown.</summary>
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

    /// <summary>Called for every message shown to the operator: its buttons (none ends the earlier ones) become the live choices.</summary>
    public void ShowButtons(IReadOnlyList<OutboxButton> buttons)
    {
        lock (_gate)
        {
            _buttons = buttons;
        }
    }

    /// <summary>
    /// Called for a message nobody asked for just now (a reminder): the live choices stay; its buttons (unnumbered)
    /// can be picked by label until the next one.
    /// </summary>
    public void ShowUnpromptedButtons(IReadOnlyList<OutboxButton> buttons)
    {
        lock (_gate)
        {
            _unprompted = buttons;
        }
    }

    /// <summary>
    /// The button a typed line means: the number of a live choice, or the label (case-insensitive, with or without
    /// its symbol) of a live choice or of the latest reminder's buttons; null otherwise.
    /// </summary>
    public OutboxButton? Match(string line)
    {
        IReadOnlyList<OutboxButton> buttons, unprompted;
        lock (_gate)
        {
            (buttons, unprompted) = (_buttons, _unprompted);
        }

        var text = line.Trim();
        if (Number(text) is { } n && n >= 1 && n <= buttons.Count)
        {
            return buttons[n - 1];
        }

        return ByLabel(buttons, text) ?? ByLabel(unprompted, text);
    }

    private static OutboxButton? ByLabel(IReadOnlyList<OutboxButton> buttons, string text) =>
        buttons.FirstOrDefault(b => string.Equals(b.Label.Trim(), text, StringComparison.OrdinalIgnoreCase))
            ?? buttons.FirstOrDefault(b => ButtonLabel.Matches(b.Label, text));

    /// <summary>A line of digits only (ASCII or full-width): meant as a choice, never as a note.</summary>
    public static bool IsBareNumber(string line) => Number(line.Trim()) is not null;

    private static int? Number(string text)
    {
        if (text.Length is 0 or > 9 || !text.All(char.IsDigit))
        {
            return null;
        }

        var digits = string.Concat(text.Select(c => (char)('0' + (int)char.GetNumericValue(c))));
        return int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
