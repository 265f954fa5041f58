using Stateless;

namespace Assistant.Core.Conversations;

/// <summary>
/// The Stateless machine of one form flow for one turn, with the form's usual wiring: a question that
/// returns to the card once the card has been reached, the card itself (save, cancel, edits), terminal
/// states whose entry does the work, and cancel from every question. Anything else is configured on the
/// machine directly (<see cref="Configure"/>); a trigger a state neither permits nor ignores is a bug and throws.
/// </summary>
/// <typeparam name="TData">The flow's draft data, which the guards read.</typeparam>
public sealed class FormMachine<TData>
{
    private readonly FlowTurn? _turn;
    private readonly HashSet<FormStep<TData>> _ended = [];
    private FormStep<TData>? _review;

    internal FormMachine(StateMachine<FormStep<TData>, FlowTrigger> machine, TData data, FlowTurn? turn)
    {
        Machine = machine;
        Data = data;
        _turn = turn;
    }

    /// <summary>The draft's data: what guards decide on.</summary>
    public TData Data { get; }

    internal StateMachine<FormStep<TData>, FlowTrigger> Machine { get; }

    /// <summary>Set by <see cref="CancelFromEveryStep"/>: a cancel button goes with every question.</summary>
    internal bool CancelsEverywhere { get; private set; }

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
            .OnEntry(() => ((IReviewedDraft)Data!).ReturnToReview = true, "answers now return to the card")
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
