using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;

namespace Assistant.Core.Findings;

/// <summary>Starts the finding flow: from /finding, a photo, a shared location, a note's button, or an edit.</summary>
public sealed class FindingStarter(ConversationEngine engine, FindingFlow flow)
{
    public void Start(UpdateContext context, FindingDraft initial) =>
        engine.Start(context, FindingFlow.FlowName, turn => flow.Begin(turn, initial));
}
