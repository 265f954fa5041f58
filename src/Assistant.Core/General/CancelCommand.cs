using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.General;

/// <summary>/cancel: leaves any open flow. What was already saved stays saved.</summary>
public sealed class CancelCommand(IConversationRunner conversations) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["cancel"];

    public Permission Permission => Permission.Basics;

    public ChatScope Scope => ChatScope.PrivateOnly;

    public IReadOnlyList<HelpLine> Help { get; } = [new("/cancel", "help.cmd.cancel", Permission.Basics)];

    public void Handle(UpdateContext context, CommandLine command) =>
        context.Reply(conversations.Cancel(context) ? context.T["cancel.done"] : context.T["cancel.nothing"]);
}
