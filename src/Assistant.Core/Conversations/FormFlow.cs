using System.Collections.Concurrent;
using System.Collections.Frozen;
using Stateless.Graph;

namespace Assistant.Core.Conversations;

/// <summary>
/// A guided conversation as a form: a list of question steps (<see cref="FormStep{TData}"/>: what each asks,
/// how it reads the answer) and a Stateless machine that decides which comes next (<see cref="Configure"/>).
/// The form owns what every flow needs once: running a turn, input that does not fit (said, the question
/// again), files kept as evidence, Save (refused while a required answer is missing) and Cancel as triggers
/// into terminal states whose entry does the work, the card and its edits (<see cref="ReviewCard"/>), deadlines
/// (<see cref="DeadlineAnswer"/>), the diagram and what is still missing.
/// </summary>
/// <typeparam name="TData">The draft's data: what has been entered, saved with the draft after every answer.</typeparam>
public abstract class FormFlow<TData> : IFlow where TData : class, new()
{
    /// <summary>The longest answer shown whole among the answers so far.</summary>
    private const int GivenLength = 16;

    /// <summary>Configured machines not in use: one per turn running at once, configured once (<see cref="FormMachine{TData}"/>).</summary>
    private readonly ConcurrentBag<FormMachine<TData>> _idle = [];
    private FrozenDictionary<string, FormStep<TData>>? _byName;
    private bool? _cancelsEverywhere;

    protected FormFlow(string name, string titleKey)
    {
        Name = name;
        TitleKey = titleKey;
    }

    public string Name { get; }

    public string TitleKey { get; }

    /// <summary>Every step: the questions in the order a new draft meets them, then the terminal states.</summary>
    protected abstract IReadOnlyList<FormStep<TData>> Steps { get; }

    /// <summary>Files sent at any question are kept as evidence (the caption then answers the question).</summary>
    protected virtual bool KeepsEvidenceAtEveryStep => false;

    /// <summary>Every question has a cancel button (the machine says so: <see cref="FormMachine{TData}.CancelFromEveryStep"/>).</summary>
    private bool CancelsEverywhere => _cancelsEverywhere ??= Configured().CancelsEverywhere;

    private FrozenDictionary<string, FormStep<TData>> ByName => _byName ??= Steps.ToFrozenDictionary(s => s.Name);

    /// <summary>Starts the flow with what is already known (a prefilled draft): asks the first question.</summary>
    public void Begin(FlowTurn turn, TData data)
    {
        Accept(turn, data);
        var first = FirstStep(data);
        turn.Draft.State = first.Name;
        AskAndSave(turn, data, first);
    }

    public void AskAgain(FlowTurn turn)
    {
        var data = turn.Data<TData>();
        AskAndSave(turn, data, Current(turn.Draft, data));
    }

    public void Continue(FlowTurn turn)
    {
        var data = turn.Data<TData>();
        var form = _idle.TryTake(out var idle) ? idle : Configured();
        form.Bind(turn, data, Current(turn.Draft, data));
        var asked = form.Machine.State;
        var result = Read(turn, data, form);
        Accept(turn, data);
        Apply(turn, data, form, result);
        var next = form.Machine.State;
        form.Unbind();

        // Kept only after a turn that ran through: one that threw may have left the machine midway.
        _idle.Add(form);
        if (!turn.IsFinished)
        {
            Remember(turn, data, asked, result);
            AskAndSave(turn, data, next);
        }
    }

    public string Diagram()
    {
        var form = Configured();
        form.Bind(null, new TData(), Steps[0]);
        return MermaidGraph.Format(form.Machine.GetInfo());
    }

    /// <inheritdoc />
    public virtual string Describe(FlowTurn turn) => "";

    /// <inheritdoc />
    public virtual void Left(FlowTurn turn)
    {
    }

    /// <summary>The fields still to be answered before the form can be saved (catalog keys, in the order asked).</summary>
    public IReadOnlyList<string> Missing(TData data) =>
        [.. Steps.Where(s => s.Required && s.IsAnswered is { } answered && !answered(data)).Select(s => s.Field ?? s.Name)];

    /// <summary>
    /// What the member's input made of the draft, before anything shows it, saves it or acts on it: the draft a flow
    /// begins with, and the draft after each answer is read. A flow cleans its data here (the finding flow takes a
    /// tipster's identity out of its texts), once, where input enters; loading a saved draft changes nothing.
    /// </summary>
    protected virtual void Accept(FlowTurn turn, TData data)
    {
    }

    /// <summary>Wires the machine: which question follows which, the card, the terminal states.</summary>
    protected abstract void Configure(FormMachine<TData> machine);

    /// <summary>Where a draft begins (the first step unless the draft says otherwise, as an edit starts at the card).</summary>
    protected virtual FormStep<TData> FirstStep(TData data) => Steps[0];

    /// <summary>A shared location where the question takes none: kept by the flow (say so; ask again), or null when the flow keeps none.</summary>
    protected virtual StepResult? KeepLocation(FlowTurn turn, TData data, FormStep<TData> step) => null;

    /// <summary>
    /// Typed text a button question did not take: kept by the flow (say so; go on or ask again), or null when the flow
    /// keeps none and the member is told to press a button.
    /// </summary>
    protected virtual StepResult? KeepText(FlowTurn turn, TData data, FormStep<TData> step, string text) => null;

    /// <summary>What Save answers while required answers are missing.</summary>
    protected virtual string MissingMessage(Texts t, IReadOnlyList<string> fields) =>
        t.Format("flow.missing", new SafeHtml(string.Join(t["list.separator"], fields.Select(k => t[k]))));

