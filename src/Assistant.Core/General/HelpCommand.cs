using Assistant.Core.Dispatching;
using Assistant.Core.Teams;

namespace Assistant.Core.General;

/// <summary>/help: what this person's role can do.</summary>
public sealed class HelpCommand(HelpRenderer renderer) : ICommandHandler, IDeclaresSpecs
{
    public static IReadOnlyList<CommandSpec> Commands { get; } =
        [new("help", Permission.Basics, ChatScope.Anywhere, "help.cmd.help", "/help") { InMenu = true }];

    public void Handle(UpdateContext context, CommandSpec spec, CommandLine command) => context.Reply(renderer.Render(context));
}
