using Assistant.Core.Conversations;
using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.Plan;

/// <summary>
/// /plan: the province's rectification plan (due date, received, progress reports, look-back) with buttons by role.
/// Buttons: pl:v shows the card, pl:a:ACTION starts the plan flow for that action after checking role and state again.
/// </summary>
public sealed class PlanCommands(PlanService plans, ConversationEngine engine) : ICommandHandler, ICallbackHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("plan", Permission.WriteReport, ChatScope.PrivateOnly, "help.cmd.plan", "/plan")];

    public static IReadOnlyList<ButtonSpec> Buttons { get; } = [new("pl", Permission.WriteReport, ChatScope.PrivateOnly)];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command) => Show(context);

    public void Handle(UpdateContext context, string payload)
    {
        var t = context.T;
        var member = context.Member!;

        if (payload == "v")
        {
            Show(context);
            return;
        }

        var parts = payload.Split(':');
        if (parts.Length != 2 || parts[0] != "a" || !Enum.TryParse<PlanAction>(parts[1], out var action) || !Enum.IsDefined(action))
        {
            context.Reply(t["callback.expired"]);
            return;
        }

        if (plans.ForTeam(member.TeamId) is not { } plan)
        {
            context.Reply(t["plan.none"]);
            return;
        }

        if (!PlanService.May(member, action))
        {
            context.Reply(t["plan.refused." + action.ToString().ToLowerInvariant()]);
            return;
        }

        if (!PlanService.Applies(plan, action))
        {
            context.Reply(t["plan.not_now"]);
            return;
        }

        engine.Start(context, PlanFlow.FlowName, new PlanDraft { Action = action });
    }

    private void Show(UpdateContext context)
    {
        if (context.Member is not { } member || plans.ForTeam(member.TeamId) is not { } plan)
        {
            context.Reply(context.T["plan.none"]);
            return;
        }

        context.Reply(PlanCard.Text(context.T, plan, context.Today), PlanCard.Buttons(context.T, plan, member));
    }
}