    private FormStep<TData> Current(Draft draft, TData data) =>
        ByName.TryGetValue(draft.State, out var step) && !step.IsTerminal ? step : FirstStep(data);

    private FormMachine<TData> Configured()
    {
        var form = new FormMachine<TData>(Steps[0]);
        Configure(form);
        return form;
    }

    /// <summary>What the input answers: files and locations the question does not take first, then the question's own reading.</summary>
    private StepResult Read(FlowTurn turn, TData data, FormMachine<TData> form)
    {
        var step = form.Machine.State;
        var input = turn.Input;
        var t = turn.Context.T;
        if (input.Files.Count > 0 && !step.TakesFiles)
        {
            if (!KeepsEvidenceAtEveryStep || data is not IEvidenceDraft evidence)
            {
                return StepResult.Again(t["flow.text_expected"]);
            }

            EvidenceAnswer.Keep(turn, evidence, sayKept: true);
            if (string.IsNullOrWhiteSpace(input.Text))
            {
                return StepResult.Stay;
            }
        }

        if (input.Location is not null && !step.TakesLocation)
        {
            return KeepLocation(turn, data, step) ?? StepResult.Again(t["flow.text_expected"]);
        }

        if (form.CancelsEverywhere && input.Choice == "cancel")
        {
            return StepResult.Fire(FlowTrigger.Cancel);
        }

        var result = step.Read!(turn, data);
        return result.IsUnexpected && input.Choice is null && input.Text?.Trim() is { Length: > 0 } typed
            ? KeepText(turn, data, step, typed) ?? result
            : result;
    }

    private void Apply(FlowTurn turn, TData data, FormMachine<TData> form, StepResult result)
    {
        var t = turn.Context.T;
        if (result.IsUnexpected)
        {
            turn.Say(Answers.Unexpected(t, turn.Input));
        }
        else if (result.Reason is { } reason)
        {
            turn.Say(reason);
        }
        else if (result.Trigger == FlowTrigger.Save && Missing(data) is { Count: > 0 } missing)
        {
            turn.Say(MissingMessage(t, missing));
        }
        else if (result.Trigger is { } trigger)
        {
            form.Machine.Fire(trigger);
            if (form.Machine.State.IsTerminal)
            {
                turn.Finish();
            }
        }
    }

    /// <summary>
    /// Notes that the question asked this turn (before the card) holds an answer now: one the step accepted into the
    /// draft. Input it refused, a skip and a press that fills nothing leave the draft without one, so they are not noted.
    /// </summary>
    private static void Remember(FlowTurn turn, TData data, FormStep<TData> asked, StepResult result)
    {
        if (asked.IsCard || asked.Shown is null || result.IsUnexpected || result.Reason is not null)
        {
            return;
        }

        var key = KeyOf(asked);
        if (!string.IsNullOrEmpty(asked.Shown(turn, data)) && !turn.Draft.Given.Exists(a => a.Field == key))
        {
            turn.Draft.Given.Add(new DraftAnswer { Field = key });
        }
    }

    private static string KeyOf(FormStep<TData> step) => step.Field ?? step.Name;

    /// <summary>
    /// The live card's top line: the answers so far, when the question replaces the pressed one in place (the pressed
    /// question and its answer are no longer in the chat). Each is what the draft holds now, as its step shows it (an
    /// answer changed since shows as changed, one cleared not at all). Not on the card, which shows everything, nor once
    /// the card has been reached.
    /// </summary>
    private string Given(FlowTurn turn, TData data, FormStep<TData> step)
    {
        if (turn.Input.Choice is null || turn.Context.Update.Kind != Messaging.UpdateKind.Callback || step.IsCard
            || data is IReviewedDraft { ReturnToReview: true } || turn.Draft.Given.Count == 0)
        {
            return "";
        }

        var shown = turn.Draft.Given
            .Select(a => Steps.FirstOrDefault(s => s.Shown is not null && KeyOf(s) == a.Field)?.Shown!(turn, data))
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Select(text => TextPreview.Shorten(text!, GivenLength))
            .ToList();
        return shown.Count == 0 ? "" : turn.Context.T.Format("flow.given", string.Join(" · ", shown)) + "\n\n";
    }

    /// <summary>
    /// Asks the question, then saves: asking may note what its buttons stand for. Where every question can be
    /// cancelled, the cancel button joins the last row when it has room (fewer than three buttons, each label still whole
    /// in its share of a phone's row once the cancel button is beside it), else a row of its own.
    /// </summary>
    /// <summary>About what a row of buttons shows whole on a phone, in half-width characters (20 Chinese characters).</summary>
    private const int PhoneRowWidth = 40;

    private void AskAndSave(FlowTurn turn, TData data, FormStep<TData> step)
    {
        var question = step.Ask!(turn, data);
        var rows = question.Rows?.Select(row => row.ToList()).Where(row => row.Count > 0).ToList() ?? [];
        if (CancelsEverywhere)
        {
            var cancel = new Choice(turn.Context.T["flow.cancel"], "cancel");
            if (rows.Count > 0 && rows[^1].Count < 3 && rows[^1].All(c => TextWidth.Of(c.Label) <= PhoneRowWidth / (rows[^1].Count + 1)))
            {
                rows[^1].Add(cancel);
            }
            else
            {
                rows.Add([cancel]);
            }
        }

        turn.Ask(Given(turn, data, step) + question.Html, rows);
        turn.Save(data);
    }
}
