namespace Assistant.Core.Conversations;

/// <summary>A flow's data with a card to review: once the card has been shown, every answer returns to it.</summary>
public interface IReviewedDraft
{
    /// <summary>The current question was reached from the card: answering returns there.</summary>
    bool ReturnToReview { get; set; }
}

/// <summary>
/// A button on the card that asks one question again: its value, the trigger it fires, the question, the
/// catalog key of its label; <paramref name="Offered"/> (with its few words for the diagram) limits it to some
/// drafts, and the machine ignores it on the others.
/// </summary>
public sealed record EditTarget<TData>(string Value, FlowTrigger Trigger, FormStep<TData> Target, string LabelKey, Func<TData, bool>? Offered = null, string? OfferedDescription = null);

/// <summary>
/// The review card every form ends with: what was entered (drawn by the flow), a ✎ button per edit target
/// in rows of three, then save and cancel. Save fires <see cref="FlowTrigger.Save"/> (the form checks that
/// nothing required is missing), cancel <see cref="FlowTrigger.Cancel"/>, an edit its target's trigger.
/// </summary>
public static class ReviewCard
{
    /// <summary>The card step, named <paramref name="name"/>; <paramref name="card"/> draws the title and the card (HTML).</summary>
    /// <param name="name">The step's name (its state in the diagram).</param>
    /// <param name="card">Draws the title and the card (HTML).</param>
    /// <param name="targets">The fields the card offers to edit.</param>
    /// <param name="notice">A flow's own line under the card with its own choices (e.g. "looks like G7-004", add to it), or null.</param>
    /// <param name="noticeTrigger">The trigger a choice of <paramref name="notice"/> fires (the flow reads the choice in its entry action).</param>
    public static FormStep<TData> Step<TData>(string name, Func<FlowTurn, TData, string> card, IReadOnlyList<EditTarget<TData>> targets,
        Func<FlowTurn, TData, (string Html, IReadOnlyList<Choice> Choices)?>? notice = null, FlowTrigger? noticeTrigger = null) => new(name)
    {
        IsCard = true,
        Ask = (turn, d) =>
        {
            var extra = notice?.Invoke(turn, d);
            var html = card(turn, d) + (extra is { } e ? "\n\n" + e.Html : "");
            return new Question(html, Buttons(turn.Context.T, d, targets, extra?.Choices ?? []));
        },
        Read = (turn, d) => turn.Input.Choice switch
        {
            "save" => StepResult.Fire(FlowTrigger.Save),
            "cancel" => StepResult.Fire(FlowTrigger.Cancel),
            { } choice when targets.FirstOrDefault(e => e.Value == choice) is { } target => StepResult.Fire(target.Trigger),
            { } choice when noticeTrigger is not null && notice?.Invoke(turn, d) is { } e && e.Choices.Any(c => c.Value == choice) => StepResult.Fire(noticeTrigger),
            _ => StepResult.Unexpected,
        },
    };

    private static List<IEnumerable<Choice>> Buttons<TData>(Texts t, TData d, IReadOnlyList<EditTarget<TData>> targets, IReadOnlyList<Choice> extra) =>
    [
        .. targets.Where(e => e.Offered?.Invoke(d) ?? true).Chunk(3).Select(row => row.Select(e => new Choice("✎ " + t[e.LabelKey], e.Value))),
        .. extra.Select(c => new[] { c }),
        [new Choice(t["flow.save"], "save"), new Choice(t["flow.cancel"], "cancel")],
    ];
}
