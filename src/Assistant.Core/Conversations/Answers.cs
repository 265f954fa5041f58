namespace Assistant.Core.Conversations;

/// <summary>
/// How a step reads the usual answers: typed text (checked for length), one of a few choices (pressed,
/// typed as its label or number, or named otherwise), a button standing for an offered value. Each
/// returns what became of the answer, with the reason said when it cannot be taken.
/// </summary>
public static class Answers
{
    /// <summary>Typed text of at most <paramref name="max"/> characters, trimmed.</summary>
    public static StepResult Text(FlowTurn turn, int max, Action<string> apply)
    {
        var text = turn.Input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return StepResult.Unexpected;
        }

        if (text.Length > max)
        {
            return StepResult.Again(turn.Context.T.Format("flow.too_long", max));
        }

        apply(text);
        return StepResult.Answered;
    }

    /// <summary>
    /// Typed text as <see cref="Text"/> reads it, refused when it identifies a person (a tipster's name, number, e-mail:
    /// <see cref="IdentityScrubber.Identifies"/>), so what a tip or a lead keeps never names its source.
    /// </summary>
    public static StepResult TextWithoutIdentity(FlowTurn turn, int max, Action<string> apply)
    {
        var text = turn.Input.Text?.Trim();
        return !string.IsNullOrEmpty(text) && text.Length <= max && IdentityScrubber.Identifies(text)
            ? StepResult.Again(turn.Context.T["tip.identifies"])
            : Text(turn, max, apply);
    }

    /// <summary>Typed text, or the button <paramref name="noneValue"/> (skip, clear) that answers with nothing.</summary>
    public static StepResult TextOrNone(FlowTurn turn, string noneValue, int max, Action<string?> apply)
    {
        if (turn.Input.Choice == noneValue)
        {
            apply(null);
            return StepResult.Answered;
        }

        return Text(turn, max, apply);
    }

    /// <summary>
    /// A pressed or typed choice; <paramref name="named"/> reads other names for the choices (危化 for 危险化学品) and
    /// may find several, which are offered back to choose from.
    /// </summary>
    public static StepResult Pick(FlowTurn turn, IReadOnlyList<Choice> choices, Action<string> apply, Func<string, IReadOnlyList<string>>? named = null)
    {
        if (!TryChoose(turn.Input, choices, out var value))
        {
            var typed = turn.Input.Text?.Trim();
            var values = named is null || string.IsNullOrEmpty(typed) ? [] : named(typed);
            if (values.Count > 1)
            {
                var t = turn.Context.T;
                var labels = choices.Where(c => values.Contains(c.Value)).Select(c => c.Label);
                return StepResult.Again(t.Format("flow.several_choices", typed!, string.Join(t["list.separator"], labels)));
            }

            if (values.Count == 0)
            {
                return StepResult.Unexpected;
            }

            value = values[0];
        }

        apply(value);
        return StepResult.Answered;
    }

    /// <summary>A pressed button, or typed text equal to a label or to its number (1 for the first).</summary>
    public static bool TryChoose(FlowInput input, IReadOnlyList<Choice> choices, out string value)
    {
        value = "";
        if (input.Choice is { } pressed && choices.Any(c => c.Value == pressed))
        {
            value = pressed;
            return true;
        }

        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
        {
            value = choices[n - 1].Value;
            return true;
        }

        var match = choices.FirstOrDefault(c => ButtonLabel.Matches(c.Label, text));
        value = match?.Value ?? "";
        return match is not null;
    }

    /// <summary>
    /// A button standing for the <paramref name="index"/>-th value the question offered (its data carries only the
    /// index: <c>PREFIX + index</c>); false for anything else or an index out of range.
    /// </summary>
    public static bool TryOffered(string? choice, string prefix, int offered, out int index)
    {
        index = -1;
        return choice is not null && choice.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(choice.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index < offered;
    }

    /// <summary>The button data of the <paramref name="index"/>-th offered value.</summary>
    public static string Offer(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// What to say to input that does not fit the question: a button of an earlier question, no text where text is
    /// needed, or text where a button is needed.
    /// </summary>
    public static string Unexpected(Texts t, FlowInput input) => t[input.Choice is not null ? "callback.expired_in_flow"
        : input.Text is null ? "flow.text_expected"
        : "flow.choose_button"];
}
