using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.General;

/// <summary>/cancel: leaves any open flow. What was already saved stays saved.</summary>
public sealed class CancelCommand(IConversationRunner conversations) : ICommandHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("cancel", Permission.Basics, ChatScope.PrivateOnly, "help.cmd.cancel", "/cancel") { InMenu = true }];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command)
    {
        if (!conversations.Cancel(context))
        {
            context.Reply(context.T["cancel.nothing"]);
        }
    }
}
