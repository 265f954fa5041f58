namespace Assistant.Core.Conversations;

/// <summary>
/// A guided conversation (a Stateless machine over a <see cref="Draft"/>). The engine loads the draft,
/// calls the flow with the member's input, and saves the draft in the same transaction.
/// </summary>
public interface IFlow
{
    /// <summary>Stable name stored in drafts ("finding").</summary>
    string Name { get; }

    /// <summary>Catalog key of the flow's name as users see it ("flow.finding").</summary>
    string TitleKey { get; }

    /// <summary>Handles one input (text, a button, a photo, a location) at the draft's current step.</summary>
    void Continue(FlowTurn turn);

    /// <summary>Asks the current step's question again (after a restart, or when the member returns).</summary>
    void AskAgain(FlowTurn turn);

    /// <summary>The flow's state machine as Mermaid text, drawn from the machine itself (docs/flows/NAME.md).</summary>
    string Diagram();

    /// <summary>
    /// After the member left the flow with /cancel, or its draft expired (the draft is gone, that said): what the flow keeps
    /// and says next, e.g. how to take up later what was left half-done. On expiry the janitor's context has no update of
    /// the member's behind it: only <see cref="Dispatching.UpdateContext.Reply"/> and the stores.
    /// </summary>
    void Left(FlowTurn turn)
    {
    }

    /// <summary>What the draft holds so far, in a few words (HTML), for "you have an unfinished …, continuing: …"; empty when nothing yet.</summary>
    string Describe(FlowTurn turn) => "";
}
