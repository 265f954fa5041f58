using Stateless;

namespace Assistant.Core.Conversations;

/// <summary>
/// The Stateless machine of one form flow, with the form's usual wiring: a question that
/// returns to the card once the card has been reached, the card itself (save, cancel, edits), terminal
/// states whose entry does the work, and cancel from every question. Anything else is configured on the
/// machine directly (<see cref="Configure"/>); a trigger a state neither permits nor ignores is a bug and throws.
/// </summary>
/// <remarks>
/// Configured once and used for many turns, one at a time (<see cref="FormFlow{TData}"/> keeps a few): a turn binds
/// its draft (<see cref="Bind"/>), so guards and actions read <see cref="Data"/> when they run, never a draft captured
/// when the machine was configured. Configuring costs more than a turn's work in the machine (every guard and action
/// is described by reflection), so it is not done again for every button press.
/// </remarks>
/// <typeparam name="TData">The flow's draft data, which the guards read.</typeparam>
public sealed class FormMachine<TData> where TData : class
{
    private readonly HashSet<FormStep<TData>> _ended = [];
    private readonly FormStep<TData> _initial;
    private FormStep<TData>? _review;
    private FlowTurn? _turn;
    private TData? _data;
    private FormStep<TData> _state;

    /// <param name="initial">The state between turns and the diagram's first state: the form's first question.</param>
    internal FormMachine(FormStep<TData> initial)
    {
        _initial = initial;
        _state = initial;
        Machine = new StateMachine<FormStep<TData>, FlowTrigger>(
            () => _state,
            step =>
            {
                _state = step;
                if (_turn is not null)
                {
                    _turn.Draft.State = step.Name;
                }
            });
    }

    /// <summary>The draft's data of the turn being run: what guards decide on.</summary>
    public TData Data => _data ?? throw new InvalidOperationException("The form's machine is used outside a turn.");

    internal StateMachine<FormStep<TData>, FlowTrigger> Machine { get; }

    /// <summary>Set by <see cref="CancelFromEveryStep"/>: a cancel button goes with every question.</summary>
    internal bool CancelsEverywhere { get; private set; }

    /// <summary>Runs the machine for one turn (or none, for the diagram) on <paramref name="data"/>, in <paramref name="state"/>.</summary>
    internal void Bind(FlowTurn? turn, TData data, FormStep<TData> state)
    {
        _turn = turn;
        _data = data;
        _state = state;
    }

    /// <summary>Lets go of the turn, so a kept machine holds no draft between turns.</summary>
    internal void Unbind()
    {
        _turn = null;
        _data = null;
        _state = _initial;
    }

    private bool BackToCard => Data is IReviewedDraft { ReturnToReview: true };

    public StateMachine<FormStep<TData>, FlowTrigger>.StateConfiguration Configure(FormStep<TData> step) => Machine.Configure(step);

    /// <summary>
    /// An answer to <paramref name="from"/> moves on to <paramref name="next"/>, or back to the card once it has been
    /// reached; <paramref name="unless"/> leaves the answer to a branch configured beside it.
    /// </summary>
    public StateMachine<FormStep<TData>, FlowTrigger>.StateConfiguration Next(FormStep<TData> from, FormStep<TData> next, Func<bool>? unless = null)
    {
        var review = _review ?? throw new InvalidOperationException($"Configure the card before {from}, which returns to it.");
        var branch = unless ?? (() => false);
        return Machine.Configure(from)
            .PermitIf(FlowTrigger.Answered, next, () => !branch() && !BackToCard, "next question")
            .PermitIf(FlowTrigger.Answered, review, () => !branch() && BackToCard, "back to the card");
    }

    /// <summary>
    /// The card: from now on answers return to it; Save enters <paramref name="saved"/>, Cancel <paramref name="cancelled"/>,
    /// each edit target its question (ignored where the target is not offered).
    /// </summary>
    public StateMachine<FormStep<TData>, FlowTrigger>.StateConfiguration Review(
        FormStep<TData> review, IEnumerable<EditTarget<TData>> targets, FormStep<TData> saved, FormStep<TData> cancelled)
    {
        _review = review;
        var card = Machine.Configure(review)
            .OnEntry(() => ((IReviewedDraft)Data).ReturnToReview = true, "answers now return to the card")
            .Permit(FlowTrigger.Save, saved)
            .Permit(FlowTrigger.Cancel, cancelled);
        foreach (var target in targets)
        {
            if (target.Offered is not { } offered)
            {
                card.Permit(target.Trigger, target.Target);
                continue;
            }

            card.PermitIf(target.Trigger, target.Target, () => offered(Data), target.OfferedDescription)
                .IgnoreIf(target.Trigger, () => !offered(Data), "not offered");
        }

        End(saved, FlowTrigger.Save);
        End(cancelled, FlowTrigger.Cancel);
        return card;
    }

    /// <summary>A terminal state entered by <paramref name="trigger"/>: its <see cref="FormStep{TData}.Enter"/> does the work, then the flow ends.</summary>
    public void End(FormStep<TData> end, FlowTrigger trigger)
    {
        var enter = end.Enter ?? throw new InvalidOperationException($"{end} is not a terminal state.");
        if (!_ended.Add(end))
        {
            return;
        }

        Machine.Configure(end).OnEntryFrom(trigger, () => enter(_turn!, Data), end.EnterDescription);
    }

    /// <summary>Every question of <paramref name="questions"/> has a cancel button, which enters <paramref name="cancelled"/> (the card has its own).</summary>
    public void CancelFromEveryStep(IEnumerable<FormStep<TData>> questions, FormStep<TData> cancelled)
    {
        CancelsEverywhere = true;
        foreach (var question in questions.Where(q => !q.IsTerminal && q != _review))
        {
            Machine.Configure(question).Permit(FlowTrigger.Cancel, cancelled);
        }

        End(cancelled, FlowTrigger.Cancel);
    }
}
