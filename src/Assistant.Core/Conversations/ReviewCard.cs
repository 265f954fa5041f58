using Assistant.Core.Localization;

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
    public static FormStep<TData> Step<TData>(string name, Func<FlowTurn, TData, string> card, IReadOnlyList<EditTarget<TData>> targets) => new(name)
    {
        Ask = (turn, d) => new Question(card(turn, d), Buttons(turn.Context.T, d, targets)),
        Read = (turn, d) => turn.Input.Choice switch
        {
            "save" => StepResult.Fire(FlowTrigger.Save),
            "cancel" => StepResult.Fire(FlowTrigger.Cancel),
            { } choice when targets.FirstOrDefault(e => e.Value == choice) is { } target => StepResult.Fire(target.Trigger),
            _ => StepResult.Unexpected,
        },
    };

    private static List<IEnumerable<Choice>> Buttons<TData>(Texts t, TData d, IReadOnlyList<EditTarget<TData>> targets) =>
    [
        .. targets.Where(e => e.Offered?.Invoke(d) ?? true).Chunk(3).Select(row => row.Select(e => new Choice("✎ " + t[e.LabelKey], e.Value))),
        [new Choice(t["flow.save"], "save"), new Choice(t["flow.cancel"], "cancel")],
    ];
}
