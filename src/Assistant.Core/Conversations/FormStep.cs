namespace Assistant.Core.Conversations;

/// <summary>
/// One step of a <see cref="FormFlow{TData}"/>, and a state of its machine: a question (what it asks, how
/// it reads the answer) or a terminal state (what entering it does). The draft stores the step's
/// <see cref="Name"/>, so a name never changes once drafts may hold it.
/// </summary>
/// <typeparam name="TData">The flow's draft data.</typeparam>
public sealed class FormStep<TData>(string name)
{
    /// <summary>The state's name: stored in drafts, drawn in the diagram.</summary>
    public string Name { get; } = name;

    /// <summary>Catalog key of the field this step fills ("field.aspect"): the missing list and the answers so far name it.</summary>
    public string? Field { get; init; }

    /// <summary>The form cannot be saved while a required step is unanswered; the others may be skipped.</summary>
    public bool Required { get; init; }

    /// <summary>
    /// The answer the draft holds for this step as the member reads it: the chosen choice's label, a date written for
    /// them, the start of a text; null while it holds none (or the step fills nothing to show). The answers so far on
    /// the live card are drawn from this, never from what was typed or pressed, so a refused answer or a skip button
    /// never shows as one.
    /// </summary>
    public Func<FlowTurn, TData, string?>? Shown { get; init; }

    /// <summary>Whether the draft holds an answer to this step (null: it fills nothing of its own).</summary>
    public Func<TData, bool>? IsAnswered { get; init; }

    /// <summary>The question: its text and choices (it may note in the draft what its buttons stand for).</summary>
    public Func<FlowTurn, TData, Question>? Ask { get; init; }

    /// <summary>Reads an answer into the draft: answered (a trigger), or asked again with a reason.</summary>
    public Func<FlowTurn, TData, StepResult>? Read { get; init; }

    /// <summary>Files sent at this step are its answer (an evidence question), not kept by the form on the side.</summary>
    public bool TakesFiles { get; init; }

    /// <summary>A shared location is this step's answer.</summary>
    public bool TakesLocation { get; init; }

    /// <summary>What entering this terminal state does (save, apply, say cancelled); the form then ends the flow.</summary>
    public Action<FlowTurn, TData>? Enter { get; init; }

    /// <summary>A few words for the diagram: what <see cref="Enter"/> does.</summary>
    public string? EnterDescription { get; init; }

    /// <summary>The review card (<see cref="ReviewCard.Step"/>): it shows every answer itself.</summary>
    public bool IsCard { get; init; }

    /// <summary>A terminal state asks nothing: the flow ends there.</summary>
    public bool IsTerminal => Ask is null;

    public override string ToString() => Name;
}

/// <summary>Makes the steps that are not questions.</summary>
public static class FormStep
{
    /// <summary>A terminal state: entering it does <paramref name="enter"/>, then the flow ends.</summary>
    public static FormStep<TData> End<TData>(string name, string description, Action<FlowTurn, TData> enter) =>
        new(name) { Enter = enter, EnterDescription = description };

    /// <summary>The terminal state "Cancelled": says the text <paramref name="textKey"/>, and the flow ends with nothing changed.</summary>
    public static FormStep<TData> Cancelled<TData>(string description, string textKey) =>
        End<TData>("Cancelled", description, (turn, _) => turn.Say(turn.Context.T[textKey]));
}

/// <summary>A question as asked: its text (HTML) and rows of choices (none: a typed answer).</summary>
public sealed record Question(string Html, IEnumerable<IEnumerable<Choice>>? Rows = null);

/// <summary>
/// What a step made of an answer: a trigger to fire (answered, or a flow's own), the question again
/// (with a reason said first, or none when the answer changed what the question shows), or input that
/// does not fit (the form says what is expected).
/// </summary>
public readonly record struct StepResult
{
    private StepResult(FlowTrigger? trigger, string? reason, bool unexpected)
    {
        Trigger = trigger;
        Reason = reason;
        IsUnexpected = unexpected;
    }

    /// <summary>The trigger to fire; null to ask the same question again.</summary>
    public FlowTrigger? Trigger { get; }

    /// <summary>Said before the question is asked again (HTML).</summary>
    public string? Reason { get; }

    /// <summary>The input does not fit the question; the form says what is expected.</summary>
    public bool IsUnexpected { get; }

    /// <summary>The question is answered.</summary>
    public static StepResult Answered { get; } = new(FlowTrigger.Answered, null, false);

    /// <summary>Ask the question again (what it shows may have changed: a toggle, more text, more files).</summary>
    public static StepResult Stay { get; } = new(null, null, false);

    /// <summary>Input that does not fit: the form says what is expected, then asks again.</summary>
    public static StepResult Unexpected { get; } = new(null, null, true);

    /// <summary>Fire a trigger of the flow's own (an edit, a branch, a toggle).</summary>
    public static StepResult Fire(FlowTrigger trigger) => new(trigger, null, false);

    /// <summary>Say why the answer cannot be taken (HTML), then ask again.</summary>
    public static StepResult Again(string reasonHtml) => new(null, reasonHtml, false);
}
