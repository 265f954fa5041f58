using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;

namespace Assistant.Core.Findings;

/// <summary>
/// Starts the finding flow: from /finding, a photo, a shared location, a note's button, or an edit. A new finding
/// takes the member's defaults from their latest finding of the day (one index look-up).
/// </summary>
public sealed class FindingStarter(ConversationEngine engine, FindingFlow flow, FindingStore store)
{
    /// <summary>Starts the flow; <paramref name="suggestDefaults"/> fills what the draft lacks from the member's defaults, as suggestions.</summary>
    public void Start(UpdateContext context, FindingDraft initial, bool suggestDefaults = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(initial);
        if (initial.EditingFindingId is null && initial.Defaults is null && context.Member is { } member
            && store.LastOfDay(member.TeamId, member.Id, context.Today) is { } last)
        {
            initial.Defaults = FindingDefaults.From(last);
        }

        if (suggestDefaults)
        {
            initial.Defaults?.SuggestInto(initial);
        }

        engine.Start(context, FindingFlow.FlowName, turn => flow.Begin(turn, initial));
    }
}
