using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.General;

/// <summary>/help: what this person's role can do.</summary>
public sealed class HelpCommand(HelpRenderer renderer) : ICommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["help"];

    public Permission Permission => Permission.Basics;

    public ChatScope Scope => ChatScope.Anywhere;

    public IReadOnlyList<HelpLine> Help { get; } = [new("/help", "help.cmd.help", Permission.Basics)];

    public void Handle(UpdateContext context, CommandLine command) => context.Reply(renderer.Render(context));
}
